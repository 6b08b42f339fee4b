// The person subgraph's write module: lock the person, read fresh, record the change as its outbox
// event plus its history row (one unit of work). The mechanics (row lock, unique-violation mapping,
// retry of a lost race) are core's (core/write-path.ts); this file names them for the person.
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { today, type IsoDate } from '../../core/dates';
import type { EventAuthorities } from '../../core/events';
import type { Identity } from '../../core/identity';
import { recordEvent } from '../../core/outbox';
import { isUniqueViolation, lockRow, retryOnLostRace } from '../../core/write-path';
import { membershipsOf } from './authorities';
import { addressEvent, type PersonEventKind } from './dispatch';
import { Person } from './entities/Person';
import type { HistoryChange } from './entities/PersonHistoryEntry';
import { PersonHistoryEntry } from './entities/PersonHistoryEntry';

/** Who made a change, as the history shows it. Jobs and event reactions act as the system. */
export interface Actor {
  role: string;
  authority: string;
  subject: string;
}

export function actorFrom(identity: Identity): Actor {
  return { role: identity.role, authority: identity.authority, subject: identity.subject };
}

export const systemActor = (subject: string): Actor => ({ role: 'system', authority: 'STAR', subject });

/**
 * Re-reads the person inside a write transaction; on PostgreSQL the row is locked FOR UPDATE so the
 * writers of one person queue and each sees what the previous one committed (SQLite has one writer).
 */
export function lockPerson(em: EntityManager, personId: string): Promise<Person> {
  return lockRow(em, Person, { id: personId });
}

export interface Change {
  kind: PersonEventKind;
  person: Person;
  entityType: string;
  entityId: string;
  payload: object;
  /** What changed, for Person.history. */
  changes: HistoryChange[];
  /**
   * Authorities named by the change itself. With `withoutPerson`, ONLY these hear it (meeting
   * events address their own recipients); otherwise they add to the kind's dispatch rule.
   */
  named?: EventAuthorities;
  withoutPerson?: boolean;
  /**
   * Valid time: the first day the change is in force when that is not today (a change taking effect
   * on its scheduled day, a back-dated change). The event and the history row carry it.
   */
  effectiveDate?: IsoDate;
}

/** Queues the change's outbox event and its history row in the caller's unit of work. */
export async function recordChange(em: EntityManager, clock: Clock, actor: Actor, change: Change): Promise<void> {
  const akasser = change.withoutPerson ? [] : (await membershipsOf(em, change.person.id)).map((m) => m.akasse);
  const dispatchPerson = change.withoutPerson ? null : { municipalityCode: change.person.municipalityCode, akasser };
  recordEvent(em, clock, {
    kind: change.kind,
    personId: change.person.id,
    entityType: change.entityType,
    entityId: change.entityId,
    authorities: addressEvent(change.kind, dispatchPerson, change.named ?? {}),
    payload: change.payload as Record<string, unknown>,
    effectiveDate: change.effectiveDate,
  });
  em.create(PersonHistoryEntry, {
    personId: change.person.id,
    at: clock.now(),
    effectiveDate: change.effectiveDate ?? today(clock),
    action: change.kind,
    entityType: change.entityType,
    entityId: change.entityId,
    actorRole: actor.role,
    actorAuthority: actor.authority,
    actorSubject: actor.subject.slice(0, 200),
    changes: change.changes,
  });
}

export const changed = (field: string, from: unknown, to: unknown): HistoryChange => ({
  field,
  from: from === null || from === undefined ? null : String(from),
  to: to === null || to === undefined ? null : String(to),
});

/**
 * Runs a write that inserts the row when it is missing. A parallel writer that inserted it first
 * (a unique violation) makes one more try, with the request's identity map cleared, which then
 * finds that row and updates it; a second violation is the caller's.
 */
export function insertOrUpdateOnLostRace<T>(em: EntityManager, write: () => Promise<T>): Promise<T> {
  let tried = false;
  return retryOnLostRace(
    () => {
      if (tried) em.clear();
      tried = true;
      return write();
    },
    { lostRace: isUniqueViolation, attempts: 2 },
  );
}
