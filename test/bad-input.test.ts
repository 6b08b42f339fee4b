// Bad input gets a typed error code and writes nothing: neither the data nor an event.
import type { RunningSubgraph } from '../core/subgraph-server';
import { errorCodes, startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
const CPR = '0202851234';
const JOBCENTRE = { role: 'caseworker', authority: '101' } as const;

beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Lars Nielsen', municipalityCode: '101' } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 2, start: '2026-06-01' } }, JOBCENTRE);
});
afterAll(() => t.stop());

function subgraph(name: string): RunningSubgraph {
  return t.system.subgraphs.find((s) => s.name === name)!;
}

/** Rows in every table of a subgraph that a failed write could have touched. */
async function counts(name: string, tables: string[]): Promise<Record<string, number>> {
  const connection = subgraph(name).orm.em.getConnection();
  const result: Record<string, number> = {};
  for (const table of [...tables, 'outbox_event']) {
    const [row] = await connection.execute<{ n: number | string }[]>(`select count(*) as n from ${table}`);
    result[table] = Number(row.n);
  }
  return result;
}

const REGISTER = 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }';
const CHANGE_GROUP = 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }';

it.each([
  ['an unknown CPR', { cpr: '3112999999', typeId: 45, start: '2026-11-24' }, 'PERSON_NOT_FOUND'],
  ['a CPR that is not 10 digits', { cpr: '12345', typeId: 45, start: '2026-11-24' }, 'INVALID_CPR'],
  ['a CPR with letters', { cpr: '01019O1234', typeId: 45, start: '2026-11-24' }, 'INVALID_CPR'],
  ['an unknown absence type id', { cpr: CPR, typeId: 999, start: '2026-11-24' }, 'UNKNOWN_ABSENCE_TYPE'],
  ['a malformed date', { cpr: CPR, typeId: 45, start: '24-11-2026' }, 'INVALID_DATE'],
  ['an impossible date', { cpr: CPR, typeId: 45, start: '2026-02-30' }, 'INVALID_DATE'],
  ['an end before the start', { cpr: CPR, typeId: 45, start: '2026-11-24', end: '2026-11-20' }, 'INVALID_DATE_RANGE'],
])('registerAbsence with %s is refused with its code and writes nothing', async (_case, input, code) => {
  const before = await counts('absence', ['absence']);
  const response = await t.gql(REGISTER, { i: input }, JOBCENTRE);
  expect(errorCodes(response)).toEqual([code]);
  expect(await counts('absence', ['absence'])).toEqual(before);
});

it.each([
  ['an unknown contact group id', { cpr: CPR, contactGroupId: 3, start: '2026-12-01' }, 'UNKNOWN_CONTACT_GROUP'],
  ['an unknown CPR', { cpr: '3112999999', contactGroupId: 1, start: '2026-12-01' }, 'PERSON_NOT_FOUND'],
  ['a malformed date', { cpr: CPR, contactGroupId: 1, start: '2026-13-01' }, 'INVALID_DATE'],
])('changeContactGroup with %s is refused with its code and writes nothing', async (_case, input, code) => {
  const before = await counts('person', ['contact_group_registration']);
  const response = await t.gql(CHANGE_GROUP, { i: input }, JOBCENTRE);
  expect(errorCodes(response)).toEqual([code]);
  expect(await counts('person', ['contact_group_registration'])).toEqual(before);
});

it('a malformed date written inline in the query is refused too', async () => {
  const response = await t.gql(`mutation { registerAbsence(input: { cpr: "${CPR}", typeId: 45, start: "yesterday" }) { id } }`, {}, JOBCENTRE);
  expect(errorCodes(response)).toEqual(['INVALID_DATE']);
});

it('unknown EEA country and a period ending before it starts are refused for the a-kasse', async () => {
  const akasse = { role: 'akasse', authority: '21' } as const;
  await t.gql('mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr: CPR, akasse: '21', start: '2024-01-01' } }); // the register feed
  const before = await counts('payment', ['eea_benefit_period']);
  const report = 'mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }';
  expect(errorCodes(await t.gql(report, { i: { cpr: CPR, country: 'XX', start: '2026-10-01', end: '2026-12-31' } }, akasse))).toEqual(['UNKNOWN_EEA_COUNTRY']);
  expect(errorCodes(await t.gql(report, { i: { cpr: CPR, country: 'DE', start: '2026-10-01', end: '2026-09-30' } }, akasse))).toEqual(['INVALID_DATE_RANGE']);
  expect(await counts('payment', ['eea_benefit_period'])).toEqual(before);
});
