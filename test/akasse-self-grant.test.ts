// Issue 16 item 1, as the attack it was: a-kasse 99, refused a member of a-kasse 21, tries to write
// itself into the person's a-kasse register (back-dated, overlapping, slipped in before 21) to
// become a "former a-kasse" with its rights. Every step is refused with a typed code and writes
// nothing, and afterwards 99 still reads no CPR, contact course, history, absences, mediations, EEA
// periods or Min plan and cannot touch 21's period or register the person's activities. A fund that really was a member long ago, and a member
// who moves fund, keep exactly what 001 §5.1 and docs/access.md give them.
import { counts, expectRefused, newCpr, reported } from '../subgraphs/payment/__tests__/support';
import { AKASSE, JOBCENTRE, OTHER_AKASSE, SYSTEM, ok, type Caller } from './support/callers';
import { errorCodes, startTestSystem, type GraphQLResponse, type TestSystem } from './support/system';

const TODAY = '2026-11-23';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: TODAY });
});
afterAll(() => t.stop());

const REGISTER = 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id akasse start end } }';
const END = 'mutation($i: EndAkasseMembershipInput!) { endAkasseMembership(input: $i) { id end } }';
const INTERRUPT = 'mutation($i: InterruptEeaBenefitPeriodInput!) { interruptEeaBenefitPeriod(input: $i) { paymentId } }';
const UPDATE = 'mutation($i: UpdateEeaBenefitPeriodInput!) { updateEeaBenefitPeriod(input: $i) { paymentId } }';
const DELETE = 'mutation($id: ID!) { deleteEeaBenefitPeriod(paymentId: $id) }';
const PERIOD = 'query($id: ID!) { eeaBenefitPeriod(paymentId: $id) { paymentId interruptionDate end } }';
/** Everything the probe read as the self-made "former a-kasse", field by field. */
const FIELDS: Record<string, string> = {
  cpr: 'cpr',
  contactGroup: 'contactGroup { contactGroup { id } }',
  contactGroupHistory: 'contactGroupHistory { id }',
  history: 'history { action }',
  absences: 'absences { id }',
  mediations: 'mediations { id }',
  akasseMemberships: 'akasseMemberships { akasse }',
  eeaBenefitPeriods: 'eeaBenefitPeriods { paymentId }',
  planVersions: 'planVersions { version }',
  activities: 'activities { id }',
};

const fund = (authority: string): Caller => ({ role: 'akasse', authority });
const register = (input: Record<string, unknown>, as: Caller) => t.gql(REGISTER, { i: input }, as);
const masked = (cpr: string) => `${cpr.slice(0, 6)}-XXXX`;

/** What `as` sees of the person: each field's value, or the code it was refused with (one query per field, so one refusal hides no other). */
async function whatIsSeen(cpr: string, as: Caller): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {};
  for (const [field, selection] of Object.entries(FIELDS)) {
    const response: GraphQLResponse<{ person: Record<string, unknown> | null }> = await t.gql(`query($cpr: String!) { person(cpr: $cpr) { ${selection} } }`, { cpr }, as);
    seen[field] = errorCodes(response)[0] ?? response.data?.person?.[field];
  }
  return seen;
}

/** Nothing of the person for `as`: the CPR masked, every field of the course refused, no mediation shown. */
function nothingOf(cpr: string) {
  return {
    cpr: masked(cpr),
    contactGroup: 'FORBIDDEN',
    contactGroupHistory: 'FORBIDDEN',
    history: 'FORBIDDEN',
    absences: 'FORBIDDEN',
    mediations: [],
    akasseMemberships: 'FORBIDDEN',
    eeaBenefitPeriods: 'FORBIDDEN',
    planVersions: 'FORBIDDEN',
    activities: 'FORBIDDEN',
  };
}

const ACTIVITY = 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }';
/** Jobrettet uddannelse (903): the activity an a-kasse registers for its member (002). */
const jobOrientedEducation = (cpr: string) => ({ i: { cpr, categoryId: 903, start: '2026-12-07', end: '2027-01-17' } });

/**
 * A person of jobcentre 101 in contact group 1, with an absence and a mediation to a public order,
 * the given register (written by the register feed) and a period 21 reported; returns its id.
 */
async function personOf21(cpr: string, register: { akasse: string; start: string; end: string | null }[], period = { start: '2026-10-01', end: '2026-12-31' }) {
  await ok(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Jens Larsen', municipalityCode: '101' } });
  await ok(t, 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: 1, start: '2026-01-05' } }, JOBCENTRE);
  for (const m of register) await ok(t, REGISTER, { i: { cpr, ...m } }, SYSTEM);
  await ok(t, 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr, typeId: 45, start: '2026-11-20', end: '2026-12-18' } }, JOBCENTRE);
  const order = await ok<{ createJobOrder: { id: string } }>(t, 'mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }', {
    i: { title: 'Social- og sundhedshjælper', description: 'Dagvagt i hjemmeplejen.', occupationCode: '5322.1', isInternal: false },
  }, JOBCENTRE);
  await ok(t, 'mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id } }', { i: { jobOrderId: order.createJobOrder.id, cpr } }, JOBCENTRE);
  return reported(t, cpr, { country: 'DE', ...period }, AKASSE);
}

describe('a-kasse 99 against a member of a-kasse 21', () => {
  const cpr = newCpr();
  let paymentId: string;

  beforeAll(async () => {
    ({ paymentId } = await personOf21(cpr, [{ akasse: '21', start: '2020-01-01', end: null }]));
  });

  it('is refused the person at first, and 21 is not', async () => {
    expect(await whatIsSeen(cpr, OTHER_AKASSE)).toEqual(nothingOf(cpr));
    expect(await whatIsSeen(cpr, AKASSE)).toMatchObject({ cpr, contactGroup: { contactGroup: { id: 1 } }, eeaBenefitPeriods: [{ paymentId }] });
  });

  it('cannot write itself into the register, whichever way it dates the membership, and nothing is written', async () => {
    const attempts: [string, Record<string, unknown>, Caller][] = [
      // The probe's own step: a month in 1990, before 21's membership.
      ['MEMBERSHIP_BACKDATED_TOO_FAR', { cpr, akasse: '99', start: '1990-01-01', end: '1990-01-31' }, OTHER_AKASSE],
      ['MEMBERSHIP_BACKDATED_TOO_FAR', { cpr, akasse: '99', start: '2019-12-31', end: '2019-12-31' }, OTHER_AKASSE],
      // Overlapping 21's open membership: today, a day, from next month, open.
      ['MEMBERSHIP_OVERLAP', { cpr, akasse: '99', start: TODAY, end: TODAY }, OTHER_AKASSE],
      ['MEMBERSHIP_OVERLAP', { cpr, akasse: '99', start: '2026-12-01', end: null }, OTHER_AKASSE],
      // Far ahead, where no overlap would be checked against a future end.
      ['MEMBERSHIP_DATED_TOO_FAR_AHEAD', { cpr, akasse: '99', start: '2099-01-01', end: '2099-01-01' }, OTHER_AKASSE],
      // In 21's name, or as the register feed would.
      ['FORBIDDEN', { cpr, akasse: '21', start: '1990-01-01', end: '1990-01-31' }, OTHER_AKASSE],
    ];
    for (const [code, input, as] of attempts) await expectRefused(t, code, () => register(input, as));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(END, { i: { cpr, akasse: '21', end: '2026-11-22' } }, OTHER_AKASSE));
  });

  it('still reads nothing of the person and cannot interrupt, move or delete 21\'s EEA period', async () => {
    expect(await whatIsSeen(cpr, OTHER_AKASSE)).toEqual(nothingOf(cpr));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(INTERRUPT, { i: { paymentId, interruptionDate: '2026-11-16', causeId: 6 } }, OTHER_AKASSE));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(UPDATE, { i: { paymentId, end: '2026-11-30' } }, OTHER_AKASSE));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(DELETE, { id: paymentId }, OTHER_AKASSE));
    expect((await ok<{ eeaBenefitPeriod: unknown }>(t, PERIOD, { id: paymentId }, AKASSE)).eeaBenefitPeriod).toEqual({ paymentId, interruptionDate: null, end: '2026-12-31' });
  });
});

describe("a-kasse 99 slipping a short membership in before 21's", () => {
  it('is refused however short and however close to 21\'s start, and still reads nothing', async () => {
    const cpr = newCpr();
    // 21 took the person on recently (within an a-kasse's own dating window), so 99 could date one just before.
    await personOf21(cpr, [{ akasse: '21', start: '2026-09-01', end: null }], { start: '2026-10-01', end: '2026-12-31' });
    await expectRefused(t, 'MEMBERSHIP_PRECEDES_ANOTHER_FUND', () => register({ cpr, akasse: '99', start: '2026-08-31', end: '2026-08-31' }, OTHER_AKASSE));
    await expectRefused(t, 'MEMBERSHIP_PRECEDES_ANOTHER_FUND', () => register({ cpr, akasse: '99', start: '2026-08-24', end: '2026-08-30' }, OTHER_AKASSE));
    expect(await whatIsSeen(cpr, OTHER_AKASSE)).toEqual(nothingOf(cpr));
  });
});

describe('a fund the person really left long ago (the register feed recorded 99 for 1990)', () => {
  it("reads nothing of the person now and cannot touch the current fund's period", async () => {
    const cpr = newCpr();
    const { paymentId } = await personOf21(cpr, [
      { akasse: '99', start: '1990-01-01', end: '1990-01-31' },
      { akasse: '21', start: '2020-01-01', end: null },
    ]);
    expect(await whatIsSeen(cpr, OTHER_AKASSE)).toEqual(nothingOf(cpr));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(INTERRUPT, { i: { paymentId, interruptionDate: '2026-11-16', causeId: 6 } }, OTHER_AKASSE));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(DELETE, { id: paymentId }, OTHER_AKASSE));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(ACTIVITY, jobOrientedEducation(cpr), OTHER_AKASSE));
  });
});

describe('a member who moves from 21 to 99 (the legitimate change of fund)', () => {
  it('gives 99 the person from its first day, and 21 what it needs to close the case for 13 weeks', async () => {
    const cpr = newCpr();
    // 21 until 2026-10-31; a period 21 reported runs into November, an older one ended in October.
    const running = await personOf21(cpr, [{ akasse: '21', start: '2020-01-01', end: '2026-10-31' }], { start: '2026-10-20', end: '2026-12-31' });
    const closed = await reported(t, cpr, { country: 'SE', start: '2026-09-01', end: '2026-10-15' }, AKASSE);
    await ok(t, REGISTER, { i: { cpr, akasse: '99', start: '2026-11-01' } }, OTHER_AKASSE);

    expect(await whatIsSeen(cpr, OTHER_AKASSE)).toMatchObject({ cpr, contactGroup: { contactGroup: { id: 1 } } });
    expect(await whatIsSeen(cpr, AKASSE)).toMatchObject({ cpr, akasseMemberships: [{ akasse: '21' }] });
    // 99 may interrupt the period still running when it took over, not 21's period from before it.
    expect(errorCodes(await t.gql(INTERRUPT, { i: { paymentId: running.paymentId, interruptionDate: '2026-11-25', causeId: 3 } }, OTHER_AKASSE))).toEqual([]);
    await expectRefused(t, 'FORBIDDEN', () => t.gql(DELETE, { id: closed.paymentId }, OTHER_AKASSE));
    // 21 interrupts its own period with cause 6 (udmeldelse) after the person left.
    expect(errorCodes(await t.gql(INTERRUPT, { i: { paymentId: running.paymentId, interruptionDate: '2026-11-02', causeId: 6 } }, AKASSE))).toEqual([]);
    // Registering the member's activities is the current fund's: 99 now, no longer 21.
    await expectRefused(t, 'FORBIDDEN', () => t.gql(ACTIVITY, jobOrientedEducation(cpr), AKASSE));
    expect(errorCodes(await t.gql(ACTIVITY, jobOrientedEducation(cpr), OTHER_AKASSE))).toEqual([]);

    // 2026-10-31 plus 13 weeks is 2027-01-30: from the day after, 21 reads nothing more.
    t.clock.set('2027-01-30T09:00:00Z');
    try {
      expect(await whatIsSeen(cpr, AKASSE)).toMatchObject({ cpr, absences: [expect.anything()] });
      t.clock.set('2027-01-31T09:00:00Z');
      expect(await whatIsSeen(cpr, AKASSE)).toEqual(nothingOf(cpr));
      // Its own period stays its to correct (001 §5.1), read window or not.
      expect(errorCodes(await t.gql(DELETE, { id: closed.paymentId }, AKASSE))).toEqual([]);
    } finally {
      t.clock.set(`${TODAY}T09:00:00Z`);
    }
  });
});

describe('two a-kasser registering the same person at once', () => {
  it('stores exactly one membership; every other fund is told MEMBERSHIP_OVERLAP and writes nothing', async () => {
    const cpr = newCpr();
    await ok(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Jens Larsen', municipalityCode: '101' } });
    const funds = ['21', '99', '40', '30', '12', '7', '55', '81'];
    const before = await counts(t);
    const responses = await Promise.all(funds.map((f) => register({ cpr, akasse: f, start: TODAY }, fund(f))));
    const codes = responses.flatMap((r) => errorCodes(r));
    expect(codes).toEqual(Array.from({ length: funds.length - 1 }, () => 'MEMBERSHIP_OVERLAP'));
    const after = await counts(t);
    expect(after.memberships - before.memberships).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
    const winner = funds[responses.findIndex((r) => !r.errors)];
    const seen = await ok<{ person: { akasseMemberships: { akasse: string }[] } }>(t, 'query($cpr: String!) { person(cpr: $cpr) { akasseMemberships { akasse } } }', { cpr }, JOBCENTRE);
    expect(seen.person.akasseMemberships).toEqual([{ akasse: winner }]);
  });
});
