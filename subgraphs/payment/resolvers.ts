// Payment resolvers: parse → authorize → rule → persist (with its event, in one transaction).
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { forbidden, requireRole } from '../../core/authorize';
import { today } from '../../core/dates';
import { DomainError, ErrorCode } from '../../core/errors';
import { recordEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import { addressEvent } from '../common/dispatch-rules';
import { findPersonByCpr } from '../common/person-directory';
import { AkasseMembership } from './entities/AkasseMembership';
import { EeaBenefitPeriod } from './entities/EeaBenefitPeriod';
import { PaymentEvent } from './events';
import type { PaymentLoaders } from './loaders';
import { EEA_COUNTRIES, INTERRUPTION_CAUSES, interruptionCause, validateEeaReport, validateMembership } from './rules';

type Context = SubgraphContext<PaymentLoaders>;

interface MembershipInput {
  cpr: string;
  akasse: string;
  start: string;
  end?: string | null;
}

interface ReportInput {
  cpr: string;
  country: string;
  start: string;
  end: string;
  paymentId?: string | null;
}

async function registerAkasseMembership(ctx: Context, input: MembershipInput): Promise<AkasseMembership> {
  requireRole(ctx.identity, 'akasse', 'system');
  if (ctx.identity.role === 'akasse' && ctx.identity.authority !== input.akasse) {
    throw forbidden('An a-kasse can only register memberships of its own.');
  }
  const person = await findPersonByCpr(ctx.em, input.cpr);
  return ctx.em.transactional(async (em) => {
    const existing = await em.find(AkasseMembership, { personId: person.id });
    validateMembership(existing, { akasse: input.akasse, start: input.start, end: input.end ?? null });
    const membership = em.create(AkasseMembership, {
      id: randomUUID(),
      personId: person.id,
      akasse: input.akasse,
      start: input.start,
      end: input.end ?? null,
      registeredBy: `${ctx.identity.role}:${ctx.identity.authority}`,
      createdAt: ctx.clock.now(),
    });
    recordEvent(em, ctx.clock, {
      kind: PaymentEvent.AKASSE_MEMBERSHIP_STARTED,
      personId: person.id,
      entityType: 'AkasseMembership',
      entityId: membership.id,
      authorities: addressEvent(PaymentEvent.AKASSE_MEMBERSHIP_STARTED, { ...person, akasser: [...person.akasser, membership.akasse] }),
      payload: { personId: person.id, membershipId: membership.id, akasse: membership.akasse, start: membership.start, end: membership.end },
    });
    return membership;
  });
}

async function reportEeaBenefitPeriod(ctx: Context, input: ReportInput): Promise<EeaBenefitPeriod> {
  requireRole(ctx.identity, 'akasse');
  const person = await findPersonByCpr(ctx.em, input.cpr);
  try {
    return await ctx.em.transactional(async (em) => {
      const memberships = await em.find(AkasseMembership, { personId: person.id });
      const periods = await em.find(EeaBenefitPeriod, { personId: person.id });
      validateEeaReport({
        identity: ctx.identity,
        memberships,
        existingPeriods: periods,
        country: input.country,
        start: input.start,
        end: input.end,
        paymentId: input.paymentId ?? null,
        today: today(ctx.clock),
      });
      const now = ctx.clock.now();
      const period = em.create(EeaBenefitPeriod, {
        paymentId: input.paymentId ?? randomUUID(),
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
      recordEvent(em, ctx.clock, {
        kind: PaymentEvent.EEA_BENEFIT_PERIOD_REPORTED,
        personId: person.id,
        entityType: 'EeaBenefitPeriod',
        entityId: period.paymentId,
        authorities: addressEvent(PaymentEvent.EEA_BENEFIT_PERIOD_REPORTED, person),
        payload: { personId: person.id, paymentId: period.paymentId, country: period.country, start: period.start, end: period.end },
      });
      return period;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(ErrorCode.CONFLICT, 'A period with that PaymentIdentifier already exists.', { field: 'paymentId' });
    }
    throw error;
  }
}

export const resolvers = {
  Query: {
    eeaCountries: () => EEA_COUNTRIES,
    interruptionCauses: () => INTERRUPTION_CAUSES,
  },
  Mutation: {
    registerAkasseMembership: (_: unknown, args: { input: MembershipInput }, ctx: Context) => registerAkasseMembership(ctx, args.input),
    reportEeaBenefitPeriod: (_: unknown, args: { input: ReportInput }, ctx: Context) => reportEeaBenefitPeriod(ctx, args.input),
  },
  Person: {
    akasseMemberships: (person: { id: string }, _: unknown, ctx: Context) => ctx.loaders.membershipsByPerson.load(person.id),
    eeaBenefitPeriods: (person: { id: string }, _: unknown, ctx: Context) => ctx.loaders.periodsByPerson.load(person.id),
  },
  EeaBenefitPeriod: {
    interruptionCause: (period: EeaBenefitPeriod) => (period.interruptionCauseId === null ? null : interruptionCause(period.interruptionCauseId)),
  },
};
