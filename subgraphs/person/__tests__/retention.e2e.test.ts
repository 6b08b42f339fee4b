// Issue 9: the retention table (DOMAIN.md "Retention") run by the system role or its timer: every
// kind listed with its period, held kinds deleted when due, counts recorded, idempotent.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { JOBCENTRE, SYSTEM, createPerson, fails, ok } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t.stop());

const RUN = 'mutation($asOf: Date) { runRetention(asOf: $asOf) { kind held cutoff deleted } }';
type Run = { runRetention: { kind: string; held: boolean; cutoff: string | null; deleted: number }[] };
const deletedOf = (run: Run, kind: string) => run.runRetention.find((r) => r.kind === kind)!;

it('lists every kind of the retention table with its period, and whether this hub holds it', async () => {
  const { retentionPolicies } = await ok<{ retentionPolicies: { kind: string; keepFor: string | null; held: boolean }[] }>(
    t,
    '{ retentionPolicies { kind keepFor held } }',
    {},
    SYSTEM,
  );
  expect(retentionPolicies).toEqual(
    expect.arrayContaining([
      { kind: 'systematic-referral-course', keepFor: '2 years', held: true },
      { kind: 'job-suggestion-check-receipt', keepFor: '6 years', held: true },
      { kind: 'referral-to-other-actor', keepFor: '6 years', held: false },
      { kind: 'joblog-voluntary-fields', keepFor: '4 years', held: true },
      { kind: 'joblog-mandatory-fields', keepFor: '6 years', held: true },
      { kind: 'screening-result', keepFor: '6 months', held: true },
      { kind: 'cpr-access-audit', keepFor: '5 years', held: true },
      { kind: 'deceased-person', keepFor: null, held: false },
    ]),
  );
});

it('deletes audit rows only once they are due, records the count, and deletes nothing on a second run', async () => {
  const { cpr } = await createPerson(t, { municipalityCode: '101' });
  await ok(t, 'query($cpr: String!) { person(cpr: $cpr) { cpr } }', { cpr }, JOBCENTRE); // one audit row today
  const auditRows = async () => (await ok<{ auditLog: { nodes: unknown[] } }>(t, 'query($cpr: String) { auditLog(cpr: $cpr) { nodes { at } } }', { cpr }, SYSTEM)).auditLog.nodes.length;
  expect(await auditRows()).toBe(1);

  // Five years on, to the day: not yet due.
  t.clock.set('2031-11-23T09:00:00Z');
  expect(deletedOf(await ok<Run>(t, RUN, {}, SYSTEM), 'cpr-access-audit').deleted).toBe(0);
  // The day after: due.
  t.clock.set('2031-11-24T09:00:00Z');
  const run = await ok<Run>(t, RUN, {}, SYSTEM);
  expect(deletedOf(run, 'cpr-access-audit')).toEqual({ kind: 'cpr-access-audit', held: true, cutoff: '2026-11-24', deleted: 1 });
  expect(deletedOf(run, 'referral-to-other-actor')).toEqual({ kind: 'referral-to-other-actor', held: false, cutoff: null, deleted: 0 });
  expect(deletedOf(await ok<Run>(t, RUN, {}, SYSTEM), 'cpr-access-audit').deleted).toBe(0);

  const person = t.system.subgraphs.find((s) => s.name === 'person')!;
  const runs = (await person.orm.em.fork().getConnection().execute("select deleted from retention_run where kind = 'cpr-access-audit' order by ran_at")) as { deleted: number }[];
  expect(runs.map((r) => Number(r.deleted))).toEqual([0, 1, 0]);
  t.clock.set('2026-11-23T09:00:00Z');
});

it('is the system role only, and never as of a day after today', async () => {
  expect(await fails(t, RUN, {}, JOBCENTRE)).toEqual(['FORBIDDEN']);
  expect(await fails(t, '{ retentionPolicies { kind } }', {}, JOBCENTRE)).toEqual(['FORBIDDEN']);
  expect(await fails(t, RUN, { asOf: '2030-01-01' }, SYSTEM)).toEqual(['AS_OF_IN_FUTURE']);
});
