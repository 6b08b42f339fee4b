// "79 and 8 never overlap" and "a deletion happens once" under parallel requests: every write to a
// person's absences serialises on the person (SELECT … FOR UPDATE on PostgreSQL).
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { DELETE, JOBCENTRE, absencesOf, codes, eventsOf, newCpr, person, register, registered } from './helpers';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const PARALLEL = 30;

it('never stores an overlapping 79 and 8, however many are sent at once', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2);
  const responses = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) => register(t, { cpr, typeId: i % 2 === 0 ? 79 : 8, start: '2026-11-23', end: '2026-12-31' })),
  );
  const stored = await absencesOf(t, cpr);
  const types = new Set(stored.map((a) => a.type.id));
  expect(stored.length).toBeGreaterThan(0);
  expect(types.size).toBe(1); // all 79 or all 8, never both
  const failures = responses.filter((r) => r.errors);
  expect(failures.length).toBe(PARALLEL - stored.length);
  for (const failure of failures) expect(codes(failure)).toEqual(['ABSENCE_OVERLAP_NOT_ALLOWED']);
});

it('deletes an absence once when the deletion is sent many times at once', async () => {
  const cpr = newCpr();
  await person(t, cpr, 1);
  const absence = await registered(t, { cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' });
  const responses = await Promise.all(Array.from({ length: PARALLEL }, () => t.gql(DELETE, { id: absence.id, c: 'Fejl' }, JOBCENTRE)));
  expect(responses.filter((r) => !r.errors)).toHaveLength(1);
  for (const failure of responses.filter((r) => r.errors)) expect(codes(failure)).toEqual(['ABSENCE_ALREADY_DELETED']);
  expect((await eventsOf(t, absence.id)).map((e) => e.kind)).toEqual(['ABSENCE_REGISTERED', 'ABSENCE_DELETED']);
});
