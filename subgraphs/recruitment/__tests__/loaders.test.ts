// DataLoaders: Person.mediations, JobOrder.* lists and entity references cost a constant number of
// SQL queries however many persons or orders one operation touches (no N+1).
import { randomUUID } from 'node:crypto';
import { countingSubgraph, personReferences, type CountingSubgraph } from '../../../test/support/statement-count';
import { KnownPerson } from '../../common/person-directory';
import { recruitmentSubgraph } from '..';
import { JobOrder } from '../entities/JobOrder';
import { Mediation } from '../entities/Mediation';

const personIds: string[] = [];
let subgraph: CountingSubgraph;

beforeAll(async () => {
  subgraph = await countingSubgraph(recruitmentSubgraph, (em) => {
    const now = new Date('2026-11-23T09:00:00Z');
    for (let i = 0; i < 20; i++) {
      const personId = randomUUID();
      personIds.push(personId);
      em.create(KnownPerson, { id: personId, cpr: `01019${String(i).padStart(5, '0')}`, municipalityCode: '101', akasser: [], memberships: [] });
      for (let j = 0; j < 3; j++) {
        const order = em.create(JobOrder, {
          id: randomUUID(), title: `Ordre ${i}-${j}`, description: 'Opgaver.', isInternal: j % 2 === 0, caseWorkerAllowed: false, origin: 'CASEWORKER_SYSTEM',
          status: 'OPEN', owningKind: 'JOBCENTRE', owningAuthority: j === 2 ? '147' : '101', createdBy: 'JOBCENTRE:101', createdAt: now, updatedAt: now,
        });
        em.create(Mediation, { id: randomUUID(), jobOrderId: order.id, personId, personJobcentre: '101', status: 'MEDIATED', mediatedBy: 'JOBCENTRE:101', createdAt: now, updatedAt: now });
      }
    }
  });
});
afterAll(() => subgraph.close());

const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person {
  mediations { id status mediatedBy { code } jobOrder { id title editable collaboration { name } events { actionType { id } mediation { id } } mediations { id } } }
} } }`;

async function countQueries(persons: number): Promise<{ queries: number; mediations: number }> {
  const { statements, data } = await subgraph.run<{ _entities: { mediations: unknown[] }[] }>(QUERY, { reps: personReferences(personIds.slice(0, persons)) });
  return { queries: statements, mediations: data._entities.reduce((n, p) => n + p.mediations.length, 0) };
}

it('answers 2 and 20 persons with their orders, events and candidates in the same number of queries', async () => {
  const few = await countQueries(2);
  const many = await countQueries(20);
  expect(few.mediations).toBeGreaterThan(0);
  expect(many.mediations).toBeGreaterThan(few.mediations);
  expect(many.queries).toBe(few.queries);
  expect(many.queries).toBeLessThanOrEqual(10);
});
