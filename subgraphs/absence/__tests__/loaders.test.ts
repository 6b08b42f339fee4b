// DataLoaders: Person.absences, exemptions, each absence's person and history cost a constant
// number of SQL statements however many persons one operation touches (no N+1).
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../../core/clock';
import { recordEvent } from '../../../core/outbox';
import { countingSubgraph, personReferences, type CountingSubgraph } from '../../../test/support/statement-count';
import { KnownPerson } from '../../common/person-directory';
import { absenceSubgraph } from '..';
import { Absence } from '../entities/Absence';
import { AbsenceEvent } from '../events';

const clock = new ManualClock('2026-11-23T09:00:00Z');
const personIds: string[] = [];
let subgraph: CountingSubgraph;

beforeAll(async () => {
  subgraph = await countingSubgraph(
    absenceSubgraph,
    (em) => {
      const now = clock.now();
      for (let i = 0; i < 20; i++) {
        const personId = randomUUID();
        personIds.push(personId);
        em.create(KnownPerson, { id: personId, cpr: `0101${String(i).padStart(6, '0')}`, municipalityCode: '101', contactGroupId: 1, contactGroupStart: '2026-01-01', akasser: ['21'], memberships: [] });
        for (const [typeId, start, end] of [[45, '2026-11-01', '2026-12-01'], [79, '2026-06-01', '2026-06-30']] as const) {
          const absence = em.create(Absence, {
            id: randomUUID(), personId, typeId, start, end, status: 'ACTIVE', statusSince: null, registeredByRole: 'caseworker', registeredByAuthority: '101',
            createdAt: now, updatedAt: now, deletedAt: null, deletedByAuthority: null, deletionComment: null,
          });
          recordEvent(em, clock, { kind: AbsenceEvent.ABSENCE_REGISTERED, personId, entityType: 'Absence', entityId: absence.id, payload: { absenceId: absence.id, start, end, status: 'ACTIVE' } });
        }
      }
    },
    clock,
  );
});
afterAll(() => subgraph.close());

const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person {
  absences { id type { id name } start end status registeredBy person { id } history { kind start status } }
  exemptions exemptFromJoblog
} } }`;

it('answers 2 and 20 persons with their absences, histories and exemptions in the same number of statements', async () => {
  type Data = { _entities: { absences: { history: unknown[] }[] }[] };
  const few = await subgraph.run<Data>(QUERY, { reps: personReferences(personIds.slice(0, 2)) });
  const many = await subgraph.run<Data>(QUERY, { reps: personReferences(personIds) });
  const absences = many.data._entities.flatMap((p) => p.absences);
  expect(absences).toHaveLength(40);
  expect(absences.every((a) => a.history.length === 1)).toBe(true);
  expect(many.statements).toBe(few.statements);
  expect(many.statements).toBeLessThanOrEqual(4);
});
