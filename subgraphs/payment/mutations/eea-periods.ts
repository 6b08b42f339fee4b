// Writing EEA benefit periods (UnemploymentFundPaymentService v4, 001 §5.1): report, interrupt,
// move the end, delete for corrections. Each runs under the person's lock (../writes.ts), so
// periods submitted in parallel are checked against each other, and writes its event with it.
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { uniquely } from '../../../core/write-path';
import { findPersonByCpr } from '../../common/person-directory';
import { EeaBenefitPeriod } from '../entities/EeaBenefitPeriod';
import { PaymentEvent } from '../events';
import type { PaymentEventKind } from '../dispatch';
import type { PaymentLoaders } from '../loaders';
import { lockPerson, personMemberships, personPeriods, recordPeriodEvent } from '../writes';
import {
  PaymentErrorCode,
  authorizePeriodChange,
  authorizeReport,
  decideReport,
  parsePaymentId,
  validateInterruption,
  validatePeriodUpdate,
} from '../rules';

type Context = SubgraphContext<PaymentLoaders>;

export interface ReportInput {
  cpr: string;
  country: string;
  start: string;
  end: string;
  paymentId?: string | null;
}

export interface InterruptInput {
  paymentId: string;
  interruptionDate: string;
  causeId: number;
}

export interface UpdateInput {
  paymentId: string;
  end?: string | null;
  start?: string | null;
  country?: string | null;
}

const actor = (ctx: Context) => `${ctx.identity.role}:${ctx.identity.authority}`;

function periodNotFound(): DomainError {
  return new DomainError(PaymentErrorCode.EEA_PERIOD_NOT_FOUND, 'No EEA benefit period with that PaymentIdentifier is reported.', { field: 'paymentId' });
}

function paymentIdConflict(): DomainError {
  return new DomainError(PaymentErrorCode.PAYMENT_ID_CONFLICT, 'A different period is already reported with this PaymentIdentifier; use a new one.', { field: 'paymentId' });
}

export async function reportEeaBenefitPeriod(ctx: Context, input: ReportInput): Promise<EeaBenefitPeriod> {
  requireRole(ctx.identity, 'akasse');
  const paymentId = input.paymentId == null ? null : parsePaymentId(input.paymentId);
  const known = await findPersonByCpr(ctx.em, input.cpr);
  // Another person's period may take the same PaymentIdentifier in a parallel transaction (the
  // person lock serialises only reports for the same person): the key is the arbiter.
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await lockPerson(em, known.id);
        const memberships = await personMemberships(em, person.id);
        authorizeReport(ctx.identity, memberships);
        const decision = decideReport({
          akasse: ctx.identity.authority,
          personId: person.id,
          country: input.country,
          start: input.start,
          end: input.end,
          paymentId,
          memberships,
          periods: await personPeriods(em, person.id),
          samePaymentId: paymentId === null ? null : await em.findOne(EeaBenefitPeriod, { paymentId }, { refresh: true }),
          today: today(ctx.clock),
        });
        if (decision.action === 'ALREADY_REPORTED') return decision.period as EeaBenefitPeriod;
        const now = ctx.clock.now();
        const period = em.create(EeaBenefitPeriod, {
          paymentId: paymentId ?? randomUUID(),
          personId: person.id,
          country: input.country,
          start: input.start,
          end: input.end,
          interruptionDate: null,
          interruptionCauseId: null,
          reportedBy: ctx.identity.authority,
          createdAt: now,
          updatedAt: now,
        });
        recordPeriodEvent(em, ctx.clock, PaymentEvent.EEA_BENEFIT_PERIOD_REPORTED, period, actor(ctx), person, memberships);
        return period;
      }),
    paymentIdConflict,
  );
}

/**
 * The shared path of every change to a stored period: find it, lock its person, re-read the
 * period, and check the caller may change this period against the register as committed.
 */
async function changePeriod(
  ctx: Context,
  paymentId: string,
  change: (em: Context['em'], period: EeaBenefitPeriod, others: EeaBenefitPeriod[]) => PaymentEventKind | null,
): Promise<EeaBenefitPeriod | null> {
  requireRole(ctx.identity, 'akasse', 'system');
  const found = await ctx.em.findOne(EeaBenefitPeriod, { paymentId });
  if (!found) throw periodNotFound();
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.personId);
    const memberships = await personMemberships(em, person.id);
    const periods = await personPeriods(em, person.id);
    const period = periods.find((p) => p.paymentId === paymentId);
    if (!period) throw periodNotFound();
    authorizePeriodChange(ctx.identity, memberships, period);
    const kind = change(em, period, periods);
    if (kind !== null) recordPeriodEvent(em, ctx.clock, kind, period, actor(ctx), person, memberships);
    return kind === PaymentEvent.EEA_BENEFIT_PERIOD_DELETED ? null : period;
  });
}

export async function interruptEeaBenefitPeriod(ctx: Context, input: InterruptInput): Promise<EeaBenefitPeriod> {
  const period = await changePeriod(ctx, input.paymentId, (_em, period, others) => {
    if (!validateInterruption(period, input, others)) return null;
    Object.assign(period, { interruptionDate: input.interruptionDate, interruptionCauseId: input.causeId, updatedAt: ctx.clock.now() });
    return PaymentEvent.EEA_BENEFIT_PERIOD_INTERRUPTED;
  });
  return period!;
}

export async function updateEeaBenefitPeriod(ctx: Context, input: UpdateInput): Promise<EeaBenefitPeriod> {
  if (input.end === null) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'An EEA benefit period always has an end; leave end out to keep it.', { field: 'end' });
  const update = { end: input.end, start: input.start ?? undefined, country: input.country ?? undefined };
  const period = await changePeriod(ctx, input.paymentId, (_em, period, others) => {
    const end = validatePeriodUpdate(period, update, others);
    if (end === null) return null;
    Object.assign(period, { end, updatedAt: ctx.clock.now() });
    return PaymentEvent.EEA_BENEFIT_PERIOD_UPDATED;
  });
  return period!;
}

export async function deleteEeaBenefitPeriod(ctx: Context, paymentId: string): Promise<boolean> {
  await changePeriod(ctx, paymentId, (em, period) => {
    em.remove(period);
    return PaymentEvent.EEA_BENEFIT_PERIOD_DELETED;
  });
  return true;
}
