// Issue 18 on the person side, through the gateway, with the clock at 2026-11-30 and then moved
// across each change's day: a contact-group change dated 2026-12-20 is scheduled (today reads group
// 2 and its CV requirement, the change shows as scheduled) and takes effect on its day, once, with
// its events dated that day; a change dated before a pending one withdraws it; a change dated too far
// ahead is refused with nothing written; two parallel future changes leave one; the dimittend switch
// waits for the entitlement date (004); a recovery with cause 37 leaves sick group 6 (001 §2.3, §2.8);
// `person(cpr:, asOf:)` answers the past and the future; the history keeps recorded and valid time.
import { ScheduledEffect } from '../core/effectuation';
import { createPerson, eventsOf, read, REGISTER } from '../subgraphs/person/__tests__/support';
import { AKASSE, JOBCENTRE, SYSTEM, fails, ok } from './support/callers';
import { startTestSystem, type TestSystem } from './support/system';

const TODAY = '2026-11-30';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: TODAY });
});
afterAll(() => t.stop());

const CHANGE = 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id contactGroup { id } start end } }';
const REPORT = 'mutation($i: DimittendEntitlementInput!) { reportDimittendEntitlement(input: $i) { category dimittend dagpengeEntitlementDate contactGroup { id } } }';
const JOBS = 'mutation { runScheduledJobs { asOf effectuatedChanges } }';
const NOW = 'contactGroup { contactGroup { id } start end } scheduledContactGroupChanges { contactGroup { id } start end } cvRequirement';

interface Now {
  contactGroup: { contactGroup: { id: number }; start: string; end: string | null } | null;
  scheduledContactGroupChanges: { contactGroup: { id: number }; start: string; end: string | null }[];
  cvRequirement: string;
}

const person = () => t.system.subgraphs.find((s) => s.name === 'person')!;
const effectuate = () => person().effectuate();
const moveTo = (day: string) => t.clock.set(`${day}T09:00:00Z`);

async function asOf<T = Record<string, unknown>>(cpr: string, day: string, fields: string): Promise<T> {
  const data = await ok<{ person: T }>(t, `query($cpr: String!, $day: Date) { person(cpr: $cpr, asOf: $day) { ${fields} } }`, { cpr, day }, JOBCENTRE);
  return data.person;
}

async function effectsOf(personId: string): Promise<ScheduledEffect[]> {
  return person().orm.em.fork().find(ScheduledEffect, { personId }, { orderBy: { effectiveOn: 'asc' } });
}

// The persons of the story, created on 2026-11-30.
let a: { cpr: string; id: string };
let withdrawn: { cpr: string; id: string };
let dimittend: { cpr: string; id: string };
let reregistered: { cpr: string; id: string };

describe('recorded on 2026-11-30', () => {
  it('stores a change from group 2 to 10 dated 2026-12-20 as scheduled: today reads group 2 and its CV requirement', async () => {
    a = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    expect((await read<Now>(t, a.cpr, NOW)).cvRequirement).toBe('SEARCHABLE');
    const { changeContactGroup } = await ok<{ changeContactGroup: unknown }>(t, CHANGE, { i: { cpr: a.cpr, contactGroupId: 10, start: '2026-12-20' } }, JOBCENTRE);
    expect(changeContactGroup).toMatchObject({ contactGroup: { id: 10 }, start: '2026-12-20', end: null });
    expect(await read<Now>(t, a.cpr, NOW)).toEqual({
      contactGroup: { contactGroup: { id: 2 }, start: '2026-01-05', end: '2026-12-19' },
      scheduledContactGroupChanges: [{ contactGroup: { id: 10 }, start: '2026-12-20', end: null }],
      cvRequirement: 'SEARCHABLE',
    });
    // Told now as scheduled, dated its day; not announced as a change in force, and no CV change.
    const scheduled = await eventsOf(t, 'CONTACT_GROUP_CHANGE_SCHEDULED', a.id);
    expect(scheduled.map((e) => [e.payload.contactGroupId, e.effectiveDate])).toEqual([[10, '2026-12-20']]);
    expect((await eventsOf(t, 'CONTACT_GROUP_CHANGED', a.id)).map((e) => e.payload.contactGroupId)).toEqual([2]);
    expect((await eventsOf(t, 'CV_REQUIREMENT_CHANGED', a.id)).map((e) => e.payload.cvRequirement)).toEqual(['SEARCHABLE']);
    expect((await effectsOf(a.id)).map((e) => [e.kind, e.effectiveOn, e.effectedAt])).toEqual([['CONTACT_GROUP_CHANGE', '2026-12-20', null]]);
  });

  it('keeps recorded and valid time in the history', async () => {
    const { history } = await read<{ history: { action: string; recordedAt: string; effectiveDate: string }[] }>(t, a.cpr, 'history { action recordedAt effectiveDate }', JOBCENTRE);
    expect(history.find((h) => h.action === 'CONTACT_GROUP_CHANGE_SCHEDULED')).toEqual({ action: 'CONTACT_GROUP_CHANGE_SCHEDULED', recordedAt: '2026-11-30T09:00:00.000Z', effectiveDate: '2026-12-20' });
    // The back-dated opening of group 2 (recorded today, in force from 2026-01-05).
    expect(history.find((h) => h.action === 'CONTACT_GROUP_CHANGED')).toMatchObject({ effectiveDate: '2026-01-05' });
    expect((await eventsOf(t, 'CONTACT_GROUP_CHANGED', a.id))[0].effectiveDate).toBe('2026-01-05');
  });

  it('answers the person as of a past and a future day', async () => {
    expect(await asOf<Now>(a.cpr, '2026-12-20', NOW)).toEqual({
      contactGroup: { contactGroup: { id: 10 }, start: '2026-12-20', end: null },
      scheduledContactGroupChanges: [],
      cvRequirement: 'NONE',
    });
    expect(await asOf<Now>(a.cpr, '2026-12-19', NOW)).toMatchObject({ contactGroup: { contactGroup: { id: 2 } }, cvRequirement: 'SEARCHABLE' });
    expect(await asOf<Now>(a.cpr, '2025-12-31', NOW)).toEqual({
      contactGroup: null,
      scheduledContactGroupChanges: [
        { contactGroup: { id: 2 }, start: '2026-01-05', end: '2026-12-19' },
        { contactGroup: { id: 10 }, start: '2026-12-20', end: null },
      ],
      cvRequirement: 'NONE',
    });
  });

  it('counts the group in force on the day asked in personsByContactGroup', async () => {
    const count = async (on: string, id: number) => {
      const { personsByContactGroup } = await ok<{ personsByContactGroup: { contactGroup: { id: number }; count: number | null; suppressed: boolean }[] }>(
        t,
        'query($on: Date!) { personsByContactGroup(on: $on, municipalityCode: "101") { contactGroup { id } count suppressed } }',
        { on },
        SYSTEM,
      );
      return personsByContactGroup.find((row) => row.contactGroup.id === id) ?? null;
    };
    expect(await count(TODAY, 10)).toBeNull();
    expect(await count('2026-12-20', 10)).not.toBeNull();
  });

  it('withdraws a pending change when a change dated before it arrives, and says so', async () => {
    withdrawn = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    const { changeContactGroup: pending } = await ok<{ changeContactGroup: { id: string } }>(t, CHANGE, { i: { cpr: withdrawn.cpr, contactGroupId: 10, start: '2026-12-20' } }, JOBCENTRE);
    await ok(t, CHANGE, { i: { cpr: withdrawn.cpr, contactGroupId: 1, start: '2026-12-10' } }, JOBCENTRE);
    expect(await read<Now>(t, withdrawn.cpr, NOW)).toEqual({
      contactGroup: { contactGroup: { id: 2 }, start: '2026-01-05', end: '2026-12-09' },
      scheduledContactGroupChanges: [{ contactGroup: { id: 1 }, start: '2026-12-10', end: null }],
      cvRequirement: 'SEARCHABLE',
    });
    const cancelled = await eventsOf(t, 'CONTACT_GROUP_CHANGE_CANCELLED', withdrawn.id);
    expect(cancelled.map((e) => [e.payload.registrationId, e.payload.contactGroupId, e.effectiveDate])).toEqual([[pending.id, 10, '2026-12-20']]);
    const effects = await effectsOf(withdrawn.id);
    expect(effects.map((e) => [e.entityId === pending.id, e.effectiveOn, e.cancelledAt !== null])).toEqual([
      [false, '2026-12-10', false],
      [true, '2026-12-20', true],
    ]);
    // No silent rewrite: the withdrawn change stays in the history.
    const { history } = await read<{ history: { action: string; entityId: string }[] }>(t, withdrawn.cpr, 'history { action entityId }');
    expect(history.filter((h) => h.entityId === pending.id).map((h) => h.action)).toEqual(['CONTACT_GROUP_CHANGE_SCHEDULED', 'CONTACT_GROUP_CHANGE_CANCELLED']);
  });

  it('refuses a change dated more than 13 weeks ahead, and writes nothing', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    const before = await read(t, cpr, `${NOW} contactGroupHistory { id } history { action }`);
    const response = await t.gql(CHANGE, { i: { cpr, contactGroupId: 10, start: '2027-03-02' } }, JOBCENTRE);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'DATED_TOO_FAR_AHEAD', field: 'start', latest: '2027-03-01' });
    expect(await read(t, cpr, `${NOW} contactGroupHistory { id } history { action }`)).toEqual(before);
    expect(await eventsOf(t, 'CONTACT_GROUP_CHANGE_SCHEDULED', id)).toEqual([]);
    expect(await effectsOf(id)).toEqual([]);
    // The last day allowed is accepted.
    await ok(t, CHANGE, { i: { cpr, contactGroupId: 10, start: '2027-03-01' } }, JOBCENTRE);
  });

  it('leaves one scheduled change and one pending effect when two future changes arrive at once', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    const responses = await Promise.all([
      t.gql(CHANGE, { i: { cpr, contactGroupId: 10, start: '2026-12-15' } }, JOBCENTRE),
      t.gql(CHANGE, { i: { cpr, contactGroupId: 1, start: '2026-12-15' } }, JOBCENTRE),
    ]);
    for (const response of responses) if (response.errors) expect(response.errors[0].extensions?.code).toBe('CONFLICT');
    const now = await read<Now & { contactGroupHistory: { end: string | null }[] }>(t, cpr, `${NOW} contactGroupHistory { end }`);
    expect(now.contactGroupHistory.filter((r) => r.end === null)).toHaveLength(1);
    expect(now.scheduledContactGroupChanges).toHaveLength(1);
    expect(now.contactGroup).toMatchObject({ contactGroup: { id: 2 }, end: '2026-12-14' });
    const pending = (await effectsOf(id)).filter((e) => e.cancelledAt === null);
    expect(pending).toHaveLength(1);
    expect(pending[0].payload.contactGroupId).toBe(now.scheduledContactGroupChanges[0].contactGroup.id);
  });

  it('keeps a dimittend in Uden ydelse when the entitlement date is after today, and schedules the switch (004)', async () => {
    dimittend = await createPerson(t, { akasse: '21' });
    await ok(t, REGISTER, { i: { cpr: dimittend.cpr, category: 'DIMITTEND', registrationDate: TODAY } }, AKASSE);
    const { reportDimittendEntitlement } = await ok<{ reportDimittendEntitlement: unknown }>(t, REPORT, { i: { cpr: dimittend.cpr, entitlementDate: '2026-12-14' } }, AKASSE);
    expect(reportDimittendEntitlement).toEqual({ category: 'DIMITTEND', dimittend: true, dagpengeEntitlementDate: '2026-12-14', contactGroup: { id: 99 } });
    expect(await read(t, dimittend.cpr, `${NOW} jobSeekerRegistration { category dagpengeEntitlementDate }`)).toEqual({
      contactGroup: { contactGroup: { id: 99 }, start: TODAY, end: '2026-12-13' },
      scheduledContactGroupChanges: [{ contactGroup: { id: 1 }, start: '2026-12-14', end: null }],
      cvRequirement: 'NONE',
      jobSeekerRegistration: { category: 'DIMITTEND', dagpengeEntitlementDate: '2026-12-14' },
    });
    expect(await fails(t, REPORT, { i: { cpr: dimittend.cpr, entitlementDate: '2027-03-02' } }, AKASSE)).toEqual(['DATED_TOO_FAR_AHEAD']);
  });

  it('withdraws a pending dimittend switch when the dimittend deregisters before the entitlement date', async () => {
    const { cpr, id } = await createPerson(t, { akasse: '21' });
    await ok(t, REGISTER, { i: { cpr, category: 'DIMITTEND', registrationDate: TODAY } }, AKASSE);
    await ok(t, REPORT, { i: { cpr, entitlementDate: '2026-12-14' } }, AKASSE);
    await ok(t, 'mutation($i: DeregisterJobSeekerInput!) { deregisterJobSeeker(input: $i) { status } }', { i: { cpr, date: TODAY } }, AKASSE);
    expect(await read(t, cpr, 'contactGroup { contactGroup { id } end } scheduledContactGroupChanges { start } jobSeekerRegistrations { status dagpengeEntitlementDate }')).toEqual({
      contactGroup: { contactGroup: { id: 99 }, end: null },
      scheduledContactGroupChanges: [],
      jobSeekerRegistrations: [{ status: 'DEREGISTERED', dagpengeEntitlementDate: null }],
    });
    expect((await eventsOf(t, 'CONTACT_GROUP_CHANGE_CANCELLED', id)).map((e) => e.payload.contactGroupId)).toEqual([1]);
  });

  it('registers from a later day without moving today\'s CV requirement', async () => {
    reregistered = await createPerson(t, { akasse: '21', contactGroupId: 1, start: '2026-01-05' });
    await ok(t, REGISTER, { i: { cpr: reregistered.cpr, category: 'DAGPENGE', registrationDate: TODAY } }, AKASSE);
    await ok(t, 'mutation($i: DeregisterJobSeekerInput!) { deregisterJobSeeker(input: $i) { status } }', { i: { cpr: reregistered.cpr, date: TODAY } }, AKASSE);
    // Group 1 stays open (001 §3.2); a new registration from 2026-12-05 needs no group change.
    await ok(t, REGISTER, { i: { cpr: reregistered.cpr, category: 'DAGPENGE', registrationDate: '2026-12-05' } }, AKASSE);
    expect(await read(t, reregistered.cpr, 'cvRequirement jobSeekerRegistration { registrationDate } scheduledContactGroupChanges { start }')).toEqual({
      cvRequirement: 'NONE',
      jobSeekerRegistration: null,
      scheduledContactGroupChanges: [],
    });
    expect(await asOf(reregistered.cpr, '2026-12-05', 'cvRequirement jobSeekerRegistration { registrationDate }')).toEqual({ cvRequirement: 'SEARCHABLE', jobSeekerRegistration: { registrationDate: '2026-12-05' } });
    const registered = await eventsOf(t, 'JOB_SEEKER_REGISTERED', reregistered.id);
    expect(registered.map((e) => e.effectiveDate)).toEqual([TODAY, '2026-12-05']);
  });

  it('accepts a recovery with cause 37 from the older sick group 6 and opens Ressourceforløb (001 §2.3, §2.8)', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 6, start: '2026-01-05' });
    const { changeContactGroup } = await ok<{ changeContactGroup: unknown }>(t, CHANGE, { i: { cpr, contactGroupId: 1, start: TODAY, recoveryCauseId: 37 } }, JOBCENTRE);
    expect(changeContactGroup).toMatchObject({ contactGroup: { id: 11 }, start: TODAY });
    expect((await eventsOf(t, 'CONTACT_GROUP_CHANGED', id)).map((e) => e.payload.contactGroupId)).toEqual([6, 11]);
    // Not from a group that is no sick group.
    const other = await createPerson(t, { contactGroupId: 13, start: '2026-01-05' });
    expect(await fails(t, CHANGE, { i: { cpr: other.cpr, contactGroupId: 1, start: TODAY, recoveryCauseId: 37 } }, JOBCENTRE)).toEqual(['RECOVERY_WITHOUT_SICK_GROUP']);
  });

  it('checks a recovery cause against the group the person leaves on the change day, not today', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    await ok(t, CHANGE, { i: { cpr, contactGroupId: 25, start: '2026-12-01' } }, JOBCENTRE);
    // Today's group is 2, but on 2026-12-05 the person leaves 25.
    const { changeContactGroup } = await ok<{ changeContactGroup: unknown }>(t, CHANGE, { i: { cpr, contactGroupId: 1, start: '2026-12-05', recoveryCauseId: 37 } }, JOBCENTRE);
    expect(changeContactGroup).toMatchObject({ contactGroup: { id: 11 }, start: '2026-12-05' });
    expect(await fails(t, CHANGE, { i: { cpr, contactGroupId: 1, start: '2026-12-01', recoveryCauseId: 37 } }, JOBCENTRE)).toEqual(['RECOVERY_WITHOUT_SICK_GROUP']);
  });
});

describe('moving the clock', () => {
  it('applies the change dated before a withdrawn one on its day, and never the withdrawn one', async () => {
    moveTo('2026-12-09');
    await effectuate();
    // Catching up over 2026-12-05: the registration from that day moved the CV requirement, dated that day.
    expect((await read<Now>(t, reregistered.cpr, NOW)).cvRequirement).toBe('SEARCHABLE');
    const cv = await eventsOf(t, 'CV_REQUIREMENT_CHANGED', reregistered.id);
    expect(cv.map((e) => [e.payload.cvRequirement, e.effectiveDate])).toEqual([
      ['SEARCHABLE', '2026-01-05'], // the back-dated group 1 counts as the registration from its start
      ['NONE', TODAY],
      ['SEARCHABLE', '2026-12-05'],
    ]);
    expect((await read<Now>(t, withdrawn.cpr, NOW)).contactGroup?.contactGroup.id).toBe(2);
    moveTo('2026-12-10');
    await effectuate();
    expect(await read<Now>(t, withdrawn.cpr, NOW)).toMatchObject({ contactGroup: { contactGroup: { id: 1 }, start: '2026-12-10', end: null }, scheduledContactGroupChanges: [] });
    const changedEvents = await eventsOf(t, 'CONTACT_GROUP_CHANGED', withdrawn.id);
    expect(changedEvents.map((e) => [e.payload.contactGroupId, e.effectiveDate])).toEqual([
      [2, '2026-01-05'],
      [1, '2026-12-10'],
    ]);
  });

  it('switches the dimittend to dagpenge on the entitlement date, not the day before (004)', async () => {
    moveTo('2026-12-13');
    await effectuate();
    expect(await read(t, dimittend.cpr, 'contactGroup { contactGroup { id } } jobSeekerRegistration { category dimittend contactGroup { id } } cvRequirement')).toEqual({
      contactGroup: { contactGroup: { id: 99 } },
      jobSeekerRegistration: { category: 'DIMITTEND', dimittend: true, contactGroup: { id: 99 } },
      cvRequirement: 'NONE',
    });
    moveTo('2026-12-14');
    await effectuate();
    expect(await read(t, dimittend.cpr, 'contactGroup { contactGroup { id } start } jobSeekerRegistration { category dimittend contactGroup { id } } cvRequirement')).toEqual({
      contactGroup: { contactGroup: { id: 1 }, start: '2026-12-14' },
      jobSeekerRegistration: { category: 'DAGPENGE', dimittend: false, contactGroup: { id: 1 } },
      cvRequirement: 'SEARCHABLE',
    });
    const switched = await eventsOf(t, 'JOB_SEEKER_REGISTRATION_CHANGED', dimittend.id);
    expect(switched.at(-1)).toMatchObject({ effectiveDate: '2026-12-14', payload: { category: 'DAGPENGE', contactGroupId: 1 } });
    const cv = await eventsOf(t, 'CV_REQUIREMENT_CHANGED', dimittend.id);
    expect(cv.map((e) => [e.payload.cvRequirement, e.effectiveDate])).toEqual([['SEARCHABLE', '2026-12-14']]);
  });

  it('keeps group 2 on 2026-12-19 and applies the change to 10 on 2026-12-20, once, dated that day', async () => {
    moveTo('2026-12-19');
    await effectuate(); // the parallel pair's change of 2026-12-15
    const { runScheduledJobs: before } = await ok<{ runScheduledJobs: { effectuatedChanges: number } }>(t, JOBS, {}, SYSTEM);
    expect(before.effectuatedChanges).toBe(0);
    expect(await read<Now>(t, a.cpr, NOW)).toMatchObject({ contactGroup: { contactGroup: { id: 2 } }, cvRequirement: 'SEARCHABLE' });

    moveTo('2026-12-20');
    // The operator's run after midnight applies what is due: the change of person a.
    const { runScheduledJobs: on } = await ok<{ runScheduledJobs: { asOf: string; effectuatedChanges: number } }>(t, JOBS, {}, SYSTEM);
    expect(on).toEqual({ asOf: '2026-12-20', effectuatedChanges: 1 });
    expect(await effectuate()).toEqual({ applied: 0, failed: 0 });
    expect(await read<Now>(t, a.cpr, NOW)).toEqual({
      contactGroup: { contactGroup: { id: 10 }, start: '2026-12-20', end: null },
      scheduledContactGroupChanges: [],
      cvRequirement: 'NONE',
    });
    const changedEvents = (await eventsOf(t, 'CONTACT_GROUP_CHANGED', a.id)).filter((e) => e.payload.contactGroupId === 10);
    expect(changedEvents.map((e) => [e.effectiveDate, e.payload.previousContactGroupId])).toEqual([['2026-12-20', 2]]);
    const cv = await eventsOf(t, 'CV_REQUIREMENT_CHANGED', a.id);
    expect(cv.map((e) => [e.payload.cvRequirement, e.effectiveDate])).toEqual([
      ['SEARCHABLE', '2026-01-05'],
      ['NONE', '2026-12-20'],
    ]);
    // The effectuation writes its own history rows, recorded on the day.
    const { history } = await read<{ history: { action: string; recordedAt: string; effectiveDate: string }[] }>(t, a.cpr, 'history { action recordedAt effectiveDate }');
    expect(history.slice(-2)).toEqual([
      { action: 'CONTACT_GROUP_CHANGED', recordedAt: '2026-12-20T09:00:00.000Z', effectiveDate: '2026-12-20' },
      { action: 'CV_REQUIREMENT_CHANGED', recordedAt: '2026-12-20T09:00:00.000Z', effectiveDate: '2026-12-20' },
    ]);
    // The past stays readable as it was.
    expect(await asOf<Now>(a.cpr, '2026-12-19', NOW)).toMatchObject({ contactGroup: { contactGroup: { id: 2 } }, cvRequirement: 'SEARCHABLE' });
  });
});
