// The writes every absence change shares: serialise on the person, read their absences fresh, and
// queue the change's event in the same unit of work (the outbox), addressed by the dispatch rules;
// and a contact-group change applied to one absence (the reaction consumer, and a back-dated
// registration or update that reaches over a change already in force).
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { recordEvent } from '../../core/outbox';
import { lockRow } from '../../core/write-path';
import { today, type IsoDate } from '../../core/dates';
import { addressEvent, type AbsenceEventKind } from './dispatch';
import { changesBetween } from '../common/contact-group-timeline';
import { KnownPerson } from '../common/person-directory';
import { Absence } from './entities/Absence';
import { AbsenceEvent, type AbsencePayload } from './events';
import { absenceTypeById, applyAction, missedReactions, type AbsenceAction, type ContactGroupChange } from './rules';

const EVENT_OF: Record<AbsenceAction, AbsenceEventKind> = {
  END: AbsenceEvent.ABSENCE_ENDED,
  HOLD: AbsenceEvent.ABSENCE_ON_HOLD,
  REACTIVATE: AbsenceEvent.ABSENCE_REACTIVATED,
};

/**
 * Locks the person's directory row for the rest of the transaction and returns it fresh (core's
 * lockRow: SELECT … FOR UPDATE on PostgreSQL; SQLite has one writer, the transaction is the lock).
 * Every write to a person's absences (and the contact-group reaction) takes this lock first, so
 * checks across absences ("79 and 8 never overlap") see every committed absence and none in flight.
 */
export function lockPerson(em: EntityManager, personId: string): Promise<KnownPerson> {
  return lockRow(em, KnownPerson, { id: personId });
}

/** Every absence of the person, any status, as committed now. */
export function personAbsences(em: EntityManager, personId: string): Promise<Absence[]> {
  return em.find(Absence, { personId }, { refresh: true, orderBy: { start: 'asc', createdAt: 'asc' } });
}

/**
 * The full AbsencePayload (status after the change, the type's exemptions) into the outbox, with
 * the day the change is in force from (default today).
 */
export function recordAbsenceEvent(
  em: EntityManager,
  clock: Clock,
  kind: AbsenceEventKind,
  absence: Absence,
  person: KnownPerson,
  extra: Pick<AbsencePayload, 'reRegistrationRequired' | 'contactGroupId'> = {},
  effectiveDate?: IsoDate,
): void {
  const payload: AbsencePayload = {
    absenceId: absence.id,
    personId: absence.personId,
    typeId: absence.typeId,
    start: absence.start,
    end: absence.end,
    status: absence.status,
    statusSince: absence.statusSince,
    exemptions: [...absenceTypeById(absence.typeId).exemptions],
    ...extra,
  };
  recordEvent(em, clock, {
    kind,
    personId: absence.personId,
    entityType: 'Absence',
    entityId: absence.id,
    authorities: addressEvent(kind, person),
    effectiveDate,
    payload,
  });
}

/** Applies a contact-group change's action to the absence, with its event dated the change's start. */
export function applyReaction(em: EntityManager, clock: Clock, absence: Absence, person: KnownPerson, change: ContactGroupChange, action: AbsenceAction): void {
  Object.assign(absence, applyAction(absence, action, change.start), { updatedAt: clock.now() });
  recordAbsenceEvent(em, clock, EVENT_OF[action], absence, person, { contactGroupId: change.contactGroupId }, change.start);
}

/**
 * A registration or update whose dates reach over a change of group already in force (its day is
 * today or past) gets that change's hold/end rules now, as it would have had on the day.
 */
export function applyMissedReactions(em: EntityManager, clock: Clock, absence: Absence, person: KnownPerson): void {
  const after = absence.statusSince !== null && absence.statusSince > absence.start ? absence.statusSince : absence.start;
  const changes = changesBetween(person, after, today(clock)).map((e) => ({ contactGroupId: e.contactGroupId, start: e.start }));
  for (const { change, action } of missedReactions(absence, changes)) applyReaction(em, clock, absence, person, change, action);
}
