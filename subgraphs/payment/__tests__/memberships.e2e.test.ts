// The a-kasse register through the gateway: who may register and end memberships, no overlaps,
// the STARTED / ENDED events other subgraphs consume, and who may read the register.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import {
  AKASSE,
  ANALYST,
  END_MEMBERSHIP,
  FORMER_AKASSE,
  JOBCENTRE,
  MOVED_TO_40,
  OTHER_AKASSE,
  OTHER_JOBCENTRE,
  PERSON_PAYMENTS,
  REGISTER_MEMBERSHIP,
  SYSTEM,
  type Caller,
  codes,
  counts,
  eventsOf,
  expectRefused,
  newCpr,
  ok,
  person,
} from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

type Membership = { id: string; akasse: string; start: string; end: string | null };
const register = (input: Record<string, unknown>, as: Caller = SYSTEM) => t.gql<{ registerAkasseMembership: Membership }>(REGISTER_MEMBERSHIP, { i: input }, as);

describe('registering a membership', () => {
  it('is done by the register feed and by the a-kasse for its own members, with a STARTED event', async () => {
    const cpr = newCpr();
    const personId = await person(t, cpr, []);
    const byFeed = await ok<{ registerAkasseMembership: Membership }>(t, REGISTER_MEMBERSHIP, { i: { cpr, akasse: '30', start: '2015-01-01', end: '2019-12-31' } }, SYSTEM);
    const byAkasse = await ok<{ registerAkasseMembership: Membership }>(t, REGISTER_MEMBERSHIP, { i: { cpr, akasse: '21', start: '2026-11-01' } }, AKASSE);
    expect(byAkasse.registerAkasseMembership).toMatchObject({ akasse: '21', start: '2026-11-01', end: null });

    const started = await eventsOf(t, byAkasse.registerAkasseMembership.id);
    expect(started).toEqual([
      {
        kind: 'AKASSE_MEMBERSHIP_STARTED',
        payload: { personId, membershipId: byAkasse.registerAkasseMembership.id, akasse: '21', start: '2026-11-01', end: null },
        authorities: { jobcentres: ['101'], akasser: ['21', '30'] },
      },
    ]);
    // Registered with its end: it started and ended, and both are announced.
    expect((await eventsOf(t, byFeed.registerAkasseMembership.id)).map((e) => [e.kind, e.payload.end])).toEqual([
      ['AKASSE_MEMBERSHIP_STARTED', '2019-12-31'],
      ['AKASSE_MEMBERSHIP_ENDED', '2019-12-31'],
    ]);
  });

  it('is refused to another a-kasse, jobcentres and analysts, writing nothing', async () => {
    const cpr = newCpr();
    await person(t, cpr, []);
    for (const caller of [OTHER_AKASSE, JOBCENTRE, ANALYST]) {
      await expectRefused(t, 'FORBIDDEN', () => register({ cpr, akasse: '21', start: '2020-01-01' }, caller));
    }
  });

  it('is dated by an a-kasse at most 13 weeks back or ahead and never before another fund\'s; the register feed dates history', async () => {
    const cpr = newCpr();
    await person(t, cpr, [{ akasse: '30', start: '2026-10-01', end: '2026-10-31' }]);
    // 2026-11-23 less 13 weeks is 2026-08-24; plus 13 weeks, 2027-02-22.
    await expectRefused(t, 'MEMBERSHIP_BACKDATED_TOO_FAR', () => register({ cpr, akasse: '21', start: '2026-08-23', end: '2026-08-31' }, AKASSE));
    await expectRefused(t, 'MEMBERSHIP_DATED_TOO_FAR_AHEAD', () => register({ cpr, akasse: '21', start: '2027-02-23' }, AKASSE));
    await expectRefused(t, 'MEMBERSHIP_PRECEDES_ANOTHER_FUND', () => register({ cpr, akasse: '21', start: '2026-08-24', end: '2026-09-30' }, AKASSE));
    expect(codes(await register({ cpr, akasse: '21', start: '2026-08-24', end: '2026-09-30' }, SYSTEM))).toEqual([]);
    expect(codes(await register({ cpr, akasse: '40', start: '2026-11-01' }, { role: 'akasse', authority: '40' }))).toEqual([]);
  });

  it('never overlaps another membership', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    await expectRefused(t, 'MEMBERSHIP_OVERLAP', () => register({ cpr, akasse: '40', start: '2026-01-01' }));
    await expectRefused(t, 'MEMBERSHIP_OVERLAP', () => register({ cpr, akasse: '40', start: '2019-06-01', end: '2019-06-30' }));
  });

  it('answers the same membership sent again (the register feed re-delivering) with the stored one, writing nothing', async () => {
    const cpr = newCpr();
    await person(t, cpr, []);
    const first = (await register({ cpr, akasse: '21', start: '2020-01-01' })).data!.registerAkasseMembership;
    const before = await counts(t);
    expect((await register({ cpr, akasse: '21', start: '2020-01-01' })).data!.registerAkasseMembership).toEqual(first);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses bad input with typed errors, writing nothing', async () => {
    const cpr = newCpr();
    await person(t, cpr, []);
    await expectRefused(t, 'INVALID_AKASSE_NUMBER', () => register({ cpr, akasse: 'AK21', start: '2020-01-01' }));
    await expectRefused(t, 'INVALID_DATE_RANGE', () => register({ cpr, akasse: '21', start: '2020-01-01', end: '2019-12-31' }));
    await expectRefused(t, 'INVALID_CPR', () => register({ cpr: '123', akasse: '21', start: '2020-01-01' }));
    await expectRefused(t, 'PERSON_NOT_FOUND', () => register({ cpr: '3112991234', akasse: '21', start: '2020-01-01' }));
    await expectRefused(t, 'INVALID_DATE', () => register({ cpr, akasse: '21', start: '2020-02-30' }));
  });
});

describe('ending a membership', () => {
  async function openMembership(cpr: string): Promise<Membership> {
    await person(t, cpr, []);
    return (await ok<{ registerAkasseMembership: Membership }>(t, REGISTER_MEMBERSHIP, { i: { cpr, akasse: '21', start: '2020-01-01' } })).registerAkasseMembership;
  }

  it('gives an open membership its end and announces AKASSE_MEMBERSHIP_ENDED', async () => {
    const membership = await openMembership(newCpr());
    const { endAkasseMembership } = await ok<{ endAkasseMembership: Membership }>(t, END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2026-11-30' } }, AKASSE);
    expect(endAkasseMembership).toEqual({ ...membership, end: '2026-11-30' });
    const events = await eventsOf(t, membership.id);
    expect(events.map((e) => e.kind)).toEqual(['AKASSE_MEMBERSHIP_STARTED', 'AKASSE_MEMBERSHIP_ENDED']);
    expect(events[1].payload).toMatchObject({ membershipId: membership.id, akasse: '21', start: '2020-01-01', end: '2026-11-30' });
    expect(events[1].authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
  });

  it('is done by the register feed or the membership\'s own a-kasse only', async () => {
    const membership = await openMembership(newCpr());
    for (const caller of [OTHER_AKASSE, FORMER_AKASSE, JOBCENTRE, ANALYST]) {
      await expectRefused(t, 'FORBIDDEN', () => t.gql(END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2026-11-30' } }, caller));
    }
    expect(codes(await t.gql(END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2026-11-30' } }, SYSTEM))).toEqual([]);
  });

  it('is ended by an a-kasse at most 13 weeks back, by the register feed at any date', async () => {
    const membership = await openMembership(newCpr());
    await expectRefused(t, 'MEMBERSHIP_BACKDATED_TOO_FAR', () => t.gql(END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2026-08-23' } }, AKASSE));
    expect(codes(await t.gql(END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2021-06-30' } }, SYSTEM))).toEqual([]);
  });

  it('ends a membership once, not before it starts, and only one that exists', async () => {
    const membership = await openMembership(newCpr());
    await expectRefused(t, 'INVALID_DATE_RANGE', () => t.gql(END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2019-12-31' } }));
    await ok(t, END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2026-11-30' } });
    await expectRefused(t, 'MEMBERSHIP_ALREADY_ENDED', () => t.gql(END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2026-12-31' } }));
    await expectRefused(t, 'MEMBERSHIP_NOT_FOUND', () => t.gql(END_MEMBERSHIP, { i: { membershipId: 'no-such-membership', end: '2026-12-31' } }));
  });

  it('names the membership by cpr and a-kasse instead of its id (the latest of that a-kasse), never both or neither', async () => {
    const cpr = newCpr();
    const membership = await openMembership(cpr);
    await expectRefused(t, 'BAD_USER_INPUT', () => t.gql(END_MEMBERSHIP, { i: { end: '2026-11-30' } }));
    await expectRefused(t, 'BAD_USER_INPUT', () => t.gql(END_MEMBERSHIP, { i: { cpr, end: '2026-11-30' } }));
    await expectRefused(t, 'BAD_USER_INPUT', () => t.gql(END_MEMBERSHIP, { i: { membershipId: membership.id, cpr, akasse: '21', end: '2026-11-30' } }));
    await expectRefused(t, 'MEMBERSHIP_NOT_FOUND', () => t.gql(END_MEMBERSHIP, { i: { cpr, akasse: '40', end: '2026-11-30' } }));
    await expectRefused(t, 'FORBIDDEN', () => t.gql(END_MEMBERSHIP, { i: { cpr, akasse: '21', end: '2026-11-30' } }, OTHER_AKASSE));
    const { endAkasseMembership } = await ok<{ endAkasseMembership: Membership }>(t, END_MEMBERSHIP, { i: { cpr, akasse: '21', end: '2026-11-30' } }, AKASSE);
    expect(endAkasseMembership).toEqual({ ...membership, end: '2026-11-30' });
    expect((await eventsOf(t, membership.id)).map((e) => e.kind)).toEqual(['AKASSE_MEMBERSHIP_STARTED', 'AKASSE_MEMBERSHIP_ENDED']);
  });

  it('frees the register for the next a-kasse from the day after', async () => {
    const cpr = newCpr();
    const membership = await openMembership(cpr);
    await ok(t, END_MEMBERSHIP, { i: { membershipId: membership.id, end: '2026-11-30' } });
    expect(codes(await register({ cpr, akasse: '40', start: '2026-11-30' }))).toEqual(['MEMBERSHIP_OVERLAP']);
    expect(codes(await register({ cpr, akasse: '40', start: '2026-12-01' }))).toEqual([]);
  });
});

describe('reading the register (Person.akasseMemberships)', () => {
  it('shows the person\'s jobcentre, current a-kasse and STAR the memberships, newest first', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) {
      const data = await ok<{ person: { akasseMemberships: Membership[] } }>(t, PERSON_PAYMENTS, { cpr }, caller);
      expect(data.person.akasseMemberships.map((m) => [m.akasse, m.start, m.end])).toEqual([
        ['21', '2020-01-01', null],
        ['30', '2015-01-01', '2019-12-31'],
      ]);
    }
  });

  it('shows a former a-kasse, for 13 weeks after the person left, its own memberships only', async () => {
    const cpr = newCpr();
    await person(t, cpr, MOVED_TO_40);
    const data = await ok<{ person: { akasseMemberships: Membership[] } }>(t, PERSON_PAYMENTS, { cpr }, AKASSE);
    expect(data.person.akasseMemberships.map((m) => [m.akasse, m.start, m.end])).toEqual([['21', '2020-01-01', '2026-10-31']]);
  });

  it('refuses another jobcentre, an a-kasse the person never belonged to, one the person left years ago, and analysts', async () => {
    const cpr = newCpr();
    await person(t, cpr);
    for (const caller of [OTHER_JOBCENTRE, OTHER_AKASSE, FORMER_AKASSE, ANALYST]) {
      const response = await t.gql<{ person: unknown }>('query($cpr: String!) { person(cpr: $cpr) { akasseMemberships { akasse } } }', { cpr }, caller);
      expect(codes(response)).toContain('FORBIDDEN');
    }
  });

  it('tells the other subgraphs\' person directories about the new a-kasse', async () => {
    const cpr = newCpr();
    const personId = await person(t, cpr);
    const absenceDb = t.system.subgraphs.find((s) => s.name === 'absence')!.orm.em.getConnection();
    const [row] = await absenceDb.execute<{ akasser: string | string[] }[]>('select akasser from known_person where id = ?', [personId]);
    const akasser = typeof row.akasser === 'string' ? JSON.parse(row.akasser) : row.akasser;
    expect([...akasser].sort()).toEqual(['21', '30']);
    // With their dates, which decide who reads the person there today; an end arrives too.
    await ok(t, END_MEMBERSHIP, { i: { cpr, akasse: '21', end: '2026-11-30' } });
    const [dated] = await absenceDb.execute<{ memberships: string | object[] }[]>('select memberships from known_person where id = ?', [personId]);
    const memberships = (typeof dated.memberships === 'string' ? JSON.parse(dated.memberships) : dated.memberships) as { akasse: string; start: string; end: string | null }[];
    expect(memberships.map((m) => [m.akasse, m.start, m.end]).sort()).toEqual([
      ['21', '2020-01-01', '2026-11-30'],
      ['30', '2015-01-01', '2019-12-31'],
    ]);
  });
});
