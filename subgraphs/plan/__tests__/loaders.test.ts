// DataLoaders: Person.plan, planVersions and activities cost a constant number of SQL statements
// however many persons one operation touches (no N+1).
import { randomUUID } from 'node:crypto';
import { countingSubgraph, personReferences, type CountingSubgraph } from '../../../test/support/statement-count';
import { KnownPerson } from '../../common/person-directory';
import { planSubgraph } from '..';
import { Activity } from '../entities/Activity';
import { PlanVersion } from '../entities/PlanVersion';

const personIds: string[] = [];
let subgraph: CountingSubgraph;

beforeAll(async () => {
  subgraph = await countingSubgraph(planSubgraph, (em) => {
    const now = new Date('2026-11-23T09:00:00Z');
    for (let i = 0; i < 20; i++) {
      const personId = randomUUID();
      personIds.push(personId);
      em.create(KnownPerson, { id: personId, cpr: `0202${String(i).padStart(6, '0')}`, municipalityCode: '101', contactGroupId: 1, contactGroupStart: '2026-01-01', akasser: ['21'], memberships: [] });
      const activity = {
        id: randomUUID(), personId, frameId: null, categoryId: 26, start: '2026-11-02', end: '2026-12-18', hoursPerWeek: 10, status: 'ACTIVE' as const, endingCauseId: null,
        registeredByRole: 'caseworker' as const, registeredByAuthority: '101',
      };
      em.create(Activity, { ...activity, createdAt: now, updatedAt: now });
      for (const version of [1, 2]) {
        em.create(PlanVersion, { id: randomUUID(), personId, version, changeCodes: [26], jobSearchRequirements: null, goals: null, activities: version === 2 ? [activity] : [], activityId: null, createdBy: 'caseworker:101', createdAt: now });
      }
    }
  });
});
afterAll(() => subgraph.close());

const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person {
  plan { version changes { id name } activities { id category { id } } }
  planVersions { version createdAt }
  activities { id frame { id } category { id name } start end hoursPerWeek status registeredBy }
} } }`;

it('answers 2 and 20 persons with their plans, versions and activities in the same number of statements', async () => {
  type Data = { _entities: { planVersions: unknown[]; activities: unknown[] }[] };
  const few = await subgraph.run<Data>(QUERY, { reps: personReferences(personIds.slice(0, 2)) });
  const many = await subgraph.run<Data>(QUERY, { reps: personReferences(personIds) });
  expect(many.data._entities.flatMap((p) => p.planVersions)).toHaveLength(40);
  expect(many.data._entities.flatMap((p) => p.activities)).toHaveLength(20);
  expect(many.statements).toBe(few.statements);
  expect(many.statements).toBeLessThanOrEqual(4);
});
