// EEA benefit periods through the gateway (001 §5.1): report, interrupt, update and delete, each
// with its authority matrix, typed errors that write nothing, and its event in the outbox.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import {
  AKASSE,
  ANALYST,
  DELETE,
  FORMER_AKASSE,
  INTERRUPT,
  JOBCENTRE,
  MOVED_TO_40,
  NEXT_AKASSE,
  OTHER_AKASSE,
  REPORT,
  SYSTEM,
  UPDATE,
  codes,
  eventsOf,
  expectRefused,
  newCpr,
  newPaymentId,
  ok,
  person,
  reported,
  storedPeriod,
  type Caller,
  type PeriodView,
} from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const report = (input: Record<string, unknown>, as: Caller = AKASSE) => t.gql<{ reportEeaBenefitPeriod: PeriodView }>(REPORT, { i: input }, as);
const interrupt = (input: Record<string, unknown>, as: Caller = AKASSE) => t.gql<{ interruptEeaBenefitPeriod: PeriodView }>(INTERRUPT, { i: input }, as);
const update = (input: Record<string, unknown>, as: Caller = AKASSE) => t.gql<{ updateEeaBenefitPeriod: PeriodView }>(UPDATE, { i: input }, as);
const remove = (paymentId: string, as: Caller = AKASSE) => t.gql<{ deleteEeaBenefitPeriod: boolean }>(DELETE, { id: paymentId }, as);

describe('reporting a period', () => {
  it('stores the a-kasse\'s report with its PaymentIdentifier and an EEA_BENEFIT_PERIOD_REPORTED event', async () => {
    const cpr = newCpr();
    const personId = await person(t, cpr);
    const period = await reported(t, cpr, { paymentId: 'AK21-0001', country: 'SE' });
    expect(period).toEqual({
      paymentId: 'AK21-0001',
      country: 'SE',
      start: '2026-10-01',
      end: '2026-12-31',
      interruptionDate: null,
      interruptionCause: null,
      reportedBy: '21',
      coveredUntil: '2026-12-31',
    });
    expect(await eventsOf(t, 'AK21-0001')).toEqual([
      {
        kind: 'EEA_BENEFIT_PERIOD_REPORTED',
        payload: { personId, paymentId: 'AK21-0001', country: 'SE', start: '2026-10-01', end: '2026-12-31', interruptionDate: null, interruptionCauseId: null, reportedBy: '21', changedBy: 'akasse:21' },
        authorities: { jobcentres: ['101'], akasser: ['21', '30'] },
      },
    ]);
  });

  it('generates a PaymentIdentifier when none is given', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const { reportEeaBenefitPeriod } = await ok<{ reportEeaBenefitPeriod: PeriodView }>(t, REPORT, { i: { cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31' } }, AKASSE);
    expect(reportEeaBenefitPeriod.paymentId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers the same report sent again with the stored period, and a different one with a conflict', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const input = { cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31', paymentId: newPaymentId() };
    const first = await ok<{ reportEeaBenefitPeriod: PeriodView }>(t, REPORT, { i: input }, AKASSE);
    const again = await ok<{ reportEeaBenefitPeriod: PeriodView }>(t, REPORT, { i: input }, AKASSE);
    expect(again).toEqual(first);
    expect((await eventsOf(t, input.paymentId)).map((e) => e.kind)).toEqual(['EEA_BENEFIT_PERIOD_REPORTED']);
    await expectRefused(t, 'PAYMENT_ID_CONFLICT', () => report({ ...input, end: '2026-11-30' }));
    const other = newCpr();
    await person(t, other);
    await expectRefused(t, 'PAYMENT_ID_CONFLICT', () => report({ ...input, cpr: other, start: '2025-01-01', end: '2025-02-01' }));
  });

  it('is refused to a-kasser the person is not a member of when it starts', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    // A fund the person never joined learns nothing about them: FORBIDDEN, not a rule's code.
    await expectRefused(t, 'FORBIDDEN', () => report({ cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31' }, OTHER_AKASSE));
    await expectRefused(t, 'NOT_A_MEMBER_OF_AKASSE', () => report({ cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31' }, FORMER_AKASSE));
    // 30 was the a-kasse in 2018: it may report its own period of then.
    expect(codes(await report({ cpr, country: 'DE', start: '2018-03-01', end: '2018-05-31' }, FORMER_AKASSE))).toEqual([]);
  });

  it('is refused to jobcentres, analysts and STAR', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    for (const caller of [JOBCENTRE, ANALYST, SYSTEM]) {
      await expectRefused(t, 'FORBIDDEN', () => report({ cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31' }, caller));
    }
  });

  it('refuses bad input with typed errors, writing nothing', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const valid = { cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31' };
    await expectRefused(t, 'UNKNOWN_EEA_COUNTRY', () => report({ ...valid, country: 'US' }));
    await expectRefused(t, 'UNKNOWN_EEA_COUNTRY', () => report({ ...valid, country: 'DK' }));
    await expectRefused(t, 'INVALID_DATE_RANGE', () => report({ ...valid, end: '2026-09-30' }));
    await expectRefused(t, 'INVALID_DATE', () => report({ ...valid, start: '2026-13-01' }));
    await expectRefused(t, 'INVALID_PAYMENT_ID', () => report({ ...valid, paymentId: 'no spaces please' }));
    await expectRefused(t, 'INVALID_CPR', () => report({ ...valid, cpr: '01019' }));
    await expectRefused(t, 'PERSON_NOT_FOUND', () => report({ ...valid, cpr: '3112991234' }));
  });

  it('never overlaps another period of the person', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    await reported(t, cpr, { start: '2026-10-01', end: '2026-12-31' });
    await expectRefused(t, 'EEA_PERIOD_OVERLAP', () => report({ cpr, country: 'SE', start: '2026-12-31', end: '2027-02-28', paymentId: newPaymentId() }));
    expect(codes(await report({ cpr, country: 'SE', start: '2027-01-01', end: '2027-02-28', paymentId: newPaymentId() }))).toEqual([]);
  });
});

describe('interrupting a period', () => {
  it('records date and cause, moves coverage to the day before, and announces it', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    const { interruptEeaBenefitPeriod } = await ok<{ interruptEeaBenefitPeriod: PeriodView }>(t, INTERRUPT, { i: { paymentId: period.paymentId, interruptionDate: '2026-11-16', causeId: 1 } }, AKASSE);
    expect(interruptEeaBenefitPeriod).toEqual({ ...period, interruptionDate: '2026-11-16', interruptionCause: { id: 1, name: 'Hjemkomst og tilmelding som jobsøgende' }, coveredUntil: '2026-11-15' });
    const events = await eventsOf(t, period.paymentId);
    expect(events.map((e) => e.kind)).toEqual(['EEA_BENEFIT_PERIOD_REPORTED', 'EEA_BENEFIT_PERIOD_INTERRUPTED']);
    expect(events[1].payload).toMatchObject({ interruptionDate: '2026-11-16', interruptionCauseId: 1, changedBy: 'akasse:21' });
  });

  it('is open to the reporting fund, a fund the person belonged to during the period, and STAR', async () => {
    const cpr = newCpr();
    await person(t, cpr, MOVED_TO_40);
    // 21 reported it while the person was its member; the person moved to 40 while it ran.
    const period = await reported(t, cpr, { start: '2026-10-01', end: '2026-12-31' }, AKASSE);
    expect(codes(await interrupt({ paymentId: period.paymentId, interruptionDate: '2026-11-20', causeId: 6 }, AKASSE))).toEqual([]);
    expect(codes(await interrupt({ paymentId: period.paymentId, interruptionDate: '2026-11-16', causeId: 2 }, NEXT_AKASSE))).toEqual([]);
    expect(codes(await interrupt({ paymentId: period.paymentId, interruptionDate: '2026-11-17', causeId: 3 }, SYSTEM))).toEqual([]);
    expect(await storedPeriod(t, period.paymentId)).toMatchObject({ interruption_date: '2026-11-17', interruption_cause_id: 3 });
  });

  it("is refused to a fund whose membership lies outside the period (001 §5.1 gives a former fund its own periods, not another fund's), to strangers, jobcentres and analysts", async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    for (const caller of [FORMER_AKASSE, OTHER_AKASSE, JOBCENTRE, ANALYST]) {
      await expectRefused(t, 'FORBIDDEN', () => interrupt({ paymentId: period.paymentId, interruptionDate: '2026-11-20', causeId: 1 }, caller));
    }
    expect(await storedPeriod(t, period.paymentId)).toMatchObject({ interruption_date: null, interruption_cause_id: null });
  });

  it('refuses a date outside the period, an unknown cause and an unknown period, writing nothing', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    for (const date of ['2026-10-01', '2026-12-31', '2027-01-15', '2026-09-01']) {
      await expectRefused(t, 'INTERRUPTION_DATE_OUTSIDE_PERIOD', () => interrupt({ paymentId: period.paymentId, interruptionDate: date, causeId: 1 }));
    }
    await expectRefused(t, 'UNKNOWN_INTERRUPTION_CAUSE', () => interrupt({ paymentId: period.paymentId, interruptionDate: '2026-11-16', causeId: 7 }));
    await expectRefused(t, 'EEA_PERIOD_NOT_FOUND', () => interrupt({ paymentId: 'NO-SUCH-PERIOD', interruptionDate: '2026-11-16', causeId: 1 }));
    expect(await storedPeriod(t, period.paymentId)).toMatchObject({ interruption_date: null, interruption_cause_id: null });
  });

  it('writes no second event when the same interruption is sent again', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    await ok(t, INTERRUPT, { i: { paymentId: period.paymentId, interruptionDate: '2026-11-16', causeId: 1 } }, AKASSE);
    await ok(t, INTERRUPT, { i: { paymentId: period.paymentId, interruptionDate: '2026-11-16', causeId: 1 } }, AKASSE);
    expect((await eventsOf(t, period.paymentId)).map((e) => e.kind)).toEqual(['EEA_BENEFIT_PERIOD_REPORTED', 'EEA_BENEFIT_PERIOD_INTERRUPTED']);
  });
});

describe('updating a period', () => {
  it('moves the end and announces EEA_BENEFIT_PERIOD_UPDATED', async () => {
    const cpr = newCpr();
    await person(t, cpr, MOVED_TO_40);
    const period = await reported(t, cpr);
    const { updateEeaBenefitPeriod } = await ok<{ updateEeaBenefitPeriod: PeriodView }>(t, UPDATE, { i: { paymentId: period.paymentId, end: '2027-01-31', start: period.start, country: period.country } }, NEXT_AKASSE);
    expect(updateEeaBenefitPeriod).toEqual({ ...period, end: '2027-01-31', coveredUntil: '2027-01-31' });
    const events = await eventsOf(t, period.paymentId);
    expect(events.map((e) => e.kind)).toEqual(['EEA_BENEFIT_PERIOD_REPORTED', 'EEA_BENEFIT_PERIOD_UPDATED']);
    expect(events[1].payload).toMatchObject({ end: '2027-01-31', changedBy: 'akasse:40' });
  });

  it('refuses a new start date or country: delete and report again', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    await expectRefused(t, 'EEA_PERIOD_CHANGE_REQUIRES_DELETE_AND_REPORT', () => update({ paymentId: period.paymentId, start: '2026-10-02' }));
    await expectRefused(t, 'EEA_PERIOD_CHANGE_REQUIRES_DELETE_AND_REPORT', () => update({ paymentId: period.paymentId, country: 'SE', end: '2027-01-31' }));
    expect(await storedPeriod(t, period.paymentId)).toMatchObject({ start: '2026-10-01', country: 'DE', end: '2026-12-31' });
  });

  it('refuses an end before the start, not after the interruption, or into another period', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    await reported(t, cpr, { start: '2027-02-01', end: '2027-03-31', country: 'SE' });
    await expectRefused(t, 'INVALID_DATE_RANGE', () => update({ paymentId: period.paymentId, end: '2026-09-30' }));
    await expectRefused(t, 'EEA_PERIOD_OVERLAP', () => update({ paymentId: period.paymentId, end: '2027-02-01' }));
    await expectRefused(t, 'BAD_USER_INPUT', () => update({ paymentId: period.paymentId, end: null }));
    await ok(t, INTERRUPT, { i: { paymentId: period.paymentId, interruptionDate: '2026-11-16', causeId: 1 } }, AKASSE);
    await expectRefused(t, 'EEA_PERIOD_END_NOT_AFTER_INTERRUPTION', () => update({ paymentId: period.paymentId, end: '2026-11-16' }));
    expect(await storedPeriod(t, period.paymentId)).toMatchObject({ end: '2026-12-31' });
  });

  it('is refused to another fund, one whose membership lies outside the period, jobcentres and analysts', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    for (const caller of [OTHER_AKASSE, FORMER_AKASSE, JOBCENTRE, ANALYST]) await expectRefused(t, 'FORBIDDEN', () => update({ paymentId: period.paymentId, end: '2027-01-31' }, caller));
  });
});

describe('deleting a period', () => {
  it('removes it for good, announces EEA_BENEFIT_PERIOD_DELETED with what was deleted, and frees its dates', async () => {
    const cpr = newCpr();
    const personId = await person(t, cpr, MOVED_TO_40);
    const period = await reported(t, cpr);
    // 001 §5.1: not only the reporting fund; here the one the person moved to while it ran.
    expect((await ok<{ deleteEeaBenefitPeriod: boolean }>(t, DELETE, { id: period.paymentId }, NEXT_AKASSE)).deleteEeaBenefitPeriod).toBe(true);
    expect(await storedPeriod(t, period.paymentId)).toBeUndefined();
    const events = await eventsOf(t, period.paymentId);
    expect(events.map((e) => e.kind)).toEqual(['EEA_BENEFIT_PERIOD_REPORTED', 'EEA_BENEFIT_PERIOD_DELETED']);
    expect(events[1]).toMatchObject({ payload: { personId, paymentId: period.paymentId, country: 'DE', start: '2026-10-01', changedBy: 'akasse:40' }, authorities: { jobcentres: ['101'], akasser: ['21', '30', '40'] } });
    // A corrected start date: delete and report again (21 was the member fund on 2026-10-05).
    expect(codes(await report({ cpr, country: 'DE', start: '2026-10-05', end: '2026-12-31', paymentId: newPaymentId() }))).toEqual([]);
    await expectRefused(t, 'EEA_PERIOD_NOT_FOUND', () => remove(period.paymentId));
  });

  it('is open to STAR, refused to another fund, one whose membership lies outside the period, jobcentres and analysts', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr);
    for (const caller of [OTHER_AKASSE, FORMER_AKASSE, JOBCENTRE, ANALYST]) await expectRefused(t, 'FORBIDDEN', () => remove(period.paymentId, caller));
    expect(codes(await remove(period.paymentId, SYSTEM))).toEqual([]);
  });
});

describe('reading periods', () => {
  const PERIODS = 'query($cpr: String!) { person(cpr: $cpr) { eeaBenefitPeriods { paymentId country start end } } }';
  const ONE = 'query($id: ID!) { eeaBenefitPeriod(paymentId: $id) { paymentId country } }';

  it('shows the jobcentre, the current a-kasse and STAR the periods; refuses others, analysts and a fund the person left years ago', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const older = await reported(t, cpr, { start: '2026-01-01', end: '2026-02-28' });
    const newer = await reported(t, cpr, { start: '2026-10-01', end: '2026-12-31' });
    for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) {
      const data = await ok<{ person: { eeaBenefitPeriods: { paymentId: string }[] } }>(t, PERIODS, { cpr }, caller);
      expect(data.person.eeaBenefitPeriods.map((p) => p.paymentId)).toEqual([newer.paymentId, older.paymentId]);
      expect((await ok<{ eeaBenefitPeriod: { paymentId: string } }>(t, ONE, { id: older.paymentId }, caller)).eeaBenefitPeriod.paymentId).toBe(older.paymentId);
    }
    for (const caller of [{ role: 'caseworker', authority: '147' } as const, OTHER_AKASSE, FORMER_AKASSE, ANALYST]) {
      expect(codes(await t.gql(PERIODS, { cpr }, caller))).toContain('FORBIDDEN');
      expect(codes(await t.gql(ONE, { id: older.paymentId }, caller))).toEqual(['FORBIDDEN']);
    }
    expect((await ok<{ eeaBenefitPeriod: null }>(t, ONE, { id: 'NO-SUCH-PERIOD' }, JOBCENTRE)).eeaBenefitPeriod).toBeNull();
  });

  it('shows a former a-kasse, for 13 weeks after the person left, the periods within its membership and not those after it', async () => {
    const cpr = newCpr();
    await person(t, cpr, MOVED_TO_40);
    const of21 = await reported(t, cpr, { start: '2026-09-01', end: '2026-10-15' });
    const of40 = await reported(t, cpr, { start: '2026-11-10', end: '2026-12-31' }, NEXT_AKASSE);
    const seen = async (caller: Caller) => (await ok<{ person: { eeaBenefitPeriods: { paymentId: string }[] } }>(t, PERIODS, { cpr }, caller)).person.eeaBenefitPeriods.map((p) => p.paymentId);
    expect(await seen(NEXT_AKASSE)).toEqual([of40.paymentId, of21.paymentId]);
    expect(await seen(AKASSE)).toEqual([of21.paymentId]);
    expect((await ok<{ eeaBenefitPeriod: null }>(t, ONE, { id: of40.paymentId }, AKASSE)).eeaBenefitPeriod).toBeNull();
    // 2026-10-31 plus 13 weeks is 2027-01-30: then 21 reads nothing of the person.
    t.clock.set('2027-01-31T09:00:00Z');
    try {
      expect(codes(await t.gql(PERIODS, { cpr }, AKASSE))).toEqual(['FORBIDDEN']);
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
    }
  });

  it('gives the jobcentre the weeks with EEA benefits by ISO week, interruptions counted', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    const period = await reported(t, cpr, { start: '2026-10-01', end: '2026-12-31', country: 'NO' });
    await ok(t, INTERRUPT, { i: { paymentId: period.paymentId, interruptionDate: '2026-10-12', causeId: 3 } }, AKASSE);
    const COVERAGE = 'query($cpr: String!, $from: Date, $to: Date) { person(cpr: $cpr) { eeaCoverage(from: $from, to: $to) { week firstDay lastDay coveredDays countries paymentIds } } }';
    const data = await ok<{ person: { eeaCoverage: unknown[] } }>(t, COVERAGE, { cpr }, JOBCENTRE);
    expect(data.person.eeaCoverage).toEqual([
      { week: '2026-W40', firstDay: '2026-09-28', lastDay: '2026-10-04', coveredDays: 4, countries: ['NO'], paymentIds: [period.paymentId] },
      { week: '2026-W41', firstDay: '2026-10-05', lastDay: '2026-10-11', coveredDays: 7, countries: ['NO'], paymentIds: [period.paymentId] },
    ]);
    const clipped = await ok<{ person: { eeaCoverage: { week: string }[] } }>(t, COVERAGE, { cpr, from: '2026-10-05' }, JOBCENTRE);
    expect(clipped.person.eeaCoverage.map((w) => w.week)).toEqual(['2026-W41']);
    expect(codes(await t.gql(COVERAGE, { cpr, from: '2026-10-05', to: '2026-10-01' }, JOBCENTRE))).toEqual(['INVALID_DATE_RANGE']);
    expect(codes(await t.gql(COVERAGE, { cpr }, OTHER_AKASSE))).toContain('FORBIDDEN');
  });
});
