// The digital screening trial (001 §1.6): Jobnet (the system role) records the citizen's answers to
// the extra questions; retention hands each result to the analysts' dataset and deletes it once the
// caseworkers' 6 months are over (000).
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import { ScreeningResult, type ScreeningAnswer } from '../entities/ScreeningResult';
import { ScreeningStatistic } from '../entities/ScreeningStatistic';
import type { PersonLoaders } from '../loaders';
import { ScreeningEvent, type ScreeningResultPayload } from '../events';
import { personByCpr, registrationInForce } from '../person-lookup';
import { actorFrom, changed, lockPerson, recordChange, systemActor } from '../writes';
import { assertScreeningAllowed, isScreeningExpired, screeningVisibility } from '../rules';

type Context = SubgraphContext<PersonLoaders>;

function payloadOf(result: ScreeningResult): ScreeningResultPayload {
  return {
    personId: result.personId,
    screeningId: result.id,
    targetGroup: result.targetGroup as ScreeningResultPayload['targetGroup'],
    answeredOn: result.answeredOn,
    citizenVisibleUntil: result.citizenVisibleUntil,
    caseworkersVisibleUntil: result.caseworkersVisibleUntil,
  };
}

export async function recordScreeningResult(ctx: Context, input: { cpr: string; answers: ScreeningAnswer[] }): Promise<ScreeningResult> {
  requireRole(ctx.identity, 'system');
  const found = await personByCpr(ctx.em, input.cpr);
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    const day = today(ctx.clock);
    const open = await registrationInForce(em, person.id, day);
    const dimittend = (await em.count(JobSeekerRegistration, { personId: person.id, status: 'ACTIVE', dimittend: true })) > 0;
    const targetGroup = assertScreeningAllowed({ jobcentre: person.municipalityCode, contactGroupId: open?.contactGroupId ?? null, visited: person.category !== null, dimittend }, input.answers, day);
    const visibility = screeningVisibility(day);
    const result = em.create(ScreeningResult, {
      id: randomUUID(),
      personId: person.id,
      targetGroup,
      answeredOn: day,
      answers: input.answers.map((a) => ({ questionId: a.questionId, answer: a.answer.trim() })),
      citizenVisibleUntil: visibility.citizenUntil,
      caseworkersVisibleUntil: visibility.caseworkersUntil,
      createdAt: ctx.clock.now(),
    });
    // The answers are health-related: the history records that they were given, never what they were.
    await recordChange(em, ctx.clock, actor, {
      kind: ScreeningEvent.SCREENING_RESULT_RECORDED,
      person,
      entityType: 'ScreeningResult',
      entityId: result.id,
      payload: payloadOf(result),
      changes: [changed('answeredQuestions', null, result.answers.length), changed('caseworkersVisibleUntil', null, result.caseworkersVisibleUntil)],
    });
    return result;
  });
}

/**
 * Retention: results nobody may see any more are handed to the analysts' dataset (pseudonym, no
 * answers) and deleted in one transaction, with a history entry and no content.
 */
export async function deleteExpiredScreeningResults(ctx: Context): Promise<number> {
  requireRole(ctx.identity, 'system');
  const day = today(ctx.clock);
  const actor = systemActor(`${ctx.identity.subject} deleteExpiredScreeningResults`);
  const expired = await ctx.em.find(ScreeningResult, { caseworkersVisibleUntil: { $lt: day } });
  let deleted = 0;
  for (const candidate of expired) {
    deleted += await ctx.em.fork().transactional(async (em) => {
      const result = await em.findOne(ScreeningResult, { id: candidate.id });
      if (!result || !isScreeningExpired(result.caseworkersVisibleUntil, day)) return 0;
      const person = await lockPerson(em, result.personId);
      await recordChange(em, ctx.clock, actor, {
        kind: ScreeningEvent.SCREENING_RESULT_DELETED,
        person,
        entityType: 'ScreeningResult',
        entityId: result.id,
        payload: payloadOf(result),
        changes: [changed('deleted', null, day)],
      });
      // The person's jobcentre at hand-over: the result does not store the one it was answered under.
      em.create(ScreeningStatistic, {
        id: result.id,
        pseudonym: ctx.pseudonymiseCpr(person.cpr),
        municipalityCode: person.municipalityCode,
        targetGroup: result.targetGroup,
        answeredOn: result.answeredOn,
        questionIds: result.answers.map((a) => a.questionId),
        handedOverOn: day,
      });
      em.remove(result);
      return 1;
    });
  }
  return deleted;
}
