// Registration as a job seeker through the gateway (004, 002): categories and the contact group
// each opens, registration date and event date with who may set it, dagpenge without membership,
// kontanthjælp self-registrations flagged and annulled after 6 opening days by the scheduled job,
// dimittend switch on the a-kasse's report, no self-registration without a Danish address, and
// deregistration.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { addMembership, AKASSE, ANALYST, createPerson, eventsOf, fails, JOBCENTRE, ok, OTHER_AKASSE, OTHER_JOBCENTRE, read, REGISTER, SYSTEM } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());
beforeEach(() => t.clock.set('2026-11-23T09:00:00Z'));

const TODAY = '2026-11-23';
const RUN_JOBS = 'mutation($d: Date) { runScheduledJobs(asOf: $d) { asOf annulledSelfRegistrations revisitedCategories changedCvRequirements } }';
const DEREGISTER = 'mutation($i: DeregisterJobSeekerInput!) { deregisterJobSeeker(input: $i) { status closedOn } }';

describe('registration date and event date (002)', () => {
  it('refuses a registration date in the past, and writes nothing', async () => {
    const { cpr, id } = await createPerson(t);
    expect(await fails(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: '2026-11-22' } }, JOBCENTRE)).toEqual(['REGISTRATION_DATE_IN_PAST']);
    expect(await read(t, cpr, 'jobSeekerRegistrations { id } contactGroup { id }')).toEqual({ jobSeekerRegistrations: [], contactGroup: null });
    expect(await eventsOf(t, 'JOB_SEEKER_REGISTERED', id)).toEqual([]);
  });

  it('lets the jobcentre back-date by event date for groups other than dagpenge, and opens the group from it', async () => {
    const { cpr } = await createPerson(t, { akasse: '21' });
    expect(await fails(t, REGISTER, { i: { cpr, category: 'DAGPENGE', registrationDate: TODAY, eventDate: '2026-11-10' } }, JOBCENTRE)).toEqual(['EVENT_DATE_NOT_ALLOWED']);
    const { registerJobSeeker } = await ok<{ registerJobSeeker: Record<string, unknown> }>(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: TODAY, eventDate: '2026-11-10' } }, JOBCENTRE);
    expect(registerJobSeeker).toMatchObject({ status: 'ACTIVE', eventDate: '2026-11-10', contactGroup: { id: 2, name: 'Kontanthjælpsmodtager' } });
    expect(await read(t, cpr, 'contactGroup { contactGroup { id } start }')).toEqual({ contactGroup: { contactGroup: { id: 2 }, start: '2026-11-10' } });
  });

  it('lets the a-kasse give an event date for dagpenge, and STAR for any group', async () => {
    const member = await createPerson(t, { akasse: '21' });
    const { registerJobSeeker } = await ok<{ registerJobSeeker: Record<string, unknown> }>(t, REGISTER, { i: { cpr: member.cpr, category: 'DAGPENGE', registrationDate: TODAY, eventDate: '2026-11-16' } }, AKASSE);
    expect(registerJobSeeker).toMatchObject({ contactGroup: { id: 1 }, eventDate: '2026-11-16', withoutMembership: false });
    const other = await createPerson(t);
    await ok(t, REGISTER, { i: { cpr: other.cpr, category: 'KONTANTHJAELP', registrationDate: TODAY, eventDate: '2026-10-01' } }, SYSTEM);
  });

  it('refuses an event date after the registration date', async () => {
    const { cpr } = await createPerson(t);
    expect(await fails(t, REGISTER, { i: { cpr, category: 'NO_BENEFIT', registrationDate: TODAY, eventDate: '2026-11-24' } }, JOBCENTRE)).toEqual(['EVENT_DATE_AFTER_REGISTRATION_DATE']);
  });
});

describe('who registers', () => {
  it('is the jobcentre, a member\'s a-kasse (not for kontanthjælp) and the system; never analysts or others', async () => {
    const { cpr } = await createPerson(t, { akasse: '21' });
    const input = { cpr, category: 'DAGPENGE', registrationDate: TODAY };
    expect(await fails(t, REGISTER, { i: input }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, REGISTER, { i: input }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, REGISTER, { i: input }, ANALYST)).toEqual(['FORBIDDEN']);
    expect(await fails(t, REGISTER, { i: { ...input, category: 'KONTANTHJAELP' } }, AKASSE)).toEqual(['CATEGORY_NOT_ALLOWED_FOR_AKASSE']);
    expect(await fails(t, REGISTER, { i: { ...input, selfService: true } }, JOBCENTRE)).toEqual(['FORBIDDEN']);
    await ok(t, REGISTER, { i: input }, AKASSE);
  });

  it('keeps one open registration, also when many registrations arrive at once', async () => {
    const { cpr } = await createPerson(t);
    const responses = await Promise.all(Array.from({ length: 15 }, () => t.gql(REGISTER, { i: { cpr, category: 'NO_BENEFIT', registrationDate: TODAY } }, JOBCENTRE)));
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(responses.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code))).toEqual(new Set(['ALREADY_REGISTERED_AS_JOB_SEEKER']));
    expect((await read<{ jobSeekerRegistrations: unknown[] }>(t, cpr, 'jobSeekerRegistrations { id }')).jobSeekerRegistrations).toHaveLength(1);
  });
});

describe('dagpenge without membership (004)', () => {
  it("registers as 'Uden ydelse' when the a-kasse register holds no membership, as dagpenge when it does", async () => {
    const without = await createPerson(t);
    const { registerJobSeeker } = await ok<{ registerJobSeeker: Record<string, unknown> }>(t, REGISTER, { i: { cpr: without.cpr, category: 'DAGPENGE', registrationDate: TODAY } }, JOBCENTRE);
    expect(registerJobSeeker).toMatchObject({ category: 'DAGPENGE', withoutMembership: true, contactGroup: { id: 99, name: 'Uden ydelse' } });

    const member = await createPerson(t);
    await addMembership(t, member.cpr, '21');
    const second = await ok<{ registerJobSeeker: Record<string, unknown> }>(t, REGISTER, { i: { cpr: member.cpr, category: 'DAGPENGE', registrationDate: TODAY } }, JOBCENTRE);
    expect(second.registerJobSeeker).toMatchObject({ withoutMembership: false, contactGroup: { id: 1 } });
  });
});

describe('kontanthjælp self-registration (004)', () => {
  const selfRegistration = (cpr: string) => ok<{ registerJobSeeker: Record<string, unknown> }>(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: TODAY, selfService: true } }, SYSTEM);

  it('cannot be back-dated by the citizen: an event date on a Jobnet self-registration is refused and nothing is written', async () => {
    const { cpr, id } = await createPerson(t);
    expect(await fails(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: TODAY, eventDate: '2026-11-01', selfService: true } }, SYSTEM)).toEqual(['EVENT_DATE_NOT_ALLOWED']);
    expect(await eventsOf(t, 'JOB_SEEKER_REGISTERED', id)).toEqual([]);
  });

  it('is flagged for the jobcentre and takes effect only when the person shows up', async () => {
    const { cpr, id } = await createPerson(t);
    const { registerJobSeeker } = await selfRegistration(cpr);
    expect(registerJobSeeker).toMatchObject({ status: 'AWAITING_ATTENDANCE', awaitingAttendance: true, contactGroup: null, attendanceDeadline: '2026-12-01' });
    expect(await read(t, cpr, 'contactGroup { id } cvRequirement')).toEqual({ contactGroup: null, cvRequirement: 'NONE' });
    const [flag] = await eventsOf(t, 'JOB_SEEKER_REGISTERED', id);
    expect(flag.authorities.jobcentres).toEqual(['101']);

    t.clock.set('2026-11-27T10:00:00Z');
    const { confirmSelfRegistrationAttendance } = await ok<{ confirmSelfRegistrationAttendance: Record<string, unknown> }>(
      t,
      'mutation($c: String!) { confirmSelfRegistrationAttendance(cpr: $c) { status awaitingAttendance contactGroup { id } } }',
      { c: cpr },
      JOBCENTRE,
    );
    expect(confirmSelfRegistrationAttendance).toEqual({ status: 'ACTIVE', awaitingAttendance: false, contactGroup: { id: 2 } });
    expect(await read(t, cpr, 'contactGroup { contactGroup { id } start } cvRequirement')).toEqual({ contactGroup: { contactGroup: { id: 2 }, start: '2026-11-27' }, cvRequirement: 'SEARCHABLE' });
    // The annulment job leaves an effectuated registration alone; the person confirms the job search as due (004).
    t.clock.set('2026-12-03T10:00:00Z');
    await ok(t, 'mutation($c: String!) { confirmJobSearch(cpr: $c) { status } }', { c: cpr }, SYSTEM);
    t.clock.set('2026-12-10T10:00:00Z');
    await ok(t, RUN_JOBS, {}, SYSTEM);
    expect((await read<{ jobSeekerRegistration: { status: string } }>(t, cpr, 'jobSeekerRegistration { status }')).jobSeekerRegistration.status).toBe('ACTIVE');
  });

  it('is annulled silently by the scheduled job after 6 opening days without attendance, holidays considered', async () => {
    const { cpr, id } = await createPerson(t);
    await selfRegistration(cpr);
    t.clock.set('2026-12-01T20:00:00Z'); // the deadline day itself still counts
    expect((await ok<{ runScheduledJobs: { annulledSelfRegistrations: number } }>(t, RUN_JOBS, {}, SYSTEM)).runScheduledJobs.annulledSelfRegistrations).toBe(0);
    t.clock.set('2026-12-02T07:00:00Z');
    const { runScheduledJobs } = await ok<{ runScheduledJobs: { asOf: string; annulledSelfRegistrations: number } }>(t, RUN_JOBS, {}, SYSTEM);
    expect(runScheduledJobs).toMatchObject({ asOf: '2026-12-02' });
    expect(runScheduledJobs.annulledSelfRegistrations).toBeGreaterThanOrEqual(1);
    expect(await read(t, cpr, 'jobSeekerRegistration { id } jobSeekerRegistrations { status closedOn } contactGroup { id }')).toEqual({
      jobSeekerRegistration: null,
      jobSeekerRegistrations: [{ status: 'ANNULLED', closedOn: '2026-12-02' }],
      contactGroup: null,
    });
    const [annulled] = await eventsOf(t, 'JOB_SEEKER_REGISTRATION_ANNULLED', id);
    expect(annulled.authorities).toEqual({ jobcentres: [], akasser: [] });
  });

  it('waits longer over Easter: public holidays are not opening days', async () => {
    t.clock.set('2026-03-31T09:00:00Z');
    const { cpr } = await createPerson(t);
    const { registerJobSeeker } = await ok<{ registerJobSeeker: { attendanceDeadline: string } }>(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: '2026-03-31', selfService: true } }, SYSTEM);
    expect(registerJobSeeker.attendanceDeadline).toBe('2026-04-13');
    t.clock.set('2026-04-10T09:00:00Z');
    await ok(t, 'mutation { annulUnattendedSelfRegistrations }', {}, SYSTEM);
    expect((await read<{ jobSeekerRegistration: { status: string } }>(t, cpr, 'jobSeekerRegistration { status }')).jobSeekerRegistration.status).toBe('AWAITING_ATTENDANCE');
  });

  it('runs only for the system role and never as of a future day', async () => {
    expect(await fails(t, RUN_JOBS, {}, JOBCENTRE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, RUN_JOBS, { d: '2026-11-24' }, SYSTEM)).toEqual(['AS_OF_IN_FUTURE']);
  });

  it('is refused for persons the jobcentre already follows: an activity-ready kontanthjælp recipient (004)', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    await ok(t, 'mutation($i: SetVisitationInput!) { setVisitation(input: $i) { id } }', { i: { cpr, category: 'ACTIVITY_READY' } }, JOBCENTRE);
    expect(await fails(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: TODAY, selfService: true } }, SYSTEM)).toEqual(['SELF_REGISTRATION_NOT_NEEDED']);
    expect(await read(t, cpr, 'jobSeekerRegistrations { id }')).toEqual({ jobSeekerRegistrations: [] });
  });

  it('is refused for persons without a Danish CPR address, who register at a jobcentre instead', async () => {
    const { cpr } = await createPerson(t, { livesAbroad: true });
    expect(await fails(t, REGISTER, { i: { cpr, category: 'NO_BENEFIT', registrationDate: TODAY, selfService: true } }, SYSTEM)).toEqual(['NO_DANISH_ADDRESS']);
    await ok(t, REGISTER, { i: { cpr, category: 'NO_BENEFIT', registrationDate: TODAY } }, JOBCENTRE);
  });
});

describe('dimittender (004)', () => {
  const REPORT = 'mutation($i: DimittendEntitlementInput!) { reportDimittendEntitlement(input: $i) { category dimittend contactGroup { id } } }';

  it("are registered 'Uden ydelse' flagged dimittend and switch to dagpenge on the a-kasse's report once the entitlement date is reached", async () => {
    const { cpr, id } = await createPerson(t, { akasse: '21' });
    const { registerJobSeeker } = await ok<{ registerJobSeeker: Record<string, unknown> }>(t, REGISTER, { i: { cpr, category: 'DIMITTEND', registrationDate: TODAY, eventDate: '2026-11-02' } }, AKASSE);
    expect(registerJobSeeker).toMatchObject({ dimittend: true, contactGroup: { id: 99 } });
    expect(await fails(t, REPORT, { i: { cpr, entitlementDate: '2026-11-16' } }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    // The entitlement date has passed when the report arrives: the switch takes effect at once, from that date.
    const { reportDimittendEntitlement } = await ok<{ reportDimittendEntitlement: unknown }>(t, REPORT, { i: { cpr, entitlementDate: '2026-11-16' } }, AKASSE);
    expect(reportDimittendEntitlement).toEqual({ category: 'DAGPENGE', dimittend: false, contactGroup: { id: 1 } });
    expect(await read(t, cpr, 'contactGroup { contactGroup { id } start }')).toEqual({ contactGroup: { contactGroup: { id: 1 }, start: '2026-11-16' } });
    expect(await eventsOf(t, 'JOB_SEEKER_REGISTRATION_CHANGED', id)).toHaveLength(1);
    // A switch after today is scheduled instead: test/valid-time-person.test.ts moves the clock across it.
  });

  it('change nothing when the person is no longer registered as dimittend', async () => {
    const { cpr } = await createPerson(t, { akasse: '21' });
    await ok(t, REGISTER, { i: { cpr, category: 'NO_BENEFIT', registrationDate: TODAY } }, AKASSE);
    expect(await fails(t, REPORT, { i: { cpr, entitlementDate: '2026-12-07' } }, AKASSE)).toEqual(['NOT_REGISTERED_AS_DIMITTEND']);
    expect(await read(t, cpr, 'contactGroup { contactGroup { id } }')).toEqual({ contactGroup: { contactGroup: { id: 99 } } });
  });
});

describe('deregistration (001 §3.2)', () => {
  it('ends the registration and the CV requirement at once, while the contact group stays open', async () => {
    const { cpr, id } = await createPerson(t, { akasse: '21' });
    await ok(t, REGISTER, { i: { cpr, category: 'DAGPENGE', registrationDate: TODAY } }, AKASSE);
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'SEARCHABLE' });
    expect(await fails(t, DEREGISTER, { i: { cpr, date: '2026-11-20' } }, JOBCENTRE)).toEqual(['REGISTRATION_DATE_IN_PAST']);
    // Taking effect at once, a later date would show the person deregistered too early.
    expect(await fails(t, DEREGISTER, { i: { cpr, date: '2026-11-24' } }, JOBCENTRE)).toEqual(['DEREGISTRATION_DATE_IN_FUTURE']);
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'SEARCHABLE' });
    const { deregisterJobSeeker } = await ok<{ deregisterJobSeeker: unknown }>(t, DEREGISTER, { i: { cpr, date: TODAY } }, JOBCENTRE);
    expect(deregisterJobSeeker).toEqual({ status: 'DEREGISTERED', closedOn: TODAY });
    expect(await read(t, cpr, 'cvRequirement contactGroup { contactGroup { id } end }')).toEqual({ cvRequirement: 'NONE', contactGroup: { contactGroup: { id: 1 }, end: null } });
    const changes = await eventsOf(t, 'CV_REQUIREMENT_CHANGED', id);
    expect(changes.map((e) => e.payload.cvRequirement)).toEqual(['SEARCHABLE', 'NONE']);
    expect(await fails(t, DEREGISTER, { i: { cpr, date: TODAY } }, JOBCENTRE)).toEqual(['NOT_REGISTERED_AS_JOB_SEEKER']);
  });
});
