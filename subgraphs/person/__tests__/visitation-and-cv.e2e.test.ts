// Visitation (002) and the CV requirement (003, 001 §2.9, §3.1-3.2) through the gateway: category 3
// retired and re-visited to 2 by the scheduled job with a notification; the requirement derived
// from group, registration and absences, announced to jobcentre and a-kasse at once.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import type { DomainEvent } from '../../../core/events';
import { personConsumers } from '../consumers';
import { AKASSE, ANALYST, awaitEvents, CHANGE_GROUP, createPerson, eventsOf, fails, JOBCENTRE, ok, OTHER_JOBCENTRE, read, SYSTEM } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2024-12-20' });
});
afterAll(() => t.stop());

const VISIT = 'mutation($i: SetVisitationInput!) { setVisitation(input: $i) { visitation { category name since } } }';
const RUN_JOBS = 'mutation { runScheduledJobs { revisitedCategories changedCvRequirements } }';

describe('visitation (002)', () => {
  beforeEach(() => t.clock.set('2024-12-20T09:00:00Z'));

  it('moves open sick-benefit cases in category 3 to 2 from 2025-01-01 and tells the jobcentre', async () => {
    const open = await createPerson(t, { contactGroupId: 25, start: '2024-11-01' });
    const closed = await createPerson(t, { contactGroupId: 25, start: '2024-11-01' });
    await ok(t, VISIT, { i: { cpr: open.cpr, category: 'SICK_BENEFIT_3' } }, JOBCENTRE);
    await ok(t, VISIT, { i: { cpr: closed.cpr, category: 'SICK_BENEFIT_3' } }, JOBCENTRE);
    await ok(t, CHANGE_GROUP, { i: { cpr: closed.cpr, contactGroupId: 1, start: '2024-12-20', recoveryCauseId: 12 } }, JOBCENTRE);

    expect((await ok<{ runScheduledJobs: { revisitedCategories: number } }>(t, RUN_JOBS, {}, SYSTEM)).runScheduledJobs.revisitedCategories).toBe(0);
    t.clock.set('2025-01-01T06:00:00Z');
    expect((await ok<{ runScheduledJobs: { revisitedCategories: number } }>(t, RUN_JOBS, {}, SYSTEM)).runScheduledJobs.revisitedCategories).toBe(1);

    expect(await read(t, open.cpr, 'visitation { category since }')).toEqual({ visitation: { category: 'SICK_BENEFIT_2', since: '2025-01-01' } });
    expect(await read(t, closed.cpr, 'visitation { category }')).toEqual({ visitation: { category: 'SICK_BENEFIT_3' } });
    const [, automatic] = await eventsOf(t, 'VISITATION_CHANGED', open.id);
    expect(automatic.payload).toEqual({ personId: open.id, category: 'SICK_BENEFIT_2', previousCategory: 'SICK_BENEFIT_3', automatic: true });
    expect(automatic.authorities.jobcentres).toEqual(['101']);
    expect((await ok<{ runScheduledJobs: { revisitedCategories: number } }>(t, RUN_JOBS, {}, SYSTEM)).runScheduledJobs.revisitedCategories).toBe(0);
  });

  it('refuses category 3 from 2025-01-01, and sick categories outside sick groups', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 24, start: '2024-11-01' });
    t.clock.set('2025-01-02T09:00:00Z');
    expect(await fails(t, VISIT, { i: { cpr, category: 'SICK_BENEFIT_3' } }, JOBCENTRE)).toEqual(['VISITATION_CATEGORY_RETIRED']);
    expect(await fails(t, VISIT, { i: { cpr, category: 'JOB_READY' } }, JOBCENTRE)).toEqual(['VISITATION_CATEGORY_NOT_FOR_CONTACT_GROUP']);
    expect(await ok(t, VISIT, { i: { cpr, category: 'SICK_BENEFIT_1' } }, JOBCENTRE)).toEqual({ setVisitation: { visitation: { category: 'SICK_BENEFIT_1', name: 'Sygedagpenge, kategori 1', since: '2025-01-02' } } });
    expect(await fails(t, VISIT, { i: { cpr, category: 'SICK_BENEFIT_2' } }, AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, VISIT, { i: { cpr, category: 'SICK_BENEFIT_2' } }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
    await ok(t, VISIT, { i: { cpr, category: null } }, JOBCENTRE);
    expect(await read(t, cpr, 'visitation { category }')).toEqual({ visitation: null });
  });

  it('lists the categories with the retirement of 3', async () => {
    const { personCategories } = await ok<{ personCategories: { id: string; retiredFrom: string | null; replacedBy: string | null }[] }>(t, '{ personCategories { id retiredFrom replacedBy } }', {}, ANALYST);
    expect(personCategories.find((c) => c.id === 'SICK_BENEFIT_3')).toEqual({ id: 'SICK_BENEFIT_3', retiredFrom: '2025-01-01', replacedBy: 'SICK_BENEFIT_2' });
  });
});

describe('CV requirement', () => {
  beforeEach(() => t.clock.set('2026-11-23T09:00:00Z'));

  const REGISTER_ABSENCE = 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }';

  it('is derived from the contact group at once and announced to jobcentre and a-kasser', async () => {
    const { cpr, id } = await createPerson(t, { akasse: '21' });
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'NONE' });
    await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-11-01' } }, JOBCENTRE);
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'SEARCHABLE' });
    await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 24, start: '2026-11-20' } }, JOBCENTRE);
    expect(await read(t, cpr, 'cvRequirement', AKASSE)).toEqual({ cvRequirement: 'NONE' });
    const changes = await eventsOf(t, 'CV_REQUIREMENT_CHANGED', id);
    expect(changes.map((e) => [e.payload.previousCvRequirement, e.payload.cvRequirement])).toEqual([
      ['NONE', 'SEARCHABLE'],
      ['SEARCHABLE', 'NONE'],
    ]);
    expect(changes[0].authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
  });

  it('is lifted entirely by absence 79 Sorgorlov, and comes back when it is deleted', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    const { registerAbsence } = await ok<{ registerAbsence: { id: string } }>(t, REGISTER_ABSENCE, { i: { cpr, typeId: 79, start: '2026-11-20', end: '2027-01-31' } }, JOBCENTRE);
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'NONE' });
    await awaitEvents(t, 'CV_REQUIREMENT_CHANGED', id, 2);
    await ok(t, 'mutation($id: ID!) { deleteAbsence(id: $id, comment: "Fejlregistrering") { absence { id } } }', { id: registerAbsence.id }, JOBCENTRE);
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'SEARCHABLE' });
    const changes = await awaitEvents(t, 'CV_REQUIREMENT_CHANGED', id, 3);
    expect(changes.map((e) => e.payload.cvRequirement)).toEqual(['SEARCHABLE', 'NONE', 'SEARCHABLE']);
  });

  it('never lets absence 77 exempt from searchability, even if an event says it does (001 §2.9)', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, start: '2026-01-05' });
    await feedAbsence(id, { absenceId: 'a77-test', typeId: 77, exemptions: ['CV_SEARCHABLE'] });
    await feedAbsence(id, { absenceId: 'a45-test', typeId: 45, exemptions: ['CONTACT_COURSE'] });
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'SEARCHABLE' });
    await feedAbsence(id, { absenceId: 'a99-test', typeId: 990, exemptions: ['CV_SEARCHABLE'] });
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'REGISTER_NOT_SEARCHABLE' });
  });

  it('follows an absence starting by the calendar alone once the scheduled job runs', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    await ok(t, REGISTER_ABSENCE, { i: { cpr, typeId: 79, start: '2026-11-30', end: '2027-01-31' } }, JOBCENTRE);
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'SEARCHABLE' });
    t.clock.set('2026-11-30T05:00:00Z');
    expect(await read(t, cpr, 'cvRequirement')).toEqual({ cvRequirement: 'NONE' });
    const { runScheduledJobs } = await ok<{ runScheduledJobs: { changedCvRequirements: number } }>(t, RUN_JOBS, {}, SYSTEM);
    expect(runScheduledJobs.changedCvRequirements).toBeGreaterThanOrEqual(1);
    expect((await eventsOf(t, 'CV_REQUIREMENT_CHANGED', id)).map((e) => e.payload.cvRequirement)).toEqual(['SEARCHABLE', 'NONE']);
  });
});

let fed = 0;

/** Feeds an absence event to the person subgraph's consumer as the bus would deliver it. */
async function feedAbsence(personId: string, absence: { absenceId: string; typeId: number; exemptions: string[] }): Promise<void> {
  fed += 1;
  const event: DomainEvent = {
    id: `fed-${fed}`,
    stream: 'absence',
    streamPosition: 1_000_000 + fed,
    kind: 'ABSENCE_REGISTERED',
    personId,
    entityType: 'Absence',
    entityId: absence.absenceId,
    authorities: {},
    occurredAt: t.clock.now().toISOString(),
    payload: { ...absence, personId, start: '2026-11-01', end: null, status: 'ACTIVE' },
    schemaVersion: 1,
  };
  const orm = t.system.subgraphs.find((s) => s.name === 'person')!.orm;
  const consumer = personConsumers(t.clock).find((c) => c.name === 'person.absences')!;
  await orm.em.fork().transactional((em) => consumer.handle(em, event));
}
