// Recruitment resolvers: parse → authorize → rule → persist (with its event, in one transaction).
// Built around the occupation catalog in use, so a full list loaded from a file applies everywhere.
import type { OccupationCatalog, OccupationClassification } from '../../common/occupations';
import { EVENT_ACTION_TYPES } from '../rules';
import { collaborationFields, collaborationMutations, collaborationQueries } from './collaborations';
import { fieldResolvers } from './fields';
import { jobAdMutations, jobAdQueries } from './job-ads';
import { jobOrderMutations, jobOrderQueries } from './job-orders';
import { mediationMutations } from './mediations';

export function createResolvers(catalog: OccupationCatalog) {
  return {
    Query: {
      ...jobOrderQueries,
      ...jobAdQueries,
      ...collaborationQueries,
      jobOrderEventActionTypes: () => EVENT_ACTION_TYPES,
      occupations: (_: unknown, { search }: { search?: string | null }) => catalog.searchTitles(search ?? undefined),
      occupation: (_: unknown, args: { code: string; classification: OccupationClassification }) => catalog.find(args.code.trim(), args.classification),
    },
    Mutation: {
      ...jobOrderMutations(catalog),
      ...mediationMutations,
      ...collaborationMutations,
      ...jobAdMutations(catalog),
    },
    RecruitmentCollaboration: collaborationFields,
    ...fieldResolvers(catalog),
  };
}
