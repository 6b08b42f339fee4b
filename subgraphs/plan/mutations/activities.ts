// Registering, updating, cancelling and interrupting activities. Each is one unit of work: the
// activity row, the next Min plan version (holding a copy of all activities) and the events.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { today } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import { findPersonByCpr, KnownPerson } from '../../common/person-directory';
import { Activity, activityRecord, type ActivityRecord } from '../entities/Activity';
import type { PlanVersion } from '../entities/PlanVersion';
import { PlanEvent, type ActivityNuphPayload, type JobOrientedEducationRegisteredPayload } from '../events';
import { writePlanVersion, type VersionChange } from '../writes';
import {
  activityHoursPerWeek,
  assertActivityActive,
  assertMayWriteActivities,
  cancellationCause,
  ChangeCode,
  PlanErrorCode,
  validateActivityEnding,
  validateActivityUpdate,
  validateCancellation,
  validateInterruption,
  validateNewActivity,
  type ActivitySnapshot,
  type ChangeCodeId,
} from '../rules';
import { author, type Context } from './context';

export interface RegisterActivityInput {
  cpr: string;
  categoryId: number;
  frameId?: number | null;
  start: string;
  end?: string | null;
  hoursPerWeek?: number | null;
}

/** Omitted fields keep their value; an explicit null clears frame, end or hours. */
export interface UpdateActivityInput {
  id: string;
  categoryId?: number | null;
  frameId?: number | null;
  start?: string | null;
  end?: string | null;
  hoursPerWeek?: number | null;
}

export interface CancelActivityInput {
  id: string;
  causeId: number;
}

export interface InterruptActivityInput extends CancelActivityInput {
  interruptionDate: string;
}

function withActivity(previous: PlanVersion | null, record: ActivityRecord): ActivityRecord[] {
  const others = (previous?.activities ?? []).filter((a) => a.id !== record.id);
  return [...others, record].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

function versionChange(code: ChangeCodeId, previous: PlanVersion | null, activity: Activity, events: VersionChange['events'] = []): VersionChange {
  const record = activityRecord(activity);
  return { changeCodes: [code], patch: { activities: withActivity(previous, record) }, activityId: activity.id, events };
}

export async function registerActivity(ctx: Context, input: RegisterActivityInput): Promise<Activity> {
  const known = await findPersonByCpr(ctx.em, input.cpr);
  assertMayWriteActivities(ctx.identity, known, today(ctx.clock));
  const candidate: ActivitySnapshot = { frameId: input.frameId ?? null, categoryId: input.categoryId, start: input.start, end: input.end ?? null };
  const decision = validateNewActivity({ ...candidate, today: today(ctx.clock), registrantRole: ctx.identity.role });
  const hoursPerWeek = activityHoursPerWeek(candidate.categoryId, input.hoursPerWeek ?? null);
  const { result } = await writePlanVersion(ctx.em, ctx.clock, author(ctx), known.id, async (tx, person, previous) => {
    const now = ctx.clock.now();
    const activity = tx.create(Activity, {
      id: randomUUID(),
      personId: person.id,
      ...candidate,
      hoursPerWeek,
      status: 'ACTIVE',
      endingCauseId: null,
      registeredByRole: ctx.identity.role,
      registeredByAuthority: ctx.identity.authority,
      createdAt: now,
      updatedAt: now,
    });
    // The rule says who must hear of the activity; the a-kasse side of a registration is 002's
    // "tekniske beskeder … om jobrettet uddannelse" (PLAN_VERSION_CREATED already reaches both).
    const events = decision.notify.includes('akasse') ? [jobOrientedEducationEvent(activity)] : [];
    return { change: versionChange(ChangeCode.ACTIVITY_REGISTERED, previous, activity, events), result: activity };
  });
  return result;
}

function jobOrientedEducationEvent(activity: Activity) {
  const payload: JobOrientedEducationRegisteredPayload = {
    personId: activity.personId,
    activityId: activity.id,
    start: activity.start,
    end: activity.end,
    registeredByRole: activity.registeredByRole,
    registeredByAuthority: activity.registeredByAuthority,
  };
  return { kind: PlanEvent.JOB_ORIENTED_EDUCATION_REGISTERED, entityType: 'Activity', entityId: activity.id, payload };
}

/** The activity and its person, authorized; ACTIVITY_NOT_FOUND for an unknown id. */
async function activityToChange(ctx: Context, id: string): Promise<KnownPerson> {
  const activity = await ctx.em.findOne(Activity, { id });
  if (!activity) throw new DomainError(PlanErrorCode.ACTIVITY_NOT_FOUND, 'No activity with that id exists: check the id.', { activityId: id });
  const person = await ctx.em.findOneOrFail(KnownPerson, { id: activity.personId });
  assertMayWriteActivities(ctx.identity, person, today(ctx.clock));
  return person;
}

/** Re-read under the person's lock, so two parallel changes of one activity apply one after the other. */
async function lockedActivity(tx: EntityManager, id: string): Promise<Activity> {
  return tx.findOneOrFail(Activity, { id }, { refresh: true });
}

export async function updateActivity(ctx: Context, input: UpdateActivityInput): Promise<Activity> {
  const person = await activityToChange(ctx, input.id);
  const { result } = await writePlanVersion(ctx.em, ctx.clock, author(ctx), person.id, async (tx, _person, previous) => {
    const activity = await lockedActivity(tx, input.id);
    assertActivityActive(activity);
    const existing: ActivitySnapshot = { frameId: activity.frameId, categoryId: activity.categoryId, start: activity.start, end: activity.end };
    const updated: ActivitySnapshot = {
      frameId: 'frameId' in input ? (input.frameId ?? null) : activity.frameId,
      categoryId: input.categoryId ?? activity.categoryId,
      start: input.start ?? activity.start,
      end: 'end' in input ? (input.end ?? null) : activity.end,
    };
    validateActivityUpdate({ existing, updated, today: today(ctx.clock), registrantRole: ctx.identity.role });
    const hoursPerWeek = activityHoursPerWeek(updated.categoryId, 'hoursPerWeek' in input ? (input.hoursPerWeek ?? null) : activity.hoursPerWeek);
    Object.assign(activity, updated, { hoursPerWeek, updatedAt: ctx.clock.now() });
    return { change: versionChange(ChangeCode.ACTIVITY_UPDATED, previous, activity), result: activity };
  });
  return result;
}

async function endActivity(ctx: Context, input: CancelActivityInput, interruptionDate: string | null): Promise<Activity> {
  const person = await activityToChange(ctx, input.id);
  const { result } = await writePlanVersion(ctx.em, ctx.clock, author(ctx), person.id, async (tx, _person, previous) => {
    const activity = await lockedActivity(tx, input.id);
    const day = today(ctx.clock);
    const ending = validateActivityEnding({ frameId: activity.frameId, categoryId: activity.categoryId, causeId: input.causeId, today: day, registrantRole: ctx.identity.role });
    if (interruptionDate === null) {
      validateCancellation(activity, day);
      activity.status = 'CANCELLED';
    } else {
      activity.end = validateInterruption(activity, interruptionDate, day);
      activity.status = 'INTERRUPTED';
    }
    activity.endingCauseId = input.causeId;
    activity.updatedAt = ctx.clock.now();
    const events = ending.negativeReportableEvent ? [nuphEvent(activity, interruptionDate ?? activity.start)] : [];
    const code = interruptionDate === null ? ChangeCode.ACTIVITY_CANCELLED : ChangeCode.ACTIVITY_INTERRUPTED;
    return { change: versionChange(code, previous, activity, events), result: activity };
  });
  return result;
}

function nuphEvent(activity: Activity, date: string) {
  const cause = cancellationCause(activity.endingCauseId!);
  const payload: ActivityNuphPayload = {
    personId: activity.personId,
    activityId: activity.id,
    frameId: activity.frameId,
    categoryId: activity.categoryId,
    ending: activity.status === 'CANCELLED' ? 'CANCELLED' : 'INTERRUPTED',
    causeId: cause.id,
    causeName: cause.name,
    date,
  };
  return { kind: PlanEvent.ACTIVITY_NUPH, entityType: 'Activity', entityId: activity.id, payload };
}

export const cancelActivity = (ctx: Context, input: CancelActivityInput) => endActivity(ctx, input, null);
export const interruptActivity = (ctx: Context, input: InterruptActivityInput) => endActivity(ctx, input, input.interruptionDate);
