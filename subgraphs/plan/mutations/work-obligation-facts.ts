// recordWorkObligationFacts: the jobcentre records the facts the work obligation's reach is judged
// on (seed 002); the row and its event are written in one unit of work under the person's lock.
import { randomUUID } from 'node:crypto';
import { today } from '../../../core/dates';
import { findPersonByCpr } from '../../common/person-directory';
import { WorkObligationFactsRecord } from '../entities/WorkObligationFactsRecord';
import { PlanEvent, type WorkObligationFactsRecordedPayload } from '../events';
import { lockPerson, recordPlanEvent } from '../writes';
import { assertJobcentreMayWrite, birthDateFromCpr, coverageOn, validateWorkObligationFacts } from '../rules';
import type { Context } from './context';

export interface WorkObligationFactsInput {
  cpr: string;
  validFrom: string;
  benefitTypeId: number;
  residenceYears: number;
  fullTimeEmploymentYears: number;
  entryYear?: number | null;
  ukraineSpecialAct?: boolean | null;
}

export async function recordWorkObligationFacts(ctx: Context, input: WorkObligationFactsInput): Promise<WorkObligationFactsRecord> {
  const known = await findPersonByCpr(ctx.em, input.cpr);
  assertJobcentreMayWrite(ctx.identity, known);
  const facts = validateWorkObligationFacts({
    validFrom: input.validFrom,
    benefitTypeId: input.benefitTypeId,
    residenceYears: input.residenceYears,
    fullTimeEmploymentYears: input.fullTimeEmploymentYears,
    entryYear: input.entryYear ?? null,
    ukraineSpecialAct: input.ukraineSpecialAct ?? false,
    today: today(ctx.clock),
    birthDate: birthDateFromCpr(known.cpr),
  });
  return ctx.em.fork().transactional(async (tx) => {
    const person = await lockPerson(tx, known.id);
    const record = tx.create(WorkObligationFactsRecord, {
      id: randomUUID(),
      personId: person.id,
      ...facts,
      recordedByRole: ctx.identity.role,
      recordedByAuthority: ctx.identity.authority,
      recordedAt: ctx.clock.now(),
    });
    const coverage = coverageOn(facts, facts.validFrom);
    const payload: WorkObligationFactsRecordedPayload = { personId: person.id, factsId: record.id, validFrom: facts.validFrom, benefitTypeId: facts.benefitTypeId, ...coverage };
    recordPlanEvent(tx, ctx.clock, person, { kind: PlanEvent.WORK_OBLIGATION_FACTS_RECORDED, entityType: 'WorkObligationFacts', entityId: record.id, payload });
    return record;
  });
}
