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

it.each([
  ['a CPR sent as a number', { cpr: 101901234, typeId: 45, start: '2026-11-24' }],
  ['a type id beyond 32 bits', { cpr: CPR, typeId: 2147483648, start: '2026-11-24' }],
  ['a fractional type id', { cpr: CPR, typeId: 45.5, start: '2026-11-24' }],
])('a variable of the wrong type (%s) is the client’s error: 400 BAD_USER_INPUT, nothing written', async (_case, input) => {
  const before = await counts('absence', ['absence']);
  const response = await t.gql(REGISTER, { i: input }, JOBCENTRE);
  expect(response.status).toBe(400);
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  expect(await counts('absence', ['absence'])).toEqual(before);
});

describe('dates outside 1900-01-01 … 2199-12-31 are refused with DATE_OUT_OF_RANGE', () => {
  it.each([
    ['in 9999, as a variable', { cpr: CPR, typeId: 45, start: '9999-12-20', end: '9999-12-31' }],
    ['in 2200, as a variable', { cpr: CPR, typeId: 45, start: '2200-01-01' }],
    ['in 1899, as a variable', { cpr: CPR, typeId: 45, start: '2026-11-24', end: '1899-12-31' }],
  ])('registerAbsence %s', async (_case, input) => {
    const before = await counts('absence', ['absence']);
    const response = await t.gql(REGISTER, { i: input }, JOBCENTRE);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['DATE_OUT_OF_RANGE']);
    expect(await counts('absence', ['absence'])).toEqual(before);
  });

  it('registerAbsence in 9999, written inline', async () => {
    const response = await t.gql(`mutation { registerAbsence(input: { cpr: "${CPR}", typeId: 45, start: "9999-12-20" }) { id } }`, {}, JOBCENTRE);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['DATE_OUT_OF_RANGE']);
  });

  it('a membership from year 0100 and an EEA period in 9999', async () => {
    const akasse = { role: 'akasse', authority: '21' } as const;
    const before = { person: await counts('person', ['akasse_membership']), payment: await counts('payment', ['eea_benefit_period']) };
    const membership = await t.gql('mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr: CPR, akasse: '21', start: '0100-01-01' } }, akasse);
    const period = await t.gql(
      'mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }',
      { i: { cpr: CPR, country: 'DE', start: '9999-01-01', end: '9999-12-31' } },
      akasse,
    );
    expect([membership.status, errorCodes(membership)]).toEqual([400, ['DATE_OUT_OF_RANGE']]);
    expect([period.status, errorCodes(period)]).toEqual([400, ['DATE_OUT_OF_RANGE']]);
    expect({ person: await counts('person', ['akasse_membership']), payment: await counts('payment', ['eea_benefit_period']) }).toEqual(before);
  });
});

describe('a DateTime is a real instant, never rolled over', () => {
  const SUMMON = 'mutation($i: SummonToMeetingInput!) { summonToMeeting(input: $i) { id at } }';

  it.each([
    ['30 February', '2027-02-30T09:00:00Z', 'INVALID_DATE'],
    ['hour 24', '2027-02-10T24:00:00Z', 'INVALID_DATE'],
    ['minute 60', '2027-02-10T09:60:00+01:00', 'INVALID_DATE'],
    ['an offset of 25 hours', '2027-02-10T09:00:00+25:00', 'INVALID_DATE'],
    ['year 2200', '2200-01-01T09:00:00Z', 'DATE_OUT_OF_RANGE'],
  ])('summonToMeeting at %s is refused and writes nothing', async (_case, at, code) => {
    const before = await counts('person', ['meeting_summons']);
    const response = await t.gql(SUMMON, { i: { cpr: CPR, meetingTypeId: 17, at } }, JOBCENTRE);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual([code]);
    expect(await counts('person', ['meeting_summons'])).toEqual(before);
  });

  it('a real instant is stored as written', async () => {
    const response = await t.gql<{ summonToMeeting: { at: string } }>(SUMMON, { i: { cpr: CPR, meetingTypeId: 17, at: '2027-02-28T09:00:00+01:00' } }, JOBCENTRE);
    expect(response.data?.summonToMeeting.at).toBe('2027-02-28T08:00:00.000Z');
  });
});

describe('text a database would not keep as written is refused with INVALID_TEXT', () => {
  const UPSERT = 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id name } }';
  const CREATE_ORDER = 'mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id title } }';

  it.each([
    ['a NUL character', 'Lars\u0000Nielsen'],
    ['a lone high surrogate', 'Lars \uD800Nielsen'],
    ['a lone low surrogate', 'Lars \uDC00Nielsen'],
  ])('in a person name (%s)', async (_case, name) => {
    const before = await counts('person', ['person']);
    const response = await t.gql(UPSERT, { i: { cpr: '0303851234', name, municipalityCode: '101' } });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['INVALID_TEXT']);
    expect(response.errors?.[0].extensions?.field).toBe('$i.name');
    expect(await counts('person', ['person'])).toEqual(before);
  });

  it.each([
    ['a NUL character', 'Kok\u0000'],
    ['a lone surrogate', 'Kok \uD83D'],
  ])('in a job order title (%s)', async (_case, title) => {
    const before = await counts('recruitment', ['job_order']);
    const response = await t.gql(CREATE_ORDER, { i: { title, description: 'Køkken' } }, JOBCENTRE);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['INVALID_TEXT']);
    expect(await counts('recruitment', ['job_order'])).toEqual(before);
  });

  it('written inline in the query', async () => {
    const before = await counts('recruitment', ['job_order']);
    const response = await t.gql('mutation { createJobOrder(input: { title: "Kok\\u0000", description: "Køkken" }) { id } }', {}, JOBCENTRE);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['INVALID_TEXT']);
    expect(response.errors?.[0].extensions?.field).toBe('input.title');
    expect(await counts('recruitment', ['job_order'])).toEqual(before);
  });

  it('sent straight to a subgraph with a valid identity token', async () => {
    const before = await counts('person', ['person']);
    const response = await t.subgraphGql('person', UPSERT, { i: { cpr: '0303851234', name: 'Lars\u0000Nielsen', municipalityCode: '101' } }, { role: 'system', authority: 'STAR' });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['INVALID_TEXT']);
    expect(await counts('person', ['person'])).toEqual(before);
  });

  it('accepts and keeps any other text, emoji and Danish letters included', async () => {
    const name = 'Søren Ærø 🙂 Ünal';
    const response = await t.gql<{ upsertPerson: { name: string } }>(UPSERT, { i: { cpr: '0404851234', name, municipalityCode: '101' } });
    expect(response.data?.upsertPerson.name).toBe(name);
  });
});

it('a body that is not UTF-8 is refused, not stored with U+FFFD in place of its bytes', async () => {
  const before = await counts('person', ['person']);
  const json = Buffer.from(JSON.stringify({ query: 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', variables: { i: { cpr: '0505851234', name: 'Lars #', municipalityCode: '101' } } }));
  const body = Buffer.concat([json.subarray(0, json.indexOf('#')), Buffer.from([0xff, 0xfe]), json.subarray(json.indexOf('#') + 1)]);
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system', 'STAR')}` }, body });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(await counts('person', ['person'])).toEqual(before);
});

it('an operationName the document does not hold is the client\'s mistake: 400 with a typed code, not a server error', async () => {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system', 'STAR')}` },
    body: JSON.stringify({ query: 'query Types { absenceTypes { id } }', operationName: 'Other' }),
  });
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(response.status).toBe(400);
  expect(body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  expect(body.errors[0].message).toContain('Other');

  const unnamed = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system', 'STAR')}` },
    body: JSON.stringify({ query: 'query A { absenceTypes { id } } query B { absenceTypes { name } }' }),
  });
  expect(unnamed.status).toBe(400);
  expect(((await unnamed.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
});
