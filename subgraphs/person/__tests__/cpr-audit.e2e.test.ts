// Issue 9: a CPR number is shown in clear only to those who work with the person, masked to
// everyone else but analysts, who see no person at all; persons are told apart by a keyed
// pseudonym; and every answer that showed a CPR in clear leaves an audit row (who, when, which
// person, which operation) that only the system role can read.
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

it('gives a stable pseudonym that tells persons apart without identifying them, and analysts no look-up at all', async () => {
  const first = await createPerson(t);
  const second = await createPerson(t);
  const a = (await ok<Read>(t, READ, { cpr: first.cpr }, OTHER_JOBCENTRE)).person;
  const again = (await ok<Read>(t, READ, { cpr: first.cpr }, OTHER_JOBCENTRE)).person;
  const b = (await ok<Read>(t, READ, { cpr: second.cpr }, OTHER_JOBCENTRE)).person;
  expect(await fails(t, READ, { cpr: first.cpr }, ANALYST)).toEqual(['FORBIDDEN']);
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

describe('persons by contact group (analysts)', () => {
  const COUNTS = 'query($on: Date!, $m: String) { personsByContactGroup(on: $on, municipalityCode: $m) { municipalityCode contactGroup { id } count suppressed } }';
  type Counts = { personsByContactGroup: { municipalityCode: string; contactGroup: { id: number }; count: number | null; suppressed: boolean }[] };

  it('counts persons in their open group on the day, and suppresses cells under 5', async () => {
    for (let i = 0; i < 6; i++) await createPerson(t, { municipalityCode: '751', contactGroupId: 2, start: '2026-02-02' });
    for (let i = 0; i < 2; i++) await createPerson(t, { municipalityCode: '751', contactGroupId: 12, start: '2026-02-02' });
    const { personsByContactGroup } = await ok<Counts>(t, COUNTS, { on: '2026-03-01', m: '751' }, ANALYST);
    expect(personsByContactGroup).toEqual([
      { municipalityCode: '751', contactGroup: { id: 2 }, count: 6, suppressed: false },
      { municipalityCode: '751', contactGroup: { id: 12 }, count: null, suppressed: true },
    ]);
    // Before the groups opened, nobody is counted.
    expect((await ok<Counts>(t, COUNTS, { on: '2026-02-01', m: '751' }, ANALYST)).personsByContactGroup).toEqual([]);
  });

  it('is for analysts and the system role', async () => {
    expect(await fails(t, COUNTS, { on: '2026-03-01' }, JOBCENTRE)).toEqual(['FORBIDDEN']);
  });
});
