// The gateway merges identical subgraph fetches that are in flight at the same moment, but only
// within one identity: a caseworker never receives an answer fetched for another, and each CPR
// shown is audited under the caseworker who asked. A shared answer is copied per caller, since the
// gateway merges results into it in place, so every concurrent answer must be whole and equal.
import { postGraphQL, startTestSystem, type TestSystem } from './support/system';

const CPR = '1212801234';
const JOBCENTRE = { role: 'caseworker', authority: '101' } as const;
const OVERVIEW = `query Overview($cpr: String!) {
  person(cpr: $cpr) { cpr name contactGroup { contactGroup { id } } cvRequirement absences { type { id } start end } plan { version } mediations { id } eeaBenefitPeriods { country } }
}`;

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Merete Hansen', municipalityCode: '101' } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 1, start: '2026-06-01' } }, JOBCENTRE);
  await t.gql('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: CPR, typeId: 73, start: '2026-11-23', end: '2026-12-01' } }, JOBCENTRE);
});
afterAll(() => t.stop());

it('answers concurrent identical requests of two caseworkers whole and alike, each fetched and audited under its own caseworker', async () => {
  const tokens = { anne: await t.token('caseworker', '101', 'caseworker-anne'), bo: await t.token('caseworker', '101', 'caseworker-bo') };
  const ask = (token: string) => postGraphQL(t.url, OVERVIEW, { cpr: CPR }, { authorization: `Bearer ${token}` });
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(i % 2 === 0 ? tokens.anne : tokens.bo)));

  const expected = {
    person: {
      cpr: CPR,
      name: 'Merete Hansen',
      contactGroup: { contactGroup: { id: 1 } },
      cvRequirement: 'SEARCHABLE',
      absences: [{ type: { id: 73 }, start: '2026-11-23', end: '2026-12-01' }],
      plan: null,
      mediations: [],
      eeaBenefitPeriods: [],
    },
  };
  for (const answer of answers) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(expected);
  }

  const audit = await t.gql<{ auditLog: { nodes: { subject: string }[] } }>('query($cpr: String) { auditLog(cpr: $cpr, first: 100) { nodes { subject } } }', { cpr: CPR });
  const subjects = new Set(audit.data!.auditLog.nodes.map((n) => n.subject));
  expect(subjects).toEqual(new Set(['caseworker-anne', 'caseworker-bo']));
});

it('never shares a fetch between two caseworkers: one request each, side by side, twenty times, gives each twenty audit rows', async () => {
  const cpr = '1312801234';
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Karen Holm', municipalityCode: '101' } });
  const tokens = [await t.token('caseworker', '101', 'caseworker-carl'), await t.token('caseworker', '101', 'caseworker-dorte')];
  for (let round = 0; round < 20; round++) {
    const answers = await Promise.all(tokens.map((token) => postGraphQL(t.url, OVERVIEW, { cpr }, { authorization: `Bearer ${token}` })));
    for (const answer of answers) expect(answer.data).toMatchObject({ person: { cpr, name: 'Karen Holm' } });
  }
  const audit = await t.gql<{ auditLog: { nodes: { subject: string }[] } }>('query($cpr: String) { auditLog(cpr: $cpr, first: 100) { nodes { subject } } }', { cpr });
  const rows = audit.data!.auditLog.nodes.map((n) => n.subject);
  expect({ carl: rows.filter((s) => s === 'caseworker-carl').length, dorte: rows.filter((s) => s === 'caseworker-dorte').length }).toEqual({ carl: 20, dorte: 20 });
});
