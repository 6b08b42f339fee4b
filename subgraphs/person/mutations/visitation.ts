// Visitation (personkategorisering) and the sick-leave metadata "back at own workplace within week
// 13 after the first follow-up meeting" (002).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../../core/clock';
import { today, type IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import type { PersonCategory } from '../../common/person-events';
import type { Person } from '../entities/Person';
import { SickLeaveReturnExpectation } from '../entities/SickLeaveReturnExpectation';
import type { PersonLoaders } from '../loaders';
import { PersonCourseEvent, PersonEvent, type SickLeaveReturnExpectationPayload, type VisitationChangedPayload } from '../events';
import { uniquely } from '../../../core/write-path';
import { loadAuthorities } from '../authorities';
import { personByCpr, registrationInForce } from '../person-lookup';
import { actorFrom, changed, lockPerson, recordChange, type Actor } from '../writes';
import { assertCategoryAllowed, authorizeWrite, PersonErrorCode, returnByDate, SICK_FROM_EMPLOYMENT } from '../rules';

type Context = SubgraphContext<PersonLoaders>;

/** Writes the new category with its VISITATION_CHANGED (the plan subgraph and the jobcentre hear it). */
export async function writeVisitation(em: EntityManager, clock: Clock, actor: Actor, person: Person, category: PersonCategory | null, automatic: boolean, since: IsoDate): Promise<void> {
  const payload: VisitationChangedPayload = { personId: person.id, category, previousCategory: person.category, automatic };
  await recordChange(em, clock, actor, {
    kind: PersonEvent.VISITATION_CHANGED,
    person,
    entityType: 'Person',
    entityId: person.id,
    payload,
    changes: [changed('category', person.category, category), ...(automatic ? [changed('automatic', null, true)] : [])],
  });
  person.category = category;
  person.categorySince = category === null ? null : since;
  person.updatedAt = clock.now();
}

export async function setVisitation(ctx: Context, input: { cpr: string; category: PersonCategory | null }): Promise<Person> {
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'system']);
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    const day = today(ctx.clock);
    if (input.category !== null) assertCategoryAllowed(input.category, (await registrationInForce(em, person.id, day))?.contactGroupId ?? null, day);
    if (person.category === input.category) return person;
    await writeVisitation(em, ctx.clock, actor, person, input.category, false, day);
    return person;
  });
}

const alreadySet = () =>
  new DomainError(PersonErrorCode.SICK_LEAVE_METADATA_ALREADY_SET, 'This sick leave already carries the "back within week 13" metadata.');

/** Only for sick-benefit recipients from employment (group 24): they have a workplace to return to. */
export async function setSickLeaveReturnExpectation(ctx: Context, input: { cpr: string; firstFollowUpMeeting: string }): Promise<SickLeaveReturnExpectation> {
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'system']);
  const actor = actorFrom(ctx.identity);
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await lockPerson(em, found.id);
        const open = await registrationInForce(em, person.id, today(ctx.clock));
        if (open?.contactGroupId !== SICK_FROM_EMPLOYMENT) {
          throw new DomainError(PersonErrorCode.SICK_LEAVE_METADATA_REQUIRES_GROUP_24, 'The metadata is for sick-benefit recipients from employment (contact group 24).');
        }
        if (input.firstFollowUpMeeting < open.start) {
          throw new DomainError('INVALID_DATE_RANGE', `The first follow-up meeting cannot be before the sick leave started (${open.start}).`, { field: 'firstFollowUpMeeting' });
        }
        if (await em.findOne(SickLeaveReturnExpectation, { registrationId: open.id })) throw alreadySet();
        const metadata = em.create(SickLeaveReturnExpectation, {
          id: randomUUID(),
          personId: person.id,
          registrationId: open.id,
          firstFollowUpMeeting: input.firstFollowUpMeeting,
          returnBy: returnByDate(input.firstFollowUpMeeting),
          end: null,
          endCause: null,
          createdAt: ctx.clock.now(),
        });
        const payload: SickLeaveReturnExpectationPayload = {
          personId: person.id,
          expectationId: metadata.id,
          registrationId: open.id,
          firstFollowUpMeeting: metadata.firstFollowUpMeeting,
          returnBy: metadata.returnBy,
          end: null,
          endCause: null,
        };
        await recordChange(em, ctx.clock, actor, {
          kind: PersonCourseEvent.SICK_LEAVE_RETURN_EXPECTATION_SET,
          person,
          entityType: 'SickLeaveReturnExpectation',
          entityId: metadata.id,
          payload,
          changes: [changed('firstFollowUpMeeting', null, metadata.firstFollowUpMeeting), changed('returnBy', null, metadata.returnBy)],
        });
        return metadata;
      }),
    alreadySet,
  );
}
