// The person subgraph's visitation categories (the event contract) as the plan rules see them: the
// sick-benefit categories mean nothing to job-search requirements, so they read as "no category".
import type { PersonCategory as VisitationCategory } from '../../common/person-events';
import type { PersonCategory } from './job-search-requirements';

const PLAN_CATEGORIES: Readonly<Record<VisitationCategory, PersonCategory | null>> = {
  JOB_READY: 'JOB_READY',
  ACTIVITY_READY: 'ACTIVITY_READY',
  OBVIOUSLY_EDUCATION_READY: 'OBVIOUSLY_EDUCATION_READY',
  EDUCATION_READY: 'EDUCATION_READY',
  SICK_BENEFIT_1: null,
  SICK_BENEFIT_2: null,
  SICK_BENEFIT_3: null,
};

/** The plan rules' category for a stored visitation category; unknown values read as none. */
export function planPersonCategory(category: string | null): PersonCategory | null {
  if (category === null || !Object.hasOwn(PLAN_CATEGORIES, category)) return null;
  return PLAN_CATEGORIES[category as VisitationCategory];
}
