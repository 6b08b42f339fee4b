// The contact-group code list (kontaktgrupper) with the DFDG ids the seeds give (DOMAIN.md), and
// what a recovery (raskmelding) from a sick group does.
import { codeList } from '../../../core/code-list';
import { addWeeks, type IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import { personCodeList } from '../code-lists';
import { PersonErrorCode } from './error-codes';

export interface ContactGroup {
  id: number;
  name: string;
}

export const DAGPENGE = 1;
export const KONTANTHJAELP = 2;
/** Ressourceforløb: where recovery cause 37 leads (001 §2.8). */
export const RESOURCE_COURSE = 11;
export const SICK_FROM_EMPLOYMENT = 24;

const SEED_GROUPS: readonly ContactGroup[] = [
  { id: 1, name: 'Dagpengemodtager' },
  { id: 2, name: 'Kontanthjælpsmodtager' },
  { id: 4, name: 'Revalidering' },
  { id: 5, name: 'For-revalidering' },
  { id: 6, name: 'Sygedagpengemodtager' },
  { id: 7, name: 'Fleksjobvisiteret (ledig)' },
  { id: 10, name: 'Fleksjobansat' },
  { id: 11, name: 'Ressourceforløb' },
  { id: 12, name: 'Modtager af uddannelseshjælp' },
  { id: 13, name: 'Jobafklaring' },
  { id: 14, name: 'Førtidspensionister' },
  { id: 15, name: 'Kompensation til handicappede i beskæftigelse' },
  { id: 16, name: 'Unge u. 18' },
  { id: 17, name: 'Selvforsørgede, ikke i beskæftigelse' },
  { id: 21, name: 'Voksenelever' },
  { id: 22, name: 'Jobrotation' },
  { id: 23, name: 'Seniorjob' },
  { id: 24, name: 'Sygedagpengemodtager fra beskæftigelse' },
  { id: 25, name: 'Sygedagpengemodtager fra ledighed' },
  { id: 26, name: 'Overgangsydelsesmodtager efter LAB' },
  { id: 27, name: 'Selvforsørgelses- og hjemrejseydelsesmodtager efter INL' },
  { id: 28, name: 'Uddannelsespålæg – Overgangsydelsesmodtager efter LAB' },
  { id: 29, name: 'Overgangsydelsesmodtager efter INL' },
];

/**
 * 'Uden ydelse' is registered in DFDG but the seeds give it no id: its id and name are a provisional
 * list (code-lists/contact-groups.json, 99 shipped) an operator maps to STAR's id.
 */
const CODES = personCodeList('contact-groups', ['WITHOUT_BENEFIT'] as const, SEED_GROUPS.map((group) => group.id));
export const WITHOUT_BENEFIT = CODES.WITHOUT_BENEFIT.id;

export const CONTACT_GROUPS: readonly ContactGroup[] = [...SEED_GROUPS, { id: WITHOUT_BENEFIT, name: CODES.WITHOUT_BENEFIT.name }];

/**
 * Sick-benefit groups (sygedagpenge: 6, 24 and 25, 001 §2.3). A recovery (raskmelding) leaves any of
 * them: 001 §2.8 moves a person "from sygedagpengemodtager" to 11 on cause 37, whichever of the three.
 */
export const SICK_GROUPS: ReadonlySet<number> = new Set([6, 24, 25]);

/** Contact groups an a-kasse may open for its members: dagpenge and 'Uden ydelse' (002, 001 §1.5). */
export const AKASSE_CONTACT_GROUPS: ReadonlySet<number> = new Set([DAGPENGE, WITHOUT_BENEFIT]);

/**
 * Recovery causes (raskmeldingsårsager) with a consequence for the next contact group. Causes not
 * listed are accepted and recorded; they leave the next group to the caller.
 */
export const RECOVERY_CAUSES: ReadonlyMap<number, { name: string; nextContactGroupId: number }> = new Map([
  [37, { name: 'Overgået til ressourceforløb', nextContactGroupId: RESOURCE_COURSE }], // 001 §2.8
]);

const GROUPS = codeList(CONTACT_GROUPS, (g) => g.id, (id) =>
  new DomainError(PersonErrorCode.UNKNOWN_CONTACT_GROUP, `Contact group ${id} is not in the DFDG code list.`, { contactGroupId: id }),
);

/** The contact group with this DFDG id, or UNKNOWN_CONTACT_GROUP. */
export function contactGroup(id: number): ContactGroup {
  return GROUPS.get(id);
}

/**
 * The group a change really opens. A recovery cause is only meaningful when leaving a sick group
 * (6, 24 or 25), and cause 37 moves the person to 11 'Ressourceforløb' whatever group the caller
 * asked for (001 §2.8). `leftGroupId` is the group in force the day before the change starts.
 */
export function nextContactGroup(input: { requestedGroupId: number; leftGroupId: number | null; recoveryCauseId: number | null }): number {
  if (input.recoveryCauseId === null) return contactGroup(input.requestedGroupId).id;
  if (input.leftGroupId === null || !SICK_GROUPS.has(input.leftGroupId)) {
    throw new DomainError(
      PersonErrorCode.RECOVERY_WITHOUT_SICK_GROUP,
      'A recovery cause can only be given when the person leaves sick group 6, 24 or 25; leave recoveryCauseId out.',
      { recoveryCauseId: input.recoveryCauseId },
    );
  }
  const cause = RECOVERY_CAUSES.get(input.recoveryCauseId);
  return contactGroup(cause ? cause.nextContactGroupId : input.requestedGroupId).id;
}

/**
 * How far ahead each dated kind may be recorded (valid time). A change recorded for a later day is
 * stored and shown as scheduled, and takes effect on its day. 13 weeks is the a-kasse register's own
 * forward horizon (payment: MEMBERSHIP_DATED_TOO_FAR_AHEAD): the dagpenge and 'Uden ydelse' changes an
 * a-kasse reports rest on memberships dated at most that far ahead, a dimittend's entitlement date
 * falls a month after graduation (004), and a change announced further ahead is more likely to be
 * overtaken than to happen as recorded.
 */
export const DATED_AHEAD_LIMITS = {
  CONTACT_GROUP_CHANGE: { weeks: 13 },
  DIMITTEND_ENTITLEMENT: { weeks: 13 },
} as const;

export type DatedKind = keyof typeof DATED_AHEAD_LIMITS;

/** The last day a change of `kind` may be dated, recorded `today`. */
export function latestDateAhead(kind: DatedKind, today: IsoDate): IsoDate {
  return addWeeks(today, DATED_AHEAD_LIMITS[kind].weeks);
}

/** Refuses a date further ahead than its kind allows (DATED_TOO_FAR_AHEAD, with the latest day). */
export function assertNotTooFarAhead(kind: DatedKind, date: IsoDate, today: IsoDate, field: string): void {
  const latest = latestDateAhead(kind, today);
  if (date > latest) {
    throw new DomainError(PersonErrorCode.DATED_TOO_FAR_AHEAD, `This change can be dated at most ${DATED_AHEAD_LIMITS[kind].weeks} weeks ahead (until ${latest}).`, { field, latest });
  }
}
