// Shared steps of the payment subgraph's end-to-end suites: callers, persons, memberships, periods,
// and what the payment database holds afterwards (rows and outbox events).
import { errorCodes, type GraphQLResponse, type TestSystem } from '../../../test/support/system';

export { AKASSE, ANALYST, JOBCENTRE, OTHER_AKASSE, OTHER_JOBCENTRE, SYSTEM, fails, ok, type Caller } from '../../../test/support/callers';
import { AKASSE, ok, type Caller } from '../../../test/support/callers';
/** The person's a-kasse before 21 (2015-2019): long gone, it no longer reads or acts for them. */
export const FORMER_AKASSE = { role: 'akasse', authority: '30' } as const;
/** The a-kasse the person moves to from 21 in `MOVED_TO_40`. */
export const NEXT_AKASSE = { role: 'akasse', authority: '40' } as const;
/** 30 from 2015 to 2019, 21 from 2020 until 2026-10-31, then 40 (open): today (2026-11-23) 21 is the former fund within its read window. */
export const MOVED_TO_40 = [
  { akasse: '30', start: '2015-01-01', end: '2019-12-31' },
  { akasse: '21', start: '2020-01-01', end: '2026-10-31' },
  { akasse: '40', start: '2026-11-01', end: null },
];

export const PERIOD_FIELDS = 'paymentId country start end interruptionDate interruptionCause { id name } reportedBy coveredUntil';
export const REGISTER_MEMBERSHIP = 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id akasse start end } }';
export const END_MEMBERSHIP = 'mutation($i: EndAkasseMembershipInput!) { endAkasseMembership(input: $i) { id akasse start end } }';
export const REPORT = `mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { ${PERIOD_FIELDS} } }`;
export const INTERRUPT = `mutation($i: InterruptEeaBenefitPeriodInput!) { interruptEeaBenefitPeriod(input: $i) { ${PERIOD_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateEeaBenefitPeriodInput!) { updateEeaBenefitPeriod(input: $i) { ${PERIOD_FIELDS} } }`;
export const DELETE = 'mutation($id: ID!) { deleteEeaBenefitPeriod(paymentId: $id) }';
/** Everything the payment subgraph shows of a person, the weeks within one year from 2026-09-01. */
export const READ_ALL = `query($cpr: String!) { person(cpr: $cpr) {
  akasseMemberships { id akasse start end }
  eeaBenefitPeriods { ${PERIOD_FIELDS} }
  eeaCoverage(from: "2026-09-01", to: "2027-08-31") { week coveredDays countries paymentIds }
} }`;
export const PERSON_PAYMENTS = `query($cpr: String!) { person(cpr: $cpr) { akasseMemberships { id akasse start end } eeaBenefitPeriods { ${PERIOD_FIELDS} } } }`;

let nextCpr = 1;
/** A fresh CPR per call, so tests never share a person (year 77 keeps clear of other suites). */
export function newCpr(): string {
  const n = nextCpr++;
  return `${String((n % 28) + 1).padStart(2, '0')}${String((Math.floor(n / 28) % 12) + 1).padStart(2, '0')}77${String(1000 + n).padStart(4, '0')}`;
}

let nextPaymentId = 1;
export function newPaymentId(): string {
  return `PAY-${nextPaymentId++}`;
}

export function codes(response: GraphQLResponse<unknown>): unknown[] {
  return errorCodes(response);
}

/**
 * A person of jobcentre 101, a member of a-kasse 30 from 2015 to 2019 and of 21 from 2020 (open),
 * unless `memberships` says otherwise; returns the person id.
 */
export async function person(t: TestSystem, cpr: string, memberships = [{ akasse: '30', start: '2015-01-01', end: '2019-12-31' }, { akasse: '21', start: '2020-01-01', end: null }]): Promise<string> {
  const { upsertPerson } = await ok<{ upsertPerson: { id: string } }>(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Test Person', municipalityCode: '101' } });
  for (const m of memberships) await ok(t, REGISTER_MEMBERSHIP, { i: { cpr, ...m } });
  return upsertPerson.id;
}

export interface PeriodView {
  paymentId: string;
  country: string;
  start: string;
  end: string;
  interruptionDate: string | null;
  interruptionCause: { id: number; name: string } | null;
  reportedBy: string;
  coveredUntil: string;
}

/** A reported period of a-kasse 21 (DE, 2026-10-01 to 2026-12-31 unless overridden). */
export async function reported(t: TestSystem, cpr: string, input: Record<string, unknown> = {}, as: Caller = AKASSE): Promise<PeriodView> {
  const data = await ok<{ reportEeaBenefitPeriod: PeriodView }>(t, REPORT, { i: { cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31', paymentId: newPaymentId(), ...input } }, as);
  return data.reportEeaBenefitPeriod;
}

function paymentDb(t: TestSystem) {
  return t.system.subgraphs.find((s) => s.name === 'payment')!.orm.em.getConnection();
}

/** Rows in the payment tables and the outbox: a refused write must change none of them. */
export async function counts(t: TestSystem): Promise<{ memberships: number; periods: number; outbox: number }> {
  const db = paymentDb(t);
  const count = async (table: string) => Number((await db.execute<{ n: number | string }[]>(`select count(*) as n from ${table}`))[0].n);
  return { memberships: await count('akasse_membership'), periods: await count('eea_benefit_period'), outbox: await count('outbox_event') };
}

/** The stored period row, or undefined. */
export async function storedPeriod(t: TestSystem, paymentId: string): Promise<Record<string, unknown> | undefined> {
  const rows = await paymentDb(t).execute<Record<string, unknown>[]>('select * from eea_benefit_period where payment_id = ?', [paymentId]);
  return rows[0];
}

export interface StoredEvent {
  kind: string;
  payload: Record<string, unknown>;
  authorities: { jobcentres?: string[]; akasser?: string[] };
}

/** The payment subgraph's outbox events about one entity (membership id or PaymentIdentifier), oldest first. */
export async function eventsOf(t: TestSystem, entityId: string): Promise<StoredEvent[]> {
  const rows: { kind: string; payload: string | object; authorities: string | object }[] = await paymentDb(t).execute(
    'select kind, payload, authorities from outbox_event where entity_id = ? order by seq',
    [entityId],
  );
  const json = (value: string | object) => (typeof value === 'string' ? JSON.parse(value) : value);
  return rows.map((r) => ({ kind: r.kind, payload: json(r.payload), authorities: json(r.authorities) }));
}

/** Runs `attempt` as a write that must be refused with `code` and leave every table as it was. */
export async function expectRefused(t: TestSystem, code: string, attempt: () => Promise<GraphQLResponse<unknown>>): Promise<void> {
  const before = await counts(t);
  const response = await attempt();
  expect(codes(response)).toEqual([code]);
  expect(await counts(t)).toEqual(before);
}

/** What the payment database holds for one person: periods, memberships and outbox event kinds. */
export async function stored(t: TestSystem, personId: string) {
  const db = paymentDb(t);
  const select = async (sql: string): Promise<Record<string, unknown>[]> => db.execute(sql, [personId]);
  const outbox = await select('select kind from outbox_event where person_id = ? order by seq');
  return {
    periods: await select('select * from eea_benefit_period where person_id = ? order by start'),
    memberships: await select('select * from akasse_membership where person_id = ? order by start'),
    outbox: outbox.map((e) => String(e.kind)),
  };
}
