// Per-request DataLoaders: a list of N persons costs one query per loader, not N.
import DataLoader from 'dataloader';
import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { AkasseMembership } from './entities/AkasseMembership';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import { JobSeekerRegistration } from './entities/JobSeekerRegistration';
import { KnownAbsence } from './entities/KnownAbsence';
import { MeetingSummons } from './entities/MeetingSummons';
import { Person } from './entities/Person';
import { PersonHistoryEntry } from './entities/PersonHistoryEntry';
import { ScreeningResult } from './entities/ScreeningResult';
import { ClosedAreaRecord } from './entities/ClosedAreaRecord';
import { JoblogEntry } from './entities/JoblogEntry';
import { SelfBookingDeadline } from './entities/SelfBookingDeadline';
import { SickLeaveReturnExpectation } from './entities/SickLeaveReturnExpectation';

interface OwnedByPerson {
  personId: string;
}

/** Every row of `entity` for each person, in `orderBy` order, with one query per batch. */
function byPerson<T extends OwnedByPerson>(em: EntityManager, entity: EntityName<T>, orderBy: QueryOrderMap<T>): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (personIds) => {
    const found = await em.find(entity, { personId: { $in: [...personIds] } } as FilterQuery<T>, { orderBy });
    const grouped = new Map<string, T[]>(personIds.map((id) => [id, []]));
    for (const row of found) grouped.get(row.personId)?.push(row);
    return personIds.map((id) => grouped.get(id) ?? []);
  });
}

export function createLoaders(em: EntityManager) {
  return {
    personById: new DataLoader<string, Person | null>(async (ids) => {
      const found = await em.find(Person, { id: { $in: [...ids] } });
      const byId = new Map(found.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Contact-group registrations, newest first. */
    registrationsByPerson: byPerson(em, ContactGroupRegistration, { start: 'desc', createdAt: 'desc' }),
    /** Job-seeker registrations, newest first. */
    jobSeekerRegistrationsByPerson: byPerson(em, JobSeekerRegistration, { registrationDate: 'desc', createdAt: 'desc' }),
    absencesByPerson: byPerson(em, KnownAbsence, { start: 'desc' }),
    membershipsByPerson: byPerson(em, AkasseMembership, { start: 'asc' }),
    summonsesByPerson: byPerson(em, MeetingSummons, { at: 'asc' }),
    selfBookingDeadlinesByPerson: byPerson(em, SelfBookingDeadline, { createdAt: 'desc' }),
    returnExpectationsByPerson: byPerson(em, SickLeaveReturnExpectation, { firstFollowUpMeeting: 'desc' }),
    screeningResultsByPerson: byPerson(em, ScreeningResult, { answeredOn: 'desc', createdAt: 'desc' }),
    closedAreaRecordsByPerson: byPerson(em, ClosedAreaRecord, { recordedOn: 'asc', id: 'asc' }),
    /** Joblog entries, newest first. */
    joblogByPerson: byPerson(em, JoblogEntry, { date: 'desc', createdAt: 'desc' }),
    /** The person's history, oldest first. */
    historyByPerson: byPerson(em, PersonHistoryEntry, { seq: 'asc' }),
  };
}

export type PersonLoaders = ReturnType<typeof createLoaders>;
