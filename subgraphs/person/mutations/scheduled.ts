// STAR's scheduled jobs as system-role mutations computing with the injected clock, so a timer and
// a test run the same code: annulment of unattended kontanthjælp self-registrations (004),
// deregistration of job seekers whose job-search confirmation is missing (004), the
// 2025-01-01 re-visitation of sick-benefit category 3 (002), the CV requirement of persons whose
// absences started or ended by the calendar alone (no event announces that), and the deletion of
// screening results after 6 months (001 §1.6).
import { requireRole } from '../../../core/authorize';
import { runDueEffects } from '../../../core/effectuation';
import { logger } from '../../../core/logger';
import { today, type IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import type { PersonCategory } from '../../common/person-events';
import { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import { KnownAbsence } from '../entities/KnownAbsence';
import { Person } from '../entities/Person';
import type { PersonLoaders } from '../loaders';
import { refreshCvRequirement } from '../current-cv-requirement';
import { registrationInForce } from '../person-lookup';
import { lockPerson, systemActor } from '../writes';
import { automaticRevisitation, isUnattended, PersonErrorCode, PERSON_CATEGORIES } from '../rules';
import { personEffects } from './effects';
import { deregisterMissingConfirmations } from './job-search-confirmation';
import { annulUnattended } from './registration';
import { writeVisitation } from './visitation';

type Context = SubgraphContext<PersonLoaders>;

function asOfDay(ctx: Context, asOf: IsoDate | null | undefined): IsoDate {
  requireRole(ctx.identity, 'system');
  const day = today(ctx.clock);
  if (asOf && asOf > day) throw new DomainError(PersonErrorCode.AS_OF_IN_FUTURE, `A job cannot run as of a day after today (${day}).`, { field: 'asOf' });
  return asOf ?? day;
}

/** Each person is changed in a transaction of its own, so one failure does not undo the others. */
export async function annulUnattendedSelfRegistrations(ctx: Context, asOf?: IsoDate | null): Promise<number> {
  const day = asOfDay(ctx, asOf);
  const actor = systemActor(`${ctx.identity.subject} annulUnattendedSelfRegistrations`);
  const awaiting = await ctx.em.find(JobSeekerRegistration, { status: 'AWAITING_ATTENDANCE', attendanceDeadline: { $lt: day } });
  let annulled = 0;
  for (const candidate of awaiting) {
    annulled += await ctx.em.fork().transactional(async (em) => {
      const registration = await em.findOneOrFail(JobSeekerRegistration, { id: candidate.id }, { refresh: true });
      if (!isUnattended(registration, day)) return 0;
      await annulUnattended(em, ctx.clock, actor, registration, day);
      return 1;
    });
  }
  return annulled;
}

export async function revisitRetiredCategories(ctx: Context, asOf?: IsoDate | null): Promise<number> {
  const day = asOfDay(ctx, asOf);
  const actor = systemActor(`${ctx.identity.subject} revisitRetiredCategories`);
  const retired = Object.entries(PERSON_CATEGORIES).filter(([, rule]) => rule.retiredFrom !== undefined && day >= rule.retiredFrom).map(([id]) => id as PersonCategory);
  const candidates = await ctx.em.find(Person, { category: { $in: retired } });
  let moved = 0;
  for (const candidate of candidates) {
    moved += await ctx.em.fork().transactional(async (em) => {
      const person = await lockPerson(em, candidate.id);
      const open = await registrationInForce(em, person.id, day);
      const next = automaticRevisitation(person.category, open?.contactGroupId ?? null, day);
      if (next === null) return 0;
      await writeVisitation(em, ctx.clock, actor, person, next, true, day);
      return 1;
    });
  }
  return moved;
}

/**
 * Persons with an active absence: one that started or ran out since yesterday moves the requirement
 * without any event. The requirement is always today's, whatever `asOf` the other jobs ran with.
 */
export async function recomputeCvRequirements(ctx: Context): Promise<number> {
  requireRole(ctx.identity, 'system');
  const actor = systemActor(`${ctx.identity.subject} recomputeCvRequirements`);
  const absences = await ctx.em.find(KnownAbsence, { status: 'ACTIVE' }, { fields: ['personId'] });
  let changed = 0;
  for (const personId of new Set(absences.map((a) => a.personId))) {
    changed += await ctx.em.fork().transactional(async (em) => {
      const person = await lockPerson(em, personId);
      const before = person.announcedCvRequirement;
      await refreshCvRequirement(em, ctx.clock, actor, person);
      return person.announcedCvRequirement === before ? 0 : 1;
    });
  }
  return changed;
}

/** The scheduled changes due by today (what the effectuation timer does), for an operator after midnight. */
export async function effectuateDueChanges(ctx: Context): Promise<number> {
  requireRole(ctx.identity, 'system');
  const result = await runDueEffects(ctx.em.fork(), ctx.clock, personEffects, (effect, error) =>
    logger.error({ err: error, effect: { id: effect.id, kind: effect.kind, effectiveOn: effect.effectiveOn } }, 'a scheduled change could not take effect; retried at the next run'),
  );
  return result.applied;
}

export async function runScheduledJobs(ctx: Context, asOf?: IsoDate | null) {
  const day = asOfDay(ctx, asOf);
  // First the changes due today, so the jobs below see the groups in force today.
  const effectuatedChanges = await effectuateDueChanges(ctx);
  return {
    asOf: day,
    effectuatedChanges,
    annulledSelfRegistrations: await annulUnattendedSelfRegistrations(ctx, asOf),
    deregisteredForMissingConfirmation: await deregisterMissingConfirmations(ctx, day),
    revisitedCategories: await revisitRetiredCategories(ctx, asOf),
    changedCvRequirements: await recomputeCvRequirements(ctx),
    // Deleting screening results is retention's alone (retention.ts); the field stays for old clients.
    deletedScreeningResults: 0,
  };
}
