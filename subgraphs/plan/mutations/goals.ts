// setPlanGoals: job goal, education goal and plan description (002: both goals for young people with
// an education order; no Min plan required for sick-benefit recipients with a job to return to).
import { today } from '../../../core/dates';
import { findPersonByCpr } from '../../common/person-directory';
import type { PlanVersion } from '../entities/PlanVersion';
import { isKnownOccupation } from '../../common/occupations';
import { writePlanVersion } from '../writes';
import { assertJobcentreMayWrite, birthDateFromCpr, decidePlanGoals } from '../rules';
import { author, type Context } from './context';

export interface PlanGoalsInput {
  cpr: string;
  jobGoal?: { code: string; level: number } | null;
  educationGoal?: string | null;
  description?: string | null;
  educationOrder?: boolean | null;
  jobToReturnTo?: boolean | null;
}

/** Writes a version only when a goal, the description or one of the two flags changed; otherwise answers the latest one. */
export async function setPlanGoals(ctx: Context, input: PlanGoalsInput): Promise<PlanVersion | null> {
  const known = await findPersonByCpr(ctx.em, input.cpr);
  assertJobcentreMayWrite(ctx.identity, known);
  const { version, result } = await writePlanVersion(ctx.em, ctx.clock, author(ctx), known.id, async (_tx, person, previous) => {
    const { goals, changeCodes } = decidePlanGoals({
      previous: previous?.goals ?? null,
      jobGoal: input.jobGoal ?? null,
      educationGoal: input.educationGoal ?? null,
      description: input.description ?? null,
      educationOrder: input.educationOrder ?? false,
      jobToReturnTo: input.jobToReturnTo ?? false,
      contactGroupId: person.contactGroupId,
      birthDate: birthDateFromCpr(person.cpr),
      today: today(ctx.clock),
      isKnownOccupation,
    });
    return { change: changeCodes.length === 0 ? null : { changeCodes, patch: { goals } }, result: previous };
  });
  return version ?? result;
}
