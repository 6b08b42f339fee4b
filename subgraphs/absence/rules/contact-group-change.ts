// What a contact-group change does to the person's absences (001 §2.1, §2.2, §2.7): end those the
// new group does not allow, hold 79 and 65 on sick benefits (24/25), keep 80 there, and take a held
// absence back into force when the person recovers into a group that allows it (else end it).
import { addDays, type IsoDate } from '../../../core/dates';
import type { ContactGroupReaction } from './absence-types';
import { absenceTypeById } from './code-list';
import type { AbsenceState } from './period';

export interface ContactGroupChange {
  contactGroupId: number;
  /** First day in the new group. */
  start: IsoDate;
}

export type AbsenceAction = 'END' | 'HOLD' | 'REACTIVATE';

export interface PlannedAction {
  absenceId: string;
  action: AbsenceAction;
}

/** What the type's rule says for a move into `contactGroupId`. */
export function reactionFor(typeId: number, contactGroupId: number): ContactGroupReaction {
  const type = absenceTypeById(typeId);
  if (type.holdInContactGroups.includes(contactGroupId)) return 'HOLD';
  if (type.allowedContactGroups === null || type.allowedContactGroups.includes(contactGroupId)) return 'STAY';
  return 'END';
}

/**
 * The action per absence still in force (active, planned or on hold, and not run out before the
 * change). Pure and idempotent: an absence already in the state the change asks for gets none.
 */
export function planContactGroupReaction(absences: readonly AbsenceState[], change: ContactGroupChange): PlannedAction[] {
  const plan: PlannedAction[] = [];
  for (const absence of absences) {
    if (absence.status !== 'ACTIVE' && absence.status !== 'ON_HOLD') continue;
    if (absence.end !== null && absence.end < change.start) continue;
    const reaction = reactionFor(absence.typeId, change.contactGroupId);
    if (reaction === 'END') plan.push({ absenceId: absence.id, action: 'END' });
    else if (reaction === 'HOLD' && absence.status === 'ACTIVE') plan.push({ absenceId: absence.id, action: 'HOLD' });
    else if (reaction === 'STAY' && absence.status === 'ON_HOLD') plan.push({ absenceId: absence.id, action: 'REACTIVATE' });
  }
  return plan;
}

/** The stored state after an action; an ended absence keeps only the days before the change. */
export function applyAction(absence: AbsenceState, action: AbsenceAction, changeStart: IsoDate): Pick<AbsenceState, 'status' | 'statusSince' | 'end'> {
  if (action === 'HOLD') return { status: 'ON_HOLD', statusSince: changeStart, end: absence.end };
  if (action === 'REACTIVATE') return { status: 'ACTIVE', statusSince: changeStart, end: absence.end };
  const dayBefore = addDays(changeStart, -1);
  const truncate = absence.start <= dayBefore && (absence.end === null || absence.end > dayBefore);
  return { status: 'ENDED', statusSince: changeStart, end: truncate ? dayBefore : absence.end };
}

export interface MissedReaction {
  change: ContactGroupChange;
  action: AbsenceAction;
}

/**
 * The reactions an absence missed because their changes took effect before it was registered or
 * moved over them (a back-dated registration or update): `changes` are the changes already in
 * force after the absence's start and after its last reaction, in date order; each applies to the
 * state the one before left, as it would have on its day.
 */
export function missedReactions(absence: AbsenceState, changes: readonly ContactGroupChange[]): MissedReaction[] {
  const missed: MissedReaction[] = [];
  let state = absence;
  for (const change of changes) {
    const [planned] = planContactGroupReaction([state], change);
    if (!planned) continue;
    missed.push({ change, action: planned.action });
    state = { ...state, ...applyAction(state, planned.action, change.start) };
  }
  return missed;
}
