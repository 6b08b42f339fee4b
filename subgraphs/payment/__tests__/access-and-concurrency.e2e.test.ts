// Who may read and write a person's a-kasse register and EEA periods (docs/subgraphs/payment.md,
// access matrix), and one membership / one EEA period at a time when many requests for one
// person arrive at the same moment (the person lock in writes.ts).
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import {
  AKASSE,
  ANALYST,
  DELETE,
  END_MEMBERSHIP,
  fails,
  FORMER_AKASSE,
  INTERRUPT,
  JOBCENTRE,
  newCpr,
  ok,
  OTHER_AKASSE,
  OTHER_JOBCENTRE,
  person,
  READ_ALL,
  REGISTER_MEMBERSHIP,
  reported,
  REPORT,
  stored,
  SYSTEM,
  UPDATE,
} from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

/** A fresh person of jobcentre 101: a-kasse 30 in 2015-2019, 21 from 2020, unless `memberships` says otherwise. */
async function createPerson(memberships?: Parameters<typeof person>[2]) {
  const cpr = newCpr();
  return { cpr, id: await person(t, cpr, memberships) };
}

describe('reading', () => {
  it("is for the person's own jobcentre, current a-kasse and STAR; others, analysts and a fund the person left years ago included, get FORBIDDEN and no data", async () => {
    const { cpr } = await createPerson();
    const { paymentId } = await reported(t, cpr);
    for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) {
      const { person } = await ok<{ person: { akasseMemberships: unknown[]; eeaBenefitPeriods: unknown[]; eeaCoverage: unknown[] } }>(t, READ_ALL, { cpr }, caller);
      expect([person.akasseMemberships.length, person.eeaBenefitPeriods.length, person.eeaCoverage.length]).toEqual([2, 1, 14]);
      expect(await ok(t, 'query($id: ID!) { eeaBenefitPeriod(paymentId: $id) { paymentId } }', { id: paymentId }, caller)).toEqual({ eeaBenefitPeriod: { paymentId } });
    }
    const fields = ['akasseMemberships { id }', 'eeaBenefitPeriods { paymentId }', 'eeaCoverage { week }'];
    for (const caller of [OTHER_JOBCENTRE, OTHER_AKASSE, FORMER_AKASSE]) {
      for (const field of fields) {
        const response = await t.gql<{ person: Record<string, unknown> | null }>(`query($cpr: String!) { person(cpr: $cpr) { ${field} } }`, { cpr }, caller);
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(Object.values(response.data?.person ?? {}).filter((v) => v !== null)).toEqual([]);
      }
      const one = await t.gql<{ eeaBenefitPeriod: unknown }>('query($id: ID!) { eeaBenefitPeriod(paymentId: $id) { paymentId } }', { id: paymentId }, caller);
      expect(one.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(one.data?.eeaBenefitPeriod ?? null).toBeNull();
    }
    // Analysts read aggregates, no person's register (docs/access.md "Analysts").
    expect(await fails(t, READ_ALL, { cpr }, ANALYST)).toEqual(['FORBIDDEN']);
    expect(await fails(t, 'query($id: ID!) { eeaBenefitPeriod(paymentId: $id) { paymentId } }', { id: paymentId }, ANALYST)).toEqual(['FORBIDDEN']);
  });

  it('follows the person to a new jobcentre', async () => {
    const { cpr } = await createPerson();
    await ok(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Test Person', municipalityCode: '147' } });
    expect(new Set(await fails(t, READ_ALL, { cpr }, JOBCENTRE))).toEqual(new Set(['FORBIDDEN']));
    await ok(t, READ_ALL, { cpr }, OTHER_JOBCENTRE);
  });

  it('answers an unknown PaymentIdentifier with null; the code lists are open to every role', async () => {
    // Analysts are refused the look-up itself, so an unknown id and a real one read alike.
    expect(await fails(t, '{ eeaBenefitPeriod(paymentId: "none") { paymentId } }', {}, ANALYST)).toEqual(['FORBIDDEN']);
    const lists = await ok<{ eeaCountries: unknown[]; interruptionCauses: unknown[] }>(t, '{ eeaCountries { code } interruptionCauses { id } }', {}, ANALYST);
    expect([lists.eeaCountries.length, lists.interruptionCauses.length]).toEqual([30, 6]);
    for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) {
      const data = await ok<{ eeaCountries: unknown[]; interruptionCauses: unknown[]; eeaBenefitPeriod: unknown }>(
        t,
        '{ eeaCountries { code name } interruptionCauses { id name } eeaBenefitPeriod(paymentId: "none") { paymentId } }',
        {},
        caller,
      );
      expect([data.eeaCountries.length, data.interruptionCauses.length, data.eeaBenefitPeriod]).toEqual([30, 6, null]);
    }
  });
});

describe('writing', () => {
  it('is never for jobcentres or analysts, and reporting is never for STAR', async () => {
    const { cpr, id } = await createPerson();
    const { paymentId } = await reported(t, cpr);
    const before = await stored(t, id);
    const attempts: [string, Record<string, unknown>][] = [
      [REGISTER_MEMBERSHIP, { i: { cpr, akasse: '21', start: '2030-01-01' } }],
      [END_MEMBERSHIP, { i: { cpr, akasse: '21', end: '2026-12-31' } }],
      [REPORT, { i: { cpr, country: 'SE', start: '2027-02-01', end: '2027-03-31' } }],
      [INTERRUPT, { i: { paymentId, interruptionDate: '2026-11-02', causeId: 1 } }],
      [UPDATE, { i: { paymentId, end: '2027-01-31' } }],
      [DELETE, { id: paymentId }],
    ];
    for (const caller of [JOBCENTRE, OTHER_JOBCENTRE, ANALYST]) {
      for (const [mutation, variables] of attempts) expect(await fails(t, mutation, variables, caller)).toEqual(['FORBIDDEN']);
    }
    expect(await fails(t, REPORT, attempts[2][1], SYSTEM)).toEqual(['FORBIDDEN']);
    expect(await stored(t, id)).toEqual(before);
  });

  it("gives an a-kasse the person never joined FORBIDDEN for every change of the person's data", async () => {
    const { cpr, id } = await createPerson();
    const { paymentId } = await reported(t, cpr);
    const before = await stored(t, id);
    expect(await fails(t, REGISTER_MEMBERSHIP, { i: { cpr, akasse: '21', start: '2030-01-01' } }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, END_MEMBERSHIP, { i: { membershipId: before.memberships[1].id, end: '2026-12-31' } }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, REPORT, { i: { cpr, country: 'SE', start: '2027-02-01', end: '2027-03-31' } }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, INTERRUPT, { i: { paymentId, interruptionDate: '2026-11-02', causeId: 1 } }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, UPDATE, { i: { paymentId, end: '2027-01-31' } }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, DELETE, { id: paymentId }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    expect(await stored(t, id)).toEqual(before);
  });
});

describe('parallel requests for one person', () => {
  const PARALLEL = 16;

  it('store exactly one of many overlapping memberships', async () => {
    const { cpr, id } = await createPerson([]);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => t.gql(REGISTER_MEMBERSHIP, { i: { cpr, akasse: String(100 + i), start: `2026-01-${String(1 + i).padStart(2, '0')}` } }, SYSTEM)),
    );
    const codes = responses.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
    expect(codes).toEqual(Array.from({ length: PARALLEL - 1 }, () => 'MEMBERSHIP_OVERLAP'));
    const after = await stored(t, id);
    expect(after.memberships).toHaveLength(1);
    expect(after.outbox).toEqual(['AKASSE_MEMBERSHIP_STARTED']);
  });

  it('store exactly one of many overlapping EEA periods, each with a different PaymentIdentifier', async () => {
    const { cpr, id } = await createPerson();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => t.gql(REPORT, { i: { cpr, country: 'DE', start: `2026-10-${String(1 + i).padStart(2, '0')}`, end: '2026-12-31', paymentId: `PAR-${i}` } }, AKASSE)),
    );
    const codes = responses.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
    expect(codes).toEqual(Array.from({ length: PARALLEL - 1 }, () => 'EEA_PERIOD_OVERLAP'));
    const after = await stored(t, id);
    expect(after.periods).toHaveLength(1);
    expect(after.outbox.filter((k) => k === 'EEA_BENEFIT_PERIOD_REPORTED')).toHaveLength(1);
  });

  it('store one period when the same report is retried many times at once, and answer every retry with it', async () => {
    const { cpr, id } = await createPerson();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () => t.gql<{ reportEeaBenefitPeriod: { paymentId: string } }>(REPORT, { i: { cpr, country: 'DE', start: '2026-10-01', end: '2026-12-31', paymentId: 'RETRY-1' } }, AKASSE)),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(responses.map((r) => r.data?.reportEeaBenefitPeriod.paymentId))).toEqual(new Set(['RETRY-1']));
    expect((await stored(t, id)).outbox.filter((k) => k === 'EEA_BENEFIT_PERIOD_REPORTED')).toHaveLength(1);
  });
});
