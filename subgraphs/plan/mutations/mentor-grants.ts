// registerMentorGrant: the jobcentre registers a mentor grant (VITAS, seed 003); the row and its
// event are written in one unit of work under the person's lock.
import { randomUUID } from 'node:crypto';
import { today } from '../../../core/dates';
import { findPersonByCpr } from '../../common/person-directory';
import { MentorGrantRecord } from '../entities/MentorGrantRecord';
import { PlanEvent, type MentorGrantRegisteredPayload } from '../events';
import { lockPerson, recordPlanEvent } from '../writes';
import { assertJobcentreMayWrite, validateMentorGrant } from '../rules';
import type { Context } from './context';

export interface RegisterMentorGrantInput {
  cpr: string;
  offerId: number;
  mentorTypeId?: number | null;
  start: string;
  end?: string | null;
}

export async function registerMentorGrant(ctx: Context, input: RegisterMentorGrantInput): Promise<MentorGrantRecord> {
  const known = await findPersonByCpr(ctx.em, input.cpr);
  assertJobcentreMayWrite(ctx.identity, known);
  const grant = validateMentorGrant({ offerId: input.offerId, mentorTypeId: input.mentorTypeId ?? null, start: input.start, end: input.end ?? null, today: today(ctx.clock) });
  return ctx.em.fork().transactional(async (tx) => {
    const person = await lockPerson(tx, known.id);
    const record = tx.create(MentorGrantRecord, {
      id: randomUUID(),
      personId: person.id,
      ...grant,
      registeredByRole: ctx.identity.role,
      registeredByAuthority: ctx.identity.authority,
      createdAt: ctx.clock.now(),
    });
    const payload: MentorGrantRegisteredPayload = { personId: person.id, mentorGrantId: record.id, ...grant };
    recordPlanEvent(tx, ctx.clock, person, { kind: PlanEvent.MENTOR_GRANT_REGISTERED, entityType: 'MentorGrant', entityId: record.id, payload });
    return record;
  });
}
