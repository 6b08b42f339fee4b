// Jobcentre affiliation (004) and meetings (001 §1.2-1.4) through the gateway: the jobcentre follows
// the CPR address, cross-border commuters keep theirs, the residence municipality takes over on a
// temporary address; summonses (type 17 by an a-kasse tells the jobcentre on create, update and
// cancel; a move cancels and tells the jobcentre moved FROM); one active self-booking deadline
// under real concurrency.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, createPerson, eventsOf, fails, JOBCENTRE, ok, OTHER_AKASSE, OTHER_JOBCENTRE, read, SYSTEM, UPSERT } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const SUMMON = 'mutation($i: SummonToMeetingInput!) { summonToMeeting(input: $i) { id meetingType { id name } at status summonerRole summonerAuthority } }';
const UPDATE = 'mutation($i: UpdateMeetingSummonsInput!) { updateMeetingSummons(input: $i) { id at } }';
const CANCEL = 'mutation($id: ID!) { cancelMeetingSummons(id: $id) { id status cancellationCause } }';
const TAKE_OVER = 'mutation($c: String!) { takeOverJobcentre(cpr: $c) { municipalityCode } }';
const TEMPORARY = 'mutation($i: TemporaryAddressInput!) { setTemporaryAddress(input: $i) { temporaryAddress { municipalityCode end } } }';
const DEADLINE = 'mutation($i: SelfBookingDeadlineInput!) { setSelfBookingDeadline(input: $i) { id deadline active } }';
const CLOSE_DEADLINE = 'mutation($id: ID!) { closeSelfBookingDeadline(id: $id) { id active } }';

describe('jobcentre affiliation (004)', () => {
  it('follows the CPR address municipality, and tells the jobcentre left', async () => {
    const { cpr, id } = await createPerson(t);
    const { upsertPerson } = await ok<{ upsertPerson: { municipalityCode: string } }>(t, UPSERT, { i: { cpr, name: 'Test Person', municipalityCode: '147' } }, SYSTEM);
    expect(upsertPerson.municipalityCode).toBe('147');
    const [, moved] = await eventsOf(t, 'PERSON_UPSERTED', id);
    expect(moved.payload).toMatchObject({ municipalityCode: '147', previousMunicipalityCode: '101' });
    expect(moved.authorities.jobcentres).toEqual(['101', '147']);
  });

  it('keeps the jobcentre of a person who moves abroad (cross-border commuter), with a protected address', async () => {
    const { cpr } = await createPerson(t);
    await ok(t, UPSERT, { i: { cpr, name: 'Test Person', municipalityCode: '147', livesAbroad: true } }, SYSTEM);
    expect(await read(t, cpr, 'municipalityCode address { municipalityCode livesAbroad protected }')).toEqual({
      municipalityCode: '101',
      address: { municipalityCode: '147', livesAbroad: true, protected: true },
    });
  });

  it('lets the residence municipality take over while a temporary address is in force there', async () => {
    const { cpr } = await createPerson(t);
    expect(await fails(t, TAKE_OVER, { c: cpr }, OTHER_JOBCENTRE)).toEqual(['JOBCENTRE_TAKEOVER_NOT_ALLOWED']);
    expect(await fails(t, TEMPORARY, { i: { cpr, municipalityCode: '147', end: '2026-11-22' } }, JOBCENTRE)).toEqual(['INVALID_DATE_RANGE']);
    expect(await fails(t, TEMPORARY, { i: { cpr, municipalityCode: '147', end: '2027-03-31' } }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
    const { setTemporaryAddress } = await ok<{ setTemporaryAddress: unknown }>(t, TEMPORARY, { i: { cpr, municipalityCode: '147', end: '2027-03-31' } }, JOBCENTRE);
    expect(setTemporaryAddress).toEqual({ temporaryAddress: { municipalityCode: '147', end: '2027-03-31' } });
    expect(await fails(t, TAKE_OVER, { c: cpr }, { role: 'caseworker', authority: '153' })).toEqual(['JOBCENTRE_TAKEOVER_NOT_ALLOWED']);
    expect(await fails(t, TAKE_OVER, { c: cpr }, AKASSE)).toEqual(['FORBIDDEN']);
    expect(await ok(t, TAKE_OVER, { c: cpr }, OTHER_JOBCENTRE)).toEqual({ takeOverJobcentre: { municipalityCode: '147' } });
    expect(await fails(t, TAKE_OVER, { c: cpr }, OTHER_JOBCENTRE)).toEqual(['JOBCENTRE_TAKEOVER_NOT_ALLOWED']);
  });

  it('lets any jobcentre a person abroad turns to take them over', async () => {
    const { cpr } = await createPerson(t, { livesAbroad: true });
    await ok(t, TAKE_OVER, { c: cpr }, OTHER_JOBCENTRE);
    expect(await read(t, cpr, 'municipalityCode', OTHER_JOBCENTRE)).toEqual({ municipalityCode: '147' });
  });
});

describe('meeting summonses', () => {
  it("tells the jobcentre when the a-kasse creates, updates AND cancels a type-17 meeting (001 §1.2)", async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const { summonToMeeting } = await ok<{ summonToMeeting: { id: string; meetingType: unknown } }>(t, SUMMON, { i: { cpr, meetingTypeId: 17, at: '2026-12-01T10:00:00+01:00' } }, AKASSE);
    expect(summonToMeeting.meetingType).toEqual({ id: 17, name: 'Fælles jobsamtale med dagpengemodtager' });
    await ok(t, UPDATE, { i: { id: summonToMeeting.id, at: '2026-12-02T10:00:00+01:00' } }, AKASSE);
    expect(await ok(t, CANCEL, { id: summonToMeeting.id }, AKASSE)).toEqual({ cancelMeetingSummons: { id: summonToMeeting.id, status: 'CANCELLED', cancellationCause: 'CANCELLED_BY_SUMMONER' } });
    for (const kind of ['MEETING_SUMMONS_CREATED', 'MEETING_SUMMONS_UPDATED', 'MEETING_SUMMONS_CANCELLED']) {
      const [event] = await eventsOf(t, kind, id);
      expect(event.authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
    }
    expect(await fails(t, CANCEL, { id: summonToMeeting.id }, AKASSE)).toEqual(['MEETING_SUMMONS_CANCELLED']);
  });

  it("keeps an a-kasse's other meetings to itself", async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    await ok(t, SUMMON, { i: { cpr, meetingTypeId: 5, at: '2026-12-01T10:00:00+01:00' } }, AKASSE);
    const [event] = await eventsOf(t, 'MEETING_SUMMONS_CREATED', id);
    expect(event.authorities).toEqual({ jobcentres: [], akasser: ['21'] });
  });

  it('is changed only by its summoner, in the future, and never by analysts', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    expect(await fails(t, SUMMON, { i: { cpr, meetingTypeId: 17, at: '2026-11-23T08:00:00Z' } }, JOBCENTRE)).toEqual(['MEETING_IN_PAST']);
    expect(await fails(t, SUMMON, { i: { cpr, meetingTypeId: 0, at: '2026-12-01T08:00:00Z' } }, JOBCENTRE)).toEqual(['UNKNOWN_MEETING_TYPE']);
    expect(await fails(t, SUMMON, { i: { cpr, meetingTypeId: 17, at: '2026-12-01T08:00:00Z' } }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, SUMMON, { i: { cpr, meetingTypeId: 17, at: '2026-12-01T08:00:00Z' } }, ANALYST)).toEqual(['FORBIDDEN']);
    const { summonToMeeting } = await ok<{ summonToMeeting: { id: string } }>(t, SUMMON, { i: { cpr, meetingTypeId: 3, at: '2026-12-01T08:00:00Z' } }, JOBCENTRE);
    expect(await fails(t, CANCEL, { id: summonToMeeting.id }, AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, UPDATE, { i: { id: summonToMeeting.id, at: '2026-11-20T08:00:00Z' } }, JOBCENTRE)).toEqual(['MEETING_IN_PAST']);
    expect(await fails(t, CANCEL, { id: '00000000-0000-4000-8000-000000000000' }, JOBCENTRE)).toEqual(['NOT_FOUND']);
  });

  it('is cancelled when the person moves municipality, and the jobcentre moved FROM is told (001 §1.3)', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const own = await ok<{ summonToMeeting: { id: string } }>(t, SUMMON, { i: { cpr, meetingTypeId: 3, at: '2026-12-01T08:00:00Z' } }, JOBCENTRE);
    const joint = await ok<{ summonToMeeting: { id: string } }>(t, SUMMON, { i: { cpr, meetingTypeId: 17, at: '2026-12-03T08:00:00Z' } }, AKASSE);
    const akasseOwn = await ok<{ summonToMeeting: { id: string } }>(t, SUMMON, { i: { cpr, meetingTypeId: 5, at: '2026-12-04T08:00:00Z' } }, AKASSE);
    await ok(t, UPSERT, { i: { cpr, name: 'Test Person', municipalityCode: '147' } }, SYSTEM);

    const summonses = await read<{ meetingSummonses: { id: string; status: string; cancellationCause: string | null }[] }>(t, cpr, 'meetingSummonses(includeCancelled: true) { id status cancellationCause }', OTHER_JOBCENTRE);
    expect(summonses.meetingSummonses).toEqual([
      { id: own.summonToMeeting.id, status: 'CANCELLED', cancellationCause: 'MOVED_MUNICIPALITY' },
      { id: joint.summonToMeeting.id, status: 'CANCELLED', cancellationCause: 'MOVED_MUNICIPALITY' },
      { id: akasseOwn.summonToMeeting.id, status: 'ACTIVE', cancellationCause: null },
    ]);
    const cancellations = await eventsOf(t, 'MEETING_SUMMONS_CANCELLED', id);
    expect(cancellations.map((e) => e.authorities)).toEqual([
      { jobcentres: ['101'], akasser: [] },
      { jobcentres: ['101'], akasser: ['21'] },
    ]);
  });
});

describe('self-booking deadlines (001 §1.4)', () => {
  it('allows one active deadline; a second is refused until the first is closed', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 1 });
    expect(await fails(t, DEADLINE, { i: { cpr, deadline: '2026-11-22' } }, JOBCENTRE)).toEqual(['SELF_BOOKING_DEADLINE_IN_PAST']);
    const { setSelfBookingDeadline } = await ok<{ setSelfBookingDeadline: { id: string } }>(t, DEADLINE, { i: { cpr, deadline: '2026-12-07' } }, JOBCENTRE);
    expect(await fails(t, DEADLINE, { i: { cpr, deadline: '2026-12-08' } }, JOBCENTRE)).toEqual(['SELF_BOOKING_DEADLINE_ALREADY_ACTIVE']);
    expect(await ok(t, CLOSE_DEADLINE, { id: setSelfBookingDeadline.id }, JOBCENTRE)).toEqual({ closeSelfBookingDeadline: { id: setSelfBookingDeadline.id, active: false } });
    expect(await fails(t, CLOSE_DEADLINE, { id: setSelfBookingDeadline.id }, JOBCENTRE)).toEqual(['SELF_BOOKING_DEADLINE_CLOSED']);
    await ok(t, DEADLINE, { i: { cpr, deadline: '2026-12-08' } }, JOBCENTRE);
    expect(await read(t, cpr, 'selfBookingDeadline { deadline active }')).toEqual({ selfBookingDeadline: { deadline: '2026-12-08', active: true } });
  });

  it('stores exactly one of many deadlines submitted in parallel; the others get the clear error', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const callers = [JOBCENTRE, AKASSE, SYSTEM];
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.gql(DEADLINE, { i: { cpr, deadline: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}` } }, callers[i % callers.length])),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(responses.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code)))).toEqual(new Set(['SELF_BOOKING_DEADLINE_ALREADY_ACTIVE']));
    expect(await eventsOf(t, 'SELF_BOOKING_DEADLINE_SET', id)).toHaveLength(1);
  });

  it('is set by the person\'s jobcentre, member a-kasse or system only', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    for (const caller of [OTHER_JOBCENTRE, OTHER_AKASSE, ANALYST]) {
      expect(await fails(t, DEADLINE, { i: { cpr, deadline: '2026-12-07' } }, caller)).toEqual(['FORBIDDEN']);
    }
  });
});
