// Valid time in the payment subgraph through the gateway (issue 18): the same person read with
// person(cpr:, asOf:) the day before, on and after a dated fact. A membership registered ahead is
// scheduled, not current, until its start; an EEA period pays from its start through the day before
// its interruption; events carry the day they take effect; dates too far ahead are refused.
import { OutboxEvent } from '../core/outbox';
import { AKASSE, JOBCENTRE, expectRefused, newCpr, newPaymentId, person, REGISTER_MEMBERSHIP, REPORT, INTERRUPT, ok } from '../subgraphs/payment/__tests__/support';
import type { Caller } from './support/callers';
import { startTestSystem, type TestSystem } from './support/system';

const TODAY = '2026-11-30';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: TODAY });
});
afterAll(() => t.stop());

const NEXT_FUND = { role: 'akasse', authority: '40' } as const;

interface MembershipView {
  akasse: string;
  start: string;
  end: string | null;
  inForce: boolean;
  scheduled: boolean;
}

const AS_OF = `query($cpr: String!, $asOf: Date) { person(cpr: $cpr, asOf: $asOf) {
  akasseMembership { akasse start end }
  akasseMemberships { akasse inForce scheduled }
  eeaBenefitPeriods { paymentId inForce scheduled coveredUntil }
} }`;

interface PaymentsView {
  akasseMembership: Pick<MembershipView, 'akasse' | 'start' | 'end'> | null;
  akasseMemberships: Pick<MembershipView, 'akasse' | 'inForce' | 'scheduled'>[];
  eeaBenefitPeriods: { paymentId: string; inForce: boolean; scheduled: boolean; coveredUntil: string }[];
}

async function asOf(cpr: string, day: string | null, as: Caller = JOBCENTRE): Promise<PaymentsView> {
  return (await ok<{ person: PaymentsView }>(t, AS_OF, { cpr, asOf: day }, as)).person;
}

function outbox(entityId: string) {
  return t.system.subgraphs.find((s) => s.name === 'payment')!.orm.em.fork().find(OutboxEvent, { entityId }, { orderBy: { occurredAt: 'asc' } });
}

describe('a move to another a-kasse registered 5 weeks ahead', () => {
  let cpr: string;
  let nextId: string;
  beforeAll(async () => {
    cpr = newCpr();
    // The register feed: member of 21 from 2020 through 2027-01-03; 40 registers the move itself.
    await person(t, cpr, [{ akasse: '21', start: '2020-01-01', end: '2027-01-03' }]);
    nextId = (await ok<{ registerAkasseMembership: { id: string } }>(t, REGISTER_MEMBERSHIP, { i: { cpr, akasse: '40', start: '2027-01-04' } }, NEXT_FUND)).registerAkasseMembership.id;
  });

  it('today, 21 is the current a-kasse and 40 is scheduled, not in force', async () => {
    const today = await asOf(cpr, null);
    expect(today.akasseMembership).toEqual({ akasse: '21', start: '2020-01-01', end: '2027-01-03' });
    expect(today.akasseMemberships).toEqual([
      { akasse: '40', inForce: false, scheduled: true },
      { akasse: '21', inForce: true, scheduled: false },
    ]);
  });

  it('as of the day before, on and after the move: 21, then 40', async () => {
    expect((await asOf(cpr, '2027-01-03')).akasseMembership?.akasse).toBe('21');
    const on = await asOf(cpr, '2027-01-04');
    expect(on.akasseMembership).toEqual({ akasse: '40', start: '2027-01-04', end: null });
    expect(on.akasseMemberships).toEqual([
      { akasse: '40', inForce: true, scheduled: false },
      { akasse: '21', inForce: false, scheduled: false },
    ]);
    expect((await asOf(cpr, '2027-01-05')).akasseMembership?.akasse).toBe('40');
  });

  it('as of a day before any membership: none is current', async () => {
    expect((await asOf(cpr, '2019-12-31')).akasseMembership).toBeNull();
  });

  it("the membership's event carries its start as the day it takes effect", async () => {
    expect((await outbox(nextId)).map((e) => [e.kind, e.effectiveDate])).toEqual([['AKASSE_MEMBERSHIP_STARTED', '2027-01-04']]);
  });
});

describe('access on an as-of read', () => {
  it("is decided on today's register: a fund the person left years ago reads nothing as of a day it was the member", async () => {
    const cpr = newCpr();
    await person(t, cpr); // 30 from 2015 through 2019, 21 from 2020
    const FORMER = { role: 'akasse', authority: '30' } as const;
    const asked = await t.gql(AS_OF, { cpr, asOf: '2018-06-01' }, FORMER);
    expect(asked.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(asked.data ?? null)).not.toContain('"akasse":"30"');
    expect((await asOf(cpr, '2018-06-01')).akasseMembership?.akasse).toBe('30');
  });
});

describe('an ended membership', () => {
  it("its end event carries the membership's last day", async () => {
    const cpr = newCpr();
    await person(t, cpr, [{ akasse: '21', start: '2020-01-01', end: null }]);
    const END = 'mutation($i: EndAkasseMembershipInput!) { endAkasseMembership(input: $i) { id } }';
    const { endAkasseMembership } = await ok<{ endAkasseMembership: { id: string } }>(t, END, { i: { cpr, akasse: '21', end: '2026-12-31' } }, AKASSE);
    expect((await outbox(endAkasseMembership.id)).map((e) => [e.kind, e.effectiveDate])).toEqual([
      ['AKASSE_MEMBERSHIP_STARTED', '2020-01-01'],
      ['AKASSE_MEMBERSHIP_ENDED', '2026-12-31'],
    ]);
    expect((await asOf(cpr, '2026-12-31')).akasseMembership?.akasse).toBe('21');
    expect((await asOf(cpr, '2027-01-01')).akasseMembership).toBeNull();
  });
});

describe('an EEA benefit period reported ahead and interrupted', () => {
  let cpr: string;
  const paymentId = newPaymentId();
  beforeAll(async () => {
    cpr = newCpr();
    await person(t, cpr);
    await ok(t, REPORT, { i: { cpr, country: 'DE', start: '2026-12-07', end: '2027-03-31', paymentId } }, AKASSE);
    await ok(t, INTERRUPT, { i: { paymentId, interruptionDate: '2027-02-01', causeId: 1 } }, AKASSE);
  });

  it('is scheduled the day before its start, pays from its start, and not from its interruption date', async () => {
    expect((await asOf(cpr, '2026-12-06')).eeaBenefitPeriods).toEqual([{ paymentId, inForce: false, scheduled: true, coveredUntil: '2027-01-31' }]);
    expect((await asOf(cpr, '2026-12-07')).eeaBenefitPeriods).toEqual([{ paymentId, inForce: true, scheduled: false, coveredUntil: '2027-01-31' }]);
    expect((await asOf(cpr, '2027-01-31')).eeaBenefitPeriods[0].inForce).toBe(true);
    expect((await asOf(cpr, '2027-02-01')).eeaBenefitPeriods[0].inForce).toBe(false);
  });

  it('its events carry the start and the interruption date as the days they take effect', async () => {
    expect((await outbox(paymentId)).map((e) => [e.kind, e.effectiveDate])).toEqual([
      ['EEA_BENEFIT_PERIOD_REPORTED', '2026-12-07'],
      ['EEA_BENEFIT_PERIOD_INTERRUPTED', '2027-02-01'],
    ]);
  });

  it('eeaCoverage without bounds reads the year around the day asked', async () => {
    const COVERAGE = 'query($cpr: String!, $asOf: Date) { person(cpr: $cpr, asOf: $asOf) { eeaCoverage { week } } }';
    const weeks = async (day: string | null) => (await ok<{ person: { eeaCoverage: { week: string }[] } }>(t, COVERAGE, { cpr, asOf: day }, JOBCENTRE)).person.eeaCoverage.map((w) => w.week);
    expect((await weeks(null)).at(-1)).toBe('2027-W04');
    // The window opens a year before the day asked: from 2027-01-25 (W04) it holds the last week, from 2027-02-01 none.
    expect(await weeks('2028-01-25')).toEqual(['2027-W04']);
    expect(await weeks('2028-02-01')).toEqual([]);
  });
});

describe('how far ahead an a-kasse may date', () => {
  it(`refuses an EEA period starting more than 13 weeks ahead (after 2027-03-01), and writes nothing`, async () => {
    const cpr = newCpr();
    await person(t, cpr);
    await ok(t, REPORT, { i: { cpr, country: 'SE', start: '2027-03-01', end: '2027-04-30', paymentId: newPaymentId() } }, AKASSE);
    await expectRefused(t, 'EEA_PERIOD_STARTS_TOO_FAR_AHEAD', () => t.gql(REPORT, { i: { cpr, country: 'SE', start: '2027-05-03', end: '2027-06-30', paymentId: newPaymentId() } }, AKASSE));
    await expectRefused(t, 'EEA_PERIOD_STARTS_TOO_FAR_AHEAD', () => t.gql(REPORT, { i: { cpr, country: 'NO', start: '2027-03-02', end: '2027-03-31', paymentId: newPaymentId() } }, AKASSE));
  });

  it('refuses a membership an a-kasse dates more than 13 weeks ahead', async () => {
    const cpr = newCpr();
    await person(t, cpr, []);
    await expectRefused(t, 'MEMBERSHIP_DATED_TOO_FAR_AHEAD', () => t.gql(REGISTER_MEMBERSHIP, { i: { cpr, akasse: '21', start: '2027-03-02' } }, AKASSE));
    await ok(t, REGISTER_MEMBERSHIP, { i: { cpr, akasse: '21', start: '2027-03-01' } }, AKASSE);
  });
});
