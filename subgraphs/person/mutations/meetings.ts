// Meetings: summonses (create, update, cancel; type 17 by an a-kasse also tells the jobcentre,
// 001 §1.2) and self-booking deadlines, at most one active per person (001 §1.4).
import { randomUUID } from 'node:crypto';
import { forbidden } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { MeetingSummons } from '../entities/MeetingSummons';
import { Person } from '../entities/Person';
import { SelfBookingDeadline } from '../entities/SelfBookingDeadline';
import type { PersonLoaders } from '../loaders';
import { PersonCourseEvent, type MeetingSummonsPayload, type SelfBookingDeadlinePayload } from '../events';
import type { PersonEventKind } from '../dispatch';
import { uniquely } from '../../../core/write-path';
import { loadAuthorities } from '../authorities';
import { personByCpr } from '../person-lookup';
import { actorFrom, changed, lockPerson, recordChange } from '../writes';
import { authorizeWrite, MAX_MEETING_TYPE_ID, PersonErrorCode, summonsRecipients } from '../rules';

type Context = SubgraphContext<PersonLoaders>;

export function summonsPayload(s: MeetingSummons): MeetingSummonsPayload {
  return {
    personId: s.personId,
    summonsId: s.id,
    meetingTypeId: s.meetingTypeId,
    at: s.at.toISOString(),
    summonerRole: s.summonerRole,
    summonerAuthority: s.summonerAuthority,
    status: s.status,
    cancellationCause: s.cancellationCause,
  };
}

function assertFuture(ctx: Context, at: Date): void {
  if (at.getTime() <= ctx.clock.now().getTime()) {
    throw new DomainError(PersonErrorCode.MEETING_IN_PAST, 'A meeting must be summoned to a time in the future.', { field: 'at' });
  }
}

export interface SummonInput {
  cpr: string;
  meetingTypeId: number;
  at: Date;
}

export async function summonToMeeting(ctx: Context, input: SummonInput): Promise<MeetingSummons> {
  if (!Number.isInteger(input.meetingTypeId) || input.meetingTypeId < 1 || input.meetingTypeId > MAX_MEETING_TYPE_ID) {
    throw new DomainError(PersonErrorCode.UNKNOWN_MEETING_TYPE, `Meeting type ${input.meetingTypeId} is not a DFDG meeting type id (1–${MAX_MEETING_TYPE_ID}).`, { field: 'meetingTypeId' });
  }
  assertFuture(ctx, input.at);
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'akasse', 'system']);
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    const now = ctx.clock.now();
    const summons = em.create(MeetingSummons, {
      id: randomUUID(),
      personId: person.id,
      meetingTypeId: input.meetingTypeId,
      at: input.at,
      summonerRole: ctx.identity.role,
      summonerAuthority: ctx.identity.authority,
      jobcentreCode: person.municipalityCode,
      status: 'ACTIVE',
      cancellationCause: null,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(em, ctx.clock, actor, {
      kind: PersonCourseEvent.MEETING_SUMMONS_CREATED,
      person,
      entityType: 'MeetingSummons',
      entityId: summons.id,
      payload: summonsPayload(summons),
      named: summonsRecipients(summons, person.municipalityCode),
      withoutPerson: true,
      changes: [changed('meetingType', null, summons.meetingTypeId), changed('at', null, summons.at.toISOString())],
    });
    return summons;
  });
}

/** Only the summoning authority (or STAR) changes or cancels a summons; a cancelled one stays cancelled. */
async function changeSummons(ctx: Context, id: string, change: (summons: MeetingSummons) => { kind: PersonEventKind; changes: ReturnType<typeof changed>[] }): Promise<MeetingSummons> {
  if (ctx.identity.role === 'analyst') throw forbidden('Analysts have read-only access.');
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const summons = await em.findOne(MeetingSummons, { id });
    if (!summons) throw new DomainError(ErrorCode.NOT_FOUND, 'No meeting summons with that id.');
    if (ctx.identity.role !== 'system' && (summons.summonerRole !== ctx.identity.role || summons.summonerAuthority !== ctx.identity.authority)) {
      throw forbidden('Only the jobcentre or a-kasse that summoned to the meeting can change it.');
    }
    const person = await lockPerson(em, summons.personId);
    if (summons.status === 'CANCELLED') throw new DomainError(PersonErrorCode.MEETING_SUMMONS_CANCELLED, 'The summons is cancelled; summon to a new meeting instead.');
    const { kind, changes } = change(summons);
    summons.updatedAt = ctx.clock.now();
    await recordChange(em, ctx.clock, actor, {
      kind,
      person,
      entityType: 'MeetingSummons',
      entityId: summons.id,
      payload: summonsPayload(summons),
      named: summonsRecipients(summons, person.municipalityCode),
      withoutPerson: true,
      changes,
    });
    return summons;
  });
}

export function updateMeetingSummons(ctx: Context, id: string, at: Date): Promise<MeetingSummons> {
  assertFuture(ctx, at);
  return changeSummons(ctx, id, (summons) => {
    const changes = [changed('at', summons.at.toISOString(), at.toISOString())];
    summons.at = at;
    return { kind: PersonCourseEvent.MEETING_SUMMONS_UPDATED, changes };
  });
}

export function cancelMeetingSummons(ctx: Context, id: string): Promise<MeetingSummons> {
  return changeSummons(ctx, id, (summons) => {
    summons.status = 'CANCELLED';
    summons.cancellationCause = 'CANCELLED_BY_SUMMONER';
    return { kind: PersonCourseEvent.MEETING_SUMMONS_CANCELLED, changes: [changed('status', 'ACTIVE', 'CANCELLED'), changed('cancellationCause', null, 'CANCELLED_BY_SUMMONER')] };
  });
}

function deadlinePayload(d: SelfBookingDeadline): SelfBookingDeadlinePayload {
  return { personId: d.personId, deadlineId: d.id, deadline: d.deadline, status: d.status };
}

const deadlineTaken = () =>
  new DomainError(PersonErrorCode.SELF_BOOKING_DEADLINE_ALREADY_ACTIVE, 'The person already has an active self-booking deadline; close it before setting a new one.');

/**
 * Deliberately no person lock and no read-before-insert: the partial unique index alone decides,
 * for a late request and for parallel submissions milliseconds apart alike (001 §1.4), and every
 * loser gets the same error.
 */
export async function setSelfBookingDeadline(ctx: Context, input: { cpr: string; deadline: string }): Promise<SelfBookingDeadline> {
  if (input.deadline < today(ctx.clock)) {
    throw new DomainError(PersonErrorCode.SELF_BOOKING_DEADLINE_IN_PAST, 'A self-booking deadline must be today or later.', { field: 'deadline' });
  }
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'akasse', 'system']);
  const actor = actorFrom(ctx.identity);
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await em.findOneOrFail(Person, { id: found.id });
        const deadline = em.create(SelfBookingDeadline, {
          id: randomUUID(),
          personId: person.id,
          deadline: input.deadline,
          status: 'ACTIVE',
          setBy: `${actor.role}:${actor.authority}`,
          createdAt: ctx.clock.now(),
          closedAt: null,
        });
        await recordChange(em, ctx.clock, actor, {
          kind: PersonCourseEvent.SELF_BOOKING_DEADLINE_SET,
          person,
          entityType: 'SelfBookingDeadline',
          entityId: deadline.id,
          payload: deadlinePayload(deadline),
          changes: [changed('deadline', null, deadline.deadline)],
        });
        return deadline;
      }),
    deadlineTaken,
  );
}

/** The person booked, or the deadline was withdrawn: it stops being the active one. */
export async function closeSelfBookingDeadline(ctx: Context, id: string): Promise<SelfBookingDeadline> {
  const deadline = await ctx.em.findOne(SelfBookingDeadline, { id });
  if (!deadline) throw new DomainError(ErrorCode.NOT_FOUND, 'No self-booking deadline with that id.');
  const found = await ctx.em.findOneOrFail(Person, { id: deadline.personId });
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'akasse', 'system']);
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    const current = await em.findOneOrFail(SelfBookingDeadline, { id }, { refresh: true });
    if (current.status === 'CLOSED') throw new DomainError(PersonErrorCode.SELF_BOOKING_DEADLINE_CLOSED, 'The self-booking deadline is closed already.');
    current.status = 'CLOSED';
    current.closedAt = ctx.clock.now();
    await recordChange(em, ctx.clock, actor, {
      kind: PersonCourseEvent.SELF_BOOKING_DEADLINE_CLOSED,
      person,
      entityType: 'SelfBookingDeadline',
      entityId: current.id,
      payload: deadlinePayload(current),
      changes: [changed('status', 'ACTIVE', 'CLOSED')],
    });
    return current;
  });
}
