// Issue 18's story across the five subgraphs, through the gateway: changes recorded on 2026-11-30
// for 2026-12-20 are scheduled (every subgraph keeps today's state; registrations are checked on
// their own dates), the system is down over the effective date, and on restart each change takes
// effect once, with what follows from it in person, absence and plan, every notification dated
// 2026-12-20; `person(cpr:, asOf:)` reads either side of the date afterwards. On SQLite and the
// in-process bus by default; on PostgreSQL and JetStream in CI (TEST_DATABASE_URL, TEST_NATS_URL).
import { ScheduledEffect } from '../core/effectuation';
import { KnownPerson } from '../subgraphs/common/person-directory';
import { createPerson as createPlanPerson, visitation } from '../subgraphs/plan/__tests__/support';
import { JOBCENTRE, SYSTEM, fails, ok } from './support/callers';
import { eventually, startTestSystem, type TestSystem } from './support/system';

const jetstream = Boolean(process.env.TEST_NATS_URL);
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-30', jetstream });
});
afterAll(() => t.stop());

const CHANGE = 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }';
const ABSENCE = 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id status } }';
const REQUIREMENTS = 'mutation($i: JobSearchRequirementsInput!) { setJobSearchRequirements(input: $i) { version } }';
const OVERVIEW = `
  contactGroup { contactGroup { id } start end }
  scheduledContactGroupChanges { contactGroup { id } start }
  cvRequirement
  absences { id type { id } start end status }
  plan { changes { id } jobSearchRequirements { otherRequirements } }
`;

interface Overview {
  contactGroup: { contactGroup: { id: number }; start: string; end: string | null };
  scheduledContactGroupChanges: { contactGroup: { id: number }; start: string }[];
  cvRequirement: string;
  absences: { id: string; type: { id: number }; start: string; end: string | null; status: string }[];
  plan: { changes: { id: number }[]; jobSearchRequirements: { otherRequirements: string | null } | null } | null;
}

async function overview(cpr: string, asOf?: string): Promise<Overview> {
  const data = await ok<{ person: Overview }>(t, `query($cpr: String!, $asOf: Date) { person(cpr: $cpr, asOf: $asOf) { ${OVERVIEW} } }`, { cpr, asOf: asOf ?? null }, JOBCENTRE);
  return data.person;
}

interface Notice {
  kind: string;
  effectiveDate: string;
  occurredAt: string;
  person: { id: string } | null;
}

async function notices(personId: string): Promise<Notice[]> {
  const data = await ok<{ inbox: { nodes: Notice[] } }>(t, 'query { inbox(first: 500) { nodes { kind effectiveDate occurredAt person { id } } } }', {}, JOBCENTRE);
  return data.inbox.nodes.filter((n) => n.person?.id === personId);
}

const groupOf = (o: Overview) => o.contactGroup.contactGroup.id;

let toTen: { id: string; cpr: string };
let toOne: { id: string; cpr: string };
const absence = { endsBefore: '', spansChange: '' };

describe('recorded on 2026-11-30 for 2026-12-20', () => {
  it('a change from group 2 to 10 is scheduled: person, plan and notifications keep group 2 today', async () => {
    toTen = await createPlanPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    // Over JetStream the plan subgraph learns of the person a moment later.
    await eventually(async () => {
      await visitation(t, toTen.id, 'JOB_READY');
      await ok(t, REQUIREMENTS, { i: { cpr: toTen.cpr, otherRequirements: 'Mindst 3 ansøgninger om ugen.' } }, JOBCENTRE);
    });
    await ok(t, CHANGE, { i: { cpr: toTen.cpr, contactGroupId: 10, start: '2026-12-20' } }, JOBCENTRE);

    const today = await eventually(async () => {
      const o = await overview(toTen.cpr);
      expect(o.scheduledContactGroupChanges).toEqual([{ contactGroup: { id: 10 }, start: '2026-12-20' }]);
      return o;
    });
    expect(groupOf(today)).toBe(2);
    expect(today.cvRequirement).toBe('SEARCHABLE');
    expect(today.plan?.changes.map((c) => c.id)).not.toContain(82);
    expect(today.plan?.jobSearchRequirements).toEqual({ otherRequirements: 'Mindst 3 ansøgninger om ugen.' });
    const told = await eventually(async () => {
      const found = await notices(toTen.id);
      expect(found.map((n) => n.kind)).toContain('CONTACT_GROUP_CHANGE_SCHEDULED');
      return found;
    });
    expect(told.find((n) => n.kind === 'CONTACT_GROUP_CHANGE_SCHEDULED')?.effectiveDate).toBe('2026-12-20');
    // The only change in force is the opening of group 2, dated its own start.
    expect(told.filter((n) => n.kind === 'CONTACT_GROUP_CHANGED').map((n) => n.effectiveDate)).toEqual(['2026-01-05']);
  });

  it('absences are checked against the group in force on their own start while a change to group 1 is pending', async () => {
    toOne = await createPlanPerson(t, { contactGroupId: 2, start: '2026-01-05' });
    absence.endsBefore = await eventually(async () => (await ok<{ registerAbsence: { id: string } }>(t, ABSENCE, { i: { cpr: toOne.cpr, typeId: 79, start: '2026-11-23', end: '2026-12-19' } }, JOBCENTRE)).registerAbsence.id);
    await ok(t, CHANGE, { i: { cpr: toOne.cpr, contactGroupId: 1, start: '2026-12-20' } }, JOBCENTRE);
    // Over JetStream the absence subgraph hears of the scheduled change a moment later.
    await eventually(async () => {
      const known = await t.system.subgraphs.find((s) => s.name === 'absence')!.orm.em.fork().findOneOrFail(KnownPerson, { id: toOne.id });
      expect(known.contactGroups.map((g) => g.start)).toContain('2026-12-20');
    });
    // 79 is legal in today's group 2, not in the pending group 1 (dagpenge).
    expect(await fails(t, ABSENCE, { i: { cpr: toOne.cpr, typeId: 79, start: '2026-12-20', end: '2027-01-31' } }, JOBCENTRE)).toEqual(['ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP']);
    // Starting before the change: checked against group 2, then ended by the change on its day.
    absence.spansChange = (await ok<{ registerAbsence: { id: string } }>(t, ABSENCE, { i: { cpr: toOne.cpr, typeId: 79, start: '2026-12-01', end: '2027-01-31' } }, JOBCENTRE)).registerAbsence.id;
    const today = await overview(toOne.cpr);
    expect(groupOf(today)).toBe(2);
    expect(today.absences.map((a) => [a.id, a.status, a.end]).sort()).toEqual(
      [
        [absence.endsBefore, 'ACTIVE', '2026-12-19'],
        [absence.spansChange, 'PLANNED', '2027-01-31'],
      ].sort(),
    );
  });
});

describe('down over midnight, up on 2026-12-20', () => {
  beforeAll(async () => {
    await t.restart(() => t.clock.set('2026-12-20T06:00:00Z'));
  });

  it('each scheduled change took effect once at start, dated its day', async () => {
    const person = t.system.subgraphs.find((s) => s.name === 'person')!;
    const effects = await person.orm.em.fork().find(ScheduledEffect, { personId: { $in: [toTen.id, toOne.id] } });
    expect(effects.map((e) => [e.effectiveOn, e.effectedAt !== null])).toEqual([
      ['2026-12-20', true],
      ['2026-12-20', true],
    ]);
    // Another replica (or the minute timer) finds nothing left to apply.
    expect(await person.effectuate()).toEqual({ applied: 0, failed: 0 });
    const { runScheduledJobs } = await ok<{ runScheduledJobs: { effectuatedChanges: number } }>(t, 'mutation { runScheduledJobs { effectuatedChanges } }', {}, SYSTEM);
    expect(runScheduledJobs.effectuatedChanges).toBe(0);
  });

  it('group 10 is in force: CV requirement NONE, plan version with code 82 without job-search requirements', async () => {
    const today = await eventually(async () => {
      const o = await overview(toTen.cpr);
      expect(o.plan?.changes.map((c) => c.id)).toContain(82);
      return o;
    });
    expect(today.contactGroup).toEqual({ contactGroup: { id: 10 }, start: '2026-12-20', end: null });
    expect(today.scheduledContactGroupChanges).toEqual([]);
    expect(today.cvRequirement).toBe('NONE');
    expect(today.plan?.jobSearchRequirements).toBeNull();
  });

  it('notifies the change, its CV requirement and the plan version once each, dated 2026-12-20', async () => {
    const onTheDay = await eventually(async () => {
      const found = (await notices(toTen.id)).filter((n) => n.occurredAt >= '2026-12-20');
      expect(found.map((n) => n.kind)).toEqual(expect.arrayContaining(['CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED', 'PLAN_VERSION_CREATED']));
      return found;
    });
    expect(onTheDay.filter((n) => n.kind === 'CONTACT_GROUP_CHANGED')).toHaveLength(1);
    for (const notice of onTheDay) expect([notice.kind, notice.effectiveDate]).toEqual([notice.kind, '2026-12-20']);
  });

  it('the change to group 1 ended the absence that spans it on the day, and left the one that ended before alone', async () => {
    const today = await eventually(async () => {
      const o = await overview(toOne.cpr);
      expect(o.absences.find((a) => a.id === absence.spansChange)?.status).toBe('ENDED');
      return o;
    });
    expect(groupOf(today)).toBe(1);
    expect(today.absences.find((a) => a.id === absence.spansChange)).toMatchObject({ status: 'ENDED', end: '2026-12-19' });
    expect(today.absences.find((a) => a.id === absence.endsBefore)).toMatchObject({ status: 'ENDED', end: '2026-12-19' });
    await eventually(async () => {
      const ended = (await notices(toOne.id)).filter((n) => n.kind === 'ABSENCE_ENDED');
      expect(ended.map((n) => n.effectiveDate)).toEqual(['2026-12-20']);
    });
  });

  it('reads either side of the day as of that day, in every subgraph', async () => {
    const before = await overview(toTen.cpr, '2026-12-19');
    expect(groupOf(before)).toBe(2);
    expect(before.scheduledContactGroupChanges).toEqual([{ contactGroup: { id: 10 }, start: '2026-12-20' }]);
    expect(before.cvRequirement).toBe('SEARCHABLE');
    expect(before.plan?.changes.map((c) => c.id)).not.toContain(82);
    expect(before.plan?.jobSearchRequirements).toEqual({ otherRequirements: 'Mindst 3 ansøgninger om ugen.' });

    const spanning = await overview(toOne.cpr, '2026-12-10');
    expect(groupOf(spanning)).toBe(2);
    expect(spanning.absences.find((a) => a.id === absence.spansChange)?.status).toBe('ACTIVE');
    expect(spanning.absences.find((a) => a.id === absence.endsBefore)?.status).toBe('ACTIVE');
  });
});
