// Plan resolvers: parse → authorize → rule → persist (with its event, in one transaction).
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { forbidden, requireRole } from '../../core/authorize';
import { today } from '../../core/dates';
import { DomainError } from '../../core/errors';
import { recordEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import { addressEvent } from '../common/dispatch-rules';
import { findPersonByCpr, type KnownPerson } from '../common/person-directory';
import { PlanVersion } from './entities/PlanVersion';
import { PlanEvent, type PlanVersionCreatedPayload } from './events';
import type { PlanLoaders } from './loaders';
import { ALLOCATION_FRAMES, changeCode, ChangeCode, PlanErrorCode, validateJobSearchRequirements, type SearchArea } from './rules';
import { isKnownOccupation } from './occupations';

type Context = SubgraphContext<PlanLoaders>;

interface JobSearchRequirementsInput {
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

/** Writes the next plan version; two parallel writers cannot both take the same number. */
async function writeVersion(
  ctx: Context,
  person: KnownPerson,
  changes: number[],
  change: (previous: PlanVersion | null) => Partial<PlanVersion>,
): Promise<PlanVersion> {
  const attempt = (em: EntityManager) =>
    em.transactional(async (tx) => {
      const previous = await tx.findOne(PlanVersion, { personId: person.id }, { orderBy: { version: 'desc' } });
      const version = tx.create(PlanVersion, {
        id: randomUUID(),
        personId: person.id,
        version: (previous?.version ?? 0) + 1,
        changeCodes: changes,
        jobSearchRequirements: previous?.jobSearchRequirements ?? null,
        createdBy: `${ctx.identity.role}:${ctx.identity.authority}`,
        createdAt: ctx.clock.now(),
        ...change(previous),
      });
      const payload: PlanVersionCreatedPayload = { personId: person.id, version: version.version, changeCodes: changes };
      recordEvent(tx, ctx.clock, {
        kind: PlanEvent.PLAN_VERSION_CREATED,
        personId: person.id,
        entityType: 'PlanVersion',
        entityId: version.id,
        authorities: addressEvent(PlanEvent.PLAN_VERSION_CREATED, person),
        payload: payload as unknown as Record<string, unknown>,
      });
      return version;
    });
  try {
    return await attempt(ctx.em);
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return attempt(ctx.em.fork());
  }
}

async function setJobSearchRequirements(ctx: Context, input: JobSearchRequirementsInput): Promise<PlanVersion> {
  requireRole(ctx.identity, 'caseworker', 'system');
  const person = await findPersonByCpr(ctx.em, input.cpr);
  if (ctx.identity.role === 'caseworker' && ctx.identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can set this person's job-search requirements.`);
  }
  const requirements = validateJobSearchRequirements({
    occupations: input.occupations ?? [],
    where: searchArea(input.where),
    otherRequirements: input.otherRequirements ?? null,
    contactGroupId: person.contactGroupId,
    // Visitation lives in the person subgraph; it reaches this projection with issue 3's events.
    personCategory: null,
    today: today(ctx.clock),
    isKnownOccupation,
  });
  return writeVersion(ctx, person, [ChangeCode.NEW_JOB_SEARCH_REQUIREMENTS], () => ({ jobSearchRequirements: requirements }));
}

export const resolvers = {
  Query: {
    allocationFrames: () => ALLOCATION_FRAMES,
  },
  Mutation: {
    setJobSearchRequirements: (_: unknown, args: { input: JobSearchRequirementsInput }, ctx: Context) => setJobSearchRequirements(ctx, args.input),
  },
  Person: {
    plan: async (person: { id: string }, _: unknown, ctx: Context) => (await ctx.loaders.versionsByPerson.load(person.id))[0] ?? null,
    planVersions: (person: { id: string }, _: unknown, ctx: Context) => ctx.loaders.versionsByPerson.load(person.id),
  },
  Plan: {
    changes: (version: PlanVersion) => version.changeCodes.map(changeCode),
  },
  SearchArea: {
    regionIds: (area: SearchArea) => (area.kind === 'LABOUR_MARKET_REGIONS' ? area.regionIds : []),
    municipalityCodes: (area: SearchArea) => (area.kind === 'MUNICIPALITY_COLLECTION' ? area.municipalityCodes : []),
  },
};
