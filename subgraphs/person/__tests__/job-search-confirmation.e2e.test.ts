// Job-search confirmation (004) through the gateway: the confirmation Jobnet records, the scheduled
// job deregistering on the day after a missing one, the benefit centre's events, and a cash-benefit
// recipient re-registering within 7 days (the day 7 after, not the day 8 after), continuing the course.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, createPerson, eventsOf, fails, JOBCENTRE, ok, read, REGISTER, SYSTEM } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const on = (day: string) => t.clock.set(`${day}T09:00:00Z`);
const CONFIRM = 'mutation($c: String!) { confirmJobSearch(cpr: $c) { status jobSearchConfirmedOn jobSearchConfirmationDueBy } }';
const REREGISTER = 'mutation($c: String!) { reregisterAfterMissingConfirmation(cpr: $c) { id status selfService registrationDate continuesRegistrationId jobSearchConfirmationDueBy contactGroup { id } } }';
const JOBS = 'mutation { runScheduledJobs { deregisteredForMissingConfirmation } }';
const REGISTRATIONS = 'jobSeekerRegistrations { id status closedOn deregistrationCause selfReregistrationPossibleUntil continuesRegistrationId }';

/** A kontanthjælp recipient (or `category`) registered by the jobcentre on 2026-11-23. */
async function registered(category = 'KONTANTHJAELP') {
  on('2026-11-23');
  const person = await createPerson(t, { akasse: '21' });
  await ok(t, REGISTER, { i: { cpr: person.cpr, category, registrationDate: '2026-11-23' } }, JOBCENTRE);
  return person;
}

async function runJobs(day: string): Promise<number> {
  on(day);
  return (await ok<{ runScheduledJobs: { deregisteredForMissingConfirmation: number } }>(t, JOBS, {}, SYSTEM)).runScheduledJobs.deregisteredForMissingConfirmation;
}

it('records a confirmation from Jobnet and moves the next one 7 days on, telling no one', async () => {
  const { id, cpr } = await registered();
  expect(await read(t, cpr, 'jobSeekerRegistration { jobSearchConfirmationDueBy }')).toEqual({ jobSeekerRegistration: { jobSearchConfirmationDueBy: '2026-11-30' } });
  on('2026-11-27');
  const { confirmJobSearch } = await ok<{ confirmJobSearch: unknown }>(t, CONFIRM, { c: cpr }, SYSTEM);
  expect(confirmJobSearch).toEqual({ status: 'ACTIVE', jobSearchConfirmedOn: '2026-11-27', jobSearchConfirmationDueBy: '2026-12-04' });
  const [event] = await eventsOf(t, 'JOB_SEARCH_CONFIRMED', id);
  expect(event.authorities).toEqual({ jobcentres: [], akasser: [] });
  expect(await fails(t, CONFIRM, { c: cpr }, JOBCENTRE)).toEqual(['FORBIDDEN']);
  const unregistered = await createPerson(t);
  expect(await fails(t, CONFIRM, { c: unregistered.cpr }, SYSTEM)).toEqual(['NOT_REGISTERED_AS_JOB_SEEKER']);
});

it('deregisters the day after a missing confirmation was due, not on the day, and tells the benefit centre', async () => {
  const { id, cpr } = await registered();
  await runJobs('2026-11-30');
  expect(await read(t, cpr, 'jobSeekerRegistration { status }')).toEqual({ jobSeekerRegistration: { status: 'ACTIVE' } });
  expect(await runJobs('2026-12-01')).toBeGreaterThanOrEqual(1);
  const person = await read<{ jobSeekerRegistrations: unknown[]; contactGroup: unknown; cvRequirement: string }>(t, cpr, `${REGISTRATIONS} contactGroup { contactGroup { id } start } cvRequirement`);
  expect(person.jobSeekerRegistrations).toMatchObject([
    { status: 'DEREGISTERED', closedOn: '2026-12-01', deregistrationCause: 'MISSING_JOB_SEARCH_CONFIRMATION', selfReregistrationPossibleUntil: '2026-12-08' },
  ]);
  // 001 §3.2: the contact group stays open, the CV requirement ends with the registration.
  expect(person.contactGroup).toEqual({ contactGroup: { id: 2 }, start: '2026-11-23' });
  expect(person.cvRequirement).toBe('NONE');
  const [event] = await eventsOf(t, 'JOB_SEEKER_DEREGISTERED_MISSING_CONFIRMATION', id);
  expect(event.payload).toMatchObject({ status: 'DEREGISTERED', deregistrationCause: 'MISSING_JOB_SEARCH_CONFIRMATION', closedOn: '2026-12-01' });
  expect(event.authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
});

it('lets a cash-benefit recipient re-register 7 days after the deregistration, continuing the contact course', async () => {
  const { id, cpr } = await registered();
  await runJobs('2026-12-01');
  const [deregistered] = (await read<{ jobSeekerRegistrations: { id: string }[] }>(t, cpr, REGISTRATIONS)).jobSeekerRegistrations;
  on('2026-12-08');
  const { reregisterAfterMissingConfirmation } = await ok<{ reregisterAfterMissingConfirmation: unknown }>(t, REREGISTER, { c: cpr }, SYSTEM);
  expect(reregisterAfterMissingConfirmation).toMatchObject({
    status: 'ACTIVE',
    selfService: true,
    registrationDate: '2026-12-08',
    continuesRegistrationId: deregistered.id,
    jobSearchConfirmationDueBy: '2026-12-15',
    contactGroup: { id: 2 },
  });
  // No attendance flag and no new contact course: the group opened on 2026-11-23 runs on.
  expect(await read(t, cpr, 'contactGroup { contactGroup { id } start } contactGroupHistory { id } cvRequirement')).toMatchObject({
    contactGroup: { contactGroup: { id: 2 }, start: '2026-11-23' },
    contactGroupHistory: [{}],
    cvRequirement: 'SEARCHABLE',
  });
  const [event] = await eventsOf(t, 'JOB_SEEKER_REREGISTERED_AFTER_MISSING_CONFIRMATION', id);
  expect(event.payload).toMatchObject({ continuesRegistrationId: deregistered.id, selfService: true });
  expect(event.authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
  expect(await fails(t, REREGISTER, { c: cpr }, SYSTEM)).toEqual(['ALREADY_REGISTERED_AS_JOB_SEEKER']);
});

it('refuses a re-registration 8 days after the deregistration, writing nothing', async () => {
  const { id, cpr } = await registered();
  await runJobs('2026-12-01');
  on('2026-12-09');
  expect(await fails(t, REREGISTER, { c: cpr }, SYSTEM)).toEqual(['REREGISTRATION_WINDOW_PASSED']);
  expect((await read<{ jobSeekerRegistrations: unknown[] }>(t, cpr, REGISTRATIONS)).jobSeekerRegistrations).toHaveLength(1);
  expect(await eventsOf(t, 'JOB_SEEKER_REREGISTERED_AFTER_MISSING_CONFIRMATION', id)).toEqual([]);
});

it('refuses a self re-registration to dagpenge recipients, to those the jobcentre deregistered, and to callers other than Jobnet', async () => {
  const dagpenge = await registered('DAGPENGE');
  const deregisteredByJobcentre = await registered();
  await ok(t, 'mutation($i: DeregisterJobSeekerInput!) { deregisterJobSeeker(input: $i) { status } }', { i: { cpr: deregisteredByJobcentre.cpr, date: '2026-11-23' } }, JOBCENTRE);
  await runJobs('2026-12-01');
  on('2026-12-02');
  expect(await fails(t, REREGISTER, { c: dagpenge.cpr }, SYSTEM)).toEqual(['SELF_REREGISTRATION_NOT_FOR_CONTACT_GROUP']);
  expect(await fails(t, REREGISTER, { c: deregisteredByJobcentre.cpr }, SYSTEM)).toEqual(['NOT_DEREGISTERED_FOR_MISSING_CONFIRMATION']);
  const recipient = await registered();
  await runJobs('2026-12-01');
  on('2026-12-02');
  expect(await fails(t, REREGISTER, { c: recipient.cpr }, JOBCENTRE)).toEqual(['FORBIDDEN']);
  expect(await fails(t, REREGISTER, { c: recipient.cpr }, AKASSE)).toEqual(['FORBIDDEN']);
});
