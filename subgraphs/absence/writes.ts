// The writes every absence change shares: serialise on the person, read their absences fresh, and
// queue the change's event in the same unit of work (the outbox), addressed by the dispatch rules.
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { recordEvent } from '../../core/outbox';
import { lockRow } from '../../core/write-path';
import { addressEvent, type AbsenceEventKind } from './dispatch';
import { KnownPerson } from '../common/person-directory';
import { Absence } from './entities/Absence';
import type { AbsencePayload } from './events';
import { absenceTypeById } from './rules';

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

/** The full AbsencePayload (status after the change, the type's exemptions) into the outbox. */
export function recordAbsenceEvent(
  em: EntityManager,
  clock: Clock,
  kind: AbsenceEventKind,
  absence: Absence,
  person: KnownPerson,
  extra: Pick<AbsencePayload, 'reRegistrationRequired' | 'contactGroupId'> = {},
): void {
  const payload: AbsencePayload = {
    absenceId: absence.id,
    personId: absence.personId,
    typeId: absence.typeId,
    start: absence.start,
    end: absence.end,
    status: absence.status,
    exemptions: [...absenceTypeById(absence.typeId).exemptions],
    ...extra,
  };
  recordEvent(em, clock, {
    kind,
    personId: absence.personId,
    entityType: 'Absence',
    entityId: absence.id,
    authorities: addressEvent(kind, person),
    payload,
  });
}
