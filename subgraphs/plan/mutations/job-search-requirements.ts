// setJobSearchRequirements: krav til jobsøgning, a new Min plan version with code 26 (001 §4.1).
import { today } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import { findPersonByCpr } from '../../common/person-directory';
import { PersonCategoryRecord } from '../entities/PersonCategoryRecord';
import type { PlanVersion } from '../entities/PlanVersion';
import { isKnownOccupation } from '../../common/occupations';
import { writePlanVersion } from '../writes';
import { assertJobcentreMayWrite, ChangeCode, PlanErrorCode, planPersonCategory, validateJobSearchRequirements, type SearchArea } from '../rules';
import { author, type Context } from './context';

export interface JobSearchRequirementsInput {
  cpr: string;
  occupations?: { code: string; level: number }[] | null;
  where?: { labourMarketRegionIds?: string[] | null; municipalityCodes?: string[] | null } | null;
  otherRequirements?: string | null;
}

/** The input names regions and municipalities side by side; the rule takes exactly one kind. */
function searchArea(where: JobSearchRequirementsInput['where']): SearchArea | null {
  const regionIds = where?.labourMarketRegionIds ?? [];
  const municipalityCodes = where?.municipalityCodes ?? [];
  if (regionIds.length > 0 && municipalityCodes.length > 0) {
    throw new DomainError(PlanErrorCode.INVALID_SEARCH_AREA, 'Give either labour-market regions or a municipality collection, not both.', { field: 'where' });
  }
  if (regionIds.length > 0) return { kind: 'LABOUR_MARKET_REGIONS', regionIds };
  if (municipalityCodes.length > 0) return { kind: 'MUNICIPALITY_COLLECTION', municipalityCodes };
  return null;
}

export async function setJobSearchRequirements(ctx: Context, input: JobSearchRequirementsInput): Promise<PlanVersion> {
  const known = await findPersonByCpr(ctx.em, input.cpr);
  assertJobcentreMayWrite(ctx.identity, known);
  const where = searchArea(input.where);
  const { version } = await writePlanVersion(ctx.em, ctx.clock, author(ctx), known.id, async (tx, person) => {
    // Contact group and visitation are read under the lock: a group change or re-visitation that
    // commits first is judged, not a stale copy.
    const visitation = await tx.findOne(PersonCategoryRecord, { personId: person.id });
    const requirements = validateJobSearchRequirements({
      occupations: input.occupations ?? [],
      where,
      otherRequirements: input.otherRequirements ?? null,
      contactGroupId: person.contactGroupId,
      personCategory: planPersonCategory(visitation?.category ?? null),
      today: today(ctx.clock),
      isKnownOccupation,
    });
    return { change: { changeCodes: [ChangeCode.NEW_JOB_SEARCH_REQUIREMENTS], patch: { jobSearchRequirements: requirements } }, result: null };
  });
  return version!;
}
