// Registering, updating and ending activities (indsatser/aktiviteter) in Min plan: frame and category
// checks, who may register what, and who must be told (seed 001 §4.2, 002 'Jobrettet uddannelse').
import { DomainError } from '../../../core/errors';
import { addMonths, daysBetween, type IsoDate } from '../../../core/dates';
import type { Role } from '../../../core/identity';
import { activityCategory, JOB_ORIENTED_EDUCATION, type ActivityCategory } from './activity-categories';
import { allocationFrame, assertFrameAllowsCategory, assertFrameOpenForStart } from './allocation-frames';
import { nuphRequired } from './cancellation-causes';
import { requireDateRange, requireIsoDate } from './date-input';
import { PlanErrorCode } from './error-codes';

/** The sides DFDG sends a change message (WSRM) to. */
export type NotifiedParty = 'jobcentre' | 'akasse';

/** An activity as rules see it; a null frame means it is not funded from an allocation frame. */
export interface ActivitySnapshot {
  frameId: number | null;
  categoryId: number;
  start: IsoDate;
  end: IsoDate | null;
}

export interface NewActivityInput extends ActivitySnapshot {
  today: IsoDate;
  registrantRole: Role;
}

export interface ActivityUpdateInput {
  existing: ActivitySnapshot;
  updated: ActivitySnapshot;
  today: IsoDate;
  registrantRole: Role;
}

export interface ActivityEndingInput {
  frameId: number | null;
  categoryId: number;
  causeId: number;
  today: IsoDate;
  registrantRole: Role;
}

export interface ActivityDecision {
  /** Who gets a change message about this activity. */
  notify: NotifiedParty[];
}

export interface ActivityEndingDecision extends ActivityDecision {
  /** True when the ending is a negative reportable event (NUPH) for the a-kasse. */
  negativeReportableEvent: boolean;
}

interface RegistrantRule {
  role: Role;
  /** First day (today) the role may register; null = always. */
  from: IsoDate | null;
}

/**
 * Activities are the jobcentre's (caseworker); STAR (system) may register for data repairs; analysts
 * never write.
 */
const DEFAULT_REGISTRANTS: readonly RegistrantRule[] = [
  { role: 'caseworker', from: null },
  { role: 'system', from: null },
];

/**
 * 002: "A-kasserne registrerer fra 1. januar 2025 jobrettet uddannelse som aktivitet i Min Plan i
 * hele ledighedsperioden" — so not only while the a-kasse holds the contact course.
 */
const EXTRA_REGISTRANTS_BY_CATEGORY: ReadonlyMap<number, readonly RegistrantRule[]> = new Map([
  [JOB_ORIENTED_EDUCATION, [{ role: 'akasse', from: '2025-01-01' }]],
]);

/**
 * 002: both the municipality's and the a-kasse's systems get messages about jobrettet uddannelse.
 * Sent for every such activity, whoever registered it: the a-kasse decides on the six weeks.
 */
const ALSO_NOTIFIED_BY_CATEGORY: ReadonlyMap<number, readonly NotifiedParty[]> = new Map([[JOB_ORIENTED_EDUCATION, ['akasse']]]);

function partiesToNotify(categoryId: number, extra: readonly NotifiedParty[] = []): NotifiedParty[] {
  return [...new Set<NotifiedParty>(['jobcentre', ...(ALSO_NOTIFIED_BY_CATEGORY.get(categoryId) ?? []), ...extra])];
}

function assertRegistrantAllowed(category: ActivityCategory, role: Role, today: IsoDate): void {
  const rules = [...DEFAULT_REGISTRANTS, ...(EXTRA_REGISTRANTS_BY_CATEGORY.get(category.id) ?? [])];
  const rule = rules.find((candidate) => candidate.role === role);
  if (rule && (rule.from === null || today >= rule.from)) return;
  const message = rule?.from
    ? `Role ${role} can register '${category.name}' from ${rule.from}: until then the jobcentre registers it.`
    : `Role ${role} cannot register, change or end '${category.name}' (category ${category.id}): ask the jobcentre to do it.`;
  throw new DomainError(PlanErrorCode.REGISTRANT_NOT_ALLOWED, message, { categoryId: category.id, role, allowedFrom: rule?.from ?? null });
}

function assertCategoryAvailable(category: ActivityCategory, today: IsoDate): void {
  if (category.availableFrom === null || today >= category.availableFrom) return;
  throw new DomainError(
    PlanErrorCode.ACTIVITY_CATEGORY_NOT_YET_AVAILABLE,
    `Activity category ${category.id} '${category.name}' can be registered from ${category.availableFrom}: register it then.`,
    { categoryId: category.id, availableFrom: category.availableFrom },
  );
}

function assertDuration(category: ActivityCategory, start: IsoDate, end: IsoDate | null): void {
  if (category.maxDurationDays === null) return;
  if (end === null) {
    throw new DomainError(
      PlanErrorCode.ACTIVITY_END_REQUIRED,
      `'${category.name}' lasts at most ${category.maxDurationDays} days: enter an end date.`,
      { categoryId: category.id, maxDurationDays: category.maxDurationDays },
    );
  }
  const days = daysBetween(start, end) + 1;
  if (days > category.maxDurationDays) {
    throw new DomainError(
      PlanErrorCode.ACTIVITY_DURATION_EXCEEDED,
      `'${category.name}' lasts at most ${category.maxDurationDays} days and this one lasts ${days}: move the end date.`,
      { categoryId: category.id, days, maxDurationDays: category.maxDurationDays },
    );
  }
}

/**
 * How far ahead an activity may be planned: its start at most 12 months after the day it is
 * registered or moved. Until it starts it is shown as scheduled, not in force. The seeds set no
 * limit; a year covers a planned course or education start, and Min plan is followed up at the
 * citizen's interviews long before then, so a later start is a typing error more often than a plan.
 */
export const ACTIVITY_START_MAX_MONTHS_AHEAD = 12;

function assertStartNotTooFarAhead(start: IsoDate, today: IsoDate): void {
  const latest = addMonths(today, ACTIVITY_START_MAX_MONTHS_AHEAD);
  if (start <= latest) return;
  throw new DomainError(
    PlanErrorCode.ACTIVITY_START_TOO_FAR_AHEAD,
    `An activity may start at most ${ACTIVITY_START_MAX_MONTHS_AHEAD} months ahead (on ${latest} at the latest): correct the start date or register it later.`,
    { start, latest },
  );
}

/** Validates a new activity; returns who to notify. Throws DomainError. */
export function validateNewActivity(input: NewActivityInput): ActivityDecision {
  const today = requireIsoDate(input.today, 'the registration date');
  const { start, end } = requireDateRange(input.start, input.end);
  const category = activityCategory(input.categoryId);
  assertCategoryAvailable(category, today);
  assertRegistrantAllowed(category, input.registrantRole, today);
  assertDuration(category, start, end);
  if (input.frameId !== null) {
    const frame = allocationFrame(input.frameId);
    assertFrameOpenForStart(frame, start);
    assertFrameAllowsCategory(frame, category.id);
  }
  assertStartNotTooFarAhead(start, today);
  return { notify: partiesToNotify(category.id) };
}

/**
 * Validates a change to an existing activity; returns who to notify. A frame closed to new
 * activities still takes updates (001 §4.2), so the frame's dates are checked only when the frame or
 * the start date changes: moving the start out of the frame's window is refused, since the frame
 * "må ikke anvendes for aktiviteter, der påbegyndes" after it.
 */
export function validateActivityUpdate(input: ActivityUpdateInput): ActivityDecision {
  const today = requireIsoDate(input.today, 'the registration date');
  const { existing, updated } = input;
  const { start, end } = requireDateRange(updated.start, updated.end);
  const category = activityCategory(updated.categoryId);
  const categoryChanged = updated.categoryId !== existing.categoryId;
  if (categoryChanged) {
    // Changing the category must not let a role take over an activity it could not have registered.
    assertRegistrantAllowed(activityCategory(existing.categoryId), input.registrantRole, today);
    assertCategoryAvailable(category, today);
  }
  assertRegistrantAllowed(category, input.registrantRole, today);
  if (start !== existing.start) assertStartNotTooFarAhead(start, today);
  assertDuration(category, start, end);
  const frameChanged = updated.frameId !== existing.frameId;
  if (updated.frameId !== null && (frameChanged || start !== existing.start || categoryChanged)) {
    const frame = allocationFrame(updated.frameId);
    if (frameChanged || start !== existing.start) assertFrameOpenForStart(frame, start);
    if (frameChanged || categoryChanged) assertFrameAllowsCategory(frame, category.id);
  }
  return { notify: partiesToNotify(category.id) };
}

/**
 * Validates cancelling or interrupting an activity with a cause; says whether it makes a NUPH (then
 * the a-kasse is told). Never for frame 18 nor for 'Revision af Plan' (001 §4.2).
 */
export function validateActivityEnding(input: ActivityEndingInput): ActivityEndingDecision {
  const today = requireIsoDate(input.today, 'the registration date');
  const category = activityCategory(input.categoryId);
  assertRegistrantAllowed(category, input.registrantRole, today);
  const negativeReportableEvent = nuphRequired({ frameId: input.frameId, causeId: input.causeId });
  return { negativeReportableEvent, notify: partiesToNotify(category.id, negativeReportableEvent ? ['akasse'] : []) };
}
