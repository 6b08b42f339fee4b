// Issue 9: a CPR number is shown in clear only to those who work with the person, masked to
// everyone else; analysts count persons through a keyed pseudonym; and every answer that showed a
// CPR in clear leaves an audit row (who, when, which person, which operation) that only the system
// role can read.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { ANALYST, JOBCENTRE, OTHER_JOBCENTRE, SYSTEM, createPerson, fails, ok } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t.stop());

const READ = 'query CaseOverview($cpr: String!) { person(cpr: $cpr) { id cpr pseudonym } }';
const AUDIT = 'query($cpr: String, $subject: String) { auditLog(cpr: $cpr, subject: $subject) { nodes { subject role authority operation person { id } } } }';

interface Read {
  person: { id: string; cpr: string; pseudonym: string };
}
interface Audit {
  auditLog: { nodes: { subject: string; role: string; authority: string; operation: string; person: { id: string } }[] };
}

const auditOf = async (cpr: string) => (await ok<Audit>(t, AUDIT, { cpr }, SYSTEM)).auditLog.nodes;

it("shows the person's jobcentre the CPR in clear and records who, which person and which operation", async () => {
  const { id, cpr } = await createPerson(t, { municipalityCode: '101' });
  const token = await t.token(JOBCENTRE.role, JOBCENTRE.authority);
  const { person } = await ok<Read>(t, READ, { cpr }, token);
  expect(person.cpr).toBe(cpr);

  const rows = await auditOf(cpr);
  const mine = rows.filter((r) => r.subject === `test-caseworker-101`);
  expect(mine).toEqual([{ subject: 'test-caseworker-101', role: 'caseworker', authority: '101', operation: 'query CaseOverview', person: { id } }]);
});

it('masks the CPR for another jobcentre and records nothing for it', async () => {
  const { cpr } = await createPerson(t, { municipalityCode: '101' });
  const { person } = await ok<Read>(t, READ, { cpr }, OTHER_JOBCENTRE);
  expect(person.cpr).toBe(`${cpr.slice(0, 6)}-XXXX`);
  expect((await auditOf(cpr)).filter((r) => r.authority === '147')).toEqual([]);
});

it('gives analysts a masked CPR and a stable pseudonym that tells persons apart without identifying them', async () => {
  const first = await createPerson(t);
  const second = await createPerson(t);
  const a = (await ok<Read>(t, READ, { cpr: first.cpr }, ANALYST)).person;
  const again = (await ok<Read>(t, READ, { cpr: first.cpr }, ANALYST)).person;
  const b = (await ok<Read>(t, READ, { cpr: second.cpr }, ANALYST)).person;
  expect(a.cpr).toBe(`${first.cpr.slice(0, 6)}-XXXX`);
  expect(a.pseudonym).toBe(again.pseudonym);
  expect(a.pseudonym).not.toBe(b.pseudonym);
  expect(a.pseudonym).not.toContain(first.cpr.slice(0, 6));
  expect((await auditOf(first.cpr)).filter((r) => r.role === 'analyst')).toEqual([]);
});

it('records one row per person per answer, however often the CPR appears in it', async () => {
  const { cpr } = await createPerson(t, { municipalityCode: '101' });
  await ok(t, 'query Twice($cpr: String!) { a: person(cpr: $cpr) { cpr } b: person(cpr: $cpr) { cpr } }', { cpr }, JOBCENTRE);
  expect((await auditOf(cpr)).filter((r) => r.operation === 'query Twice')).toHaveLength(1);
});

it('lets only the system role read the audit log', async () => {
  for (const caller of [JOBCENTRE, ANALYST, { role: 'akasse', authority: '21' } as const]) {
    expect(await fails(t, AUDIT, {}, caller)).toEqual(['FORBIDDEN']);
  }
});
