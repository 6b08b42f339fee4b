// Krav til jobsøgning through the gateway (001 §4.1): who may have them, the at-least-one-of-three
// rule, occupation levels, search areas, and their removal on a change to contact group 10.
import { startConsumer } from '../../../core/consumer';
import { OutboxEvent } from '../../../core/outbox';
import { eventually, startTestSystem, type TestSystem } from '../../../test/support/system';
import { planPersonReactions } from '../consumers';
import { ANALYST, changeGroup, createPerson, eventsOf, fails, JOBCENTRE, ok, planOf, planOrm, visitation } from './support';
import { handDeliveredBus } from '../../../test/support/hand-bus';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const SET = 'mutation($i: JobSearchRequirementsInput!) { setJobSearchRequirements(input: $i) { version changes { id name } } }';

it('creates a Min plan version with code 26 holding occupations, where and other requirements', async () => {
  const { cpr, id } = await createPerson(t, { contactGroupId: 7 });
  const { setJobSearchRequirements } = await ok<{ setJobSearchRequirements: unknown }>(
    t,
    SET,
    { i: { cpr, occupations: [{ code: '5', level: 1 }, { code: '5223', level: 2 }], where: { municipalityCodes: ['101', '147'] }, otherRequirements: 'Mindst 3 ansøgninger om ugen.' } },
    JOBCENTRE,
  );
  expect(setJobSearchRequirements).toEqual({ version: 1, changes: [{ id: 26, name: 'Nye krav til jobsøgning' }] });
  const person = await planOf(t, cpr);
  expect(person.plan).toMatchObject({
    jobSearchRequirements: {
      occupations: [
        { code: '5', level: 1, classification: 'ESCO_STAR' },
        { code: '5223', level: 2, classification: 'ESCO_STAR' },
      ],
      where: { kind: 'MUNICIPALITY_COLLECTION', regionIds: [], municipalityCodes: ['101', '147'] },
      otherRequirements: 'Mindst 3 ansøgninger om ugen.',
    },
  });
  const [event] = await eventsOf(t, 'PLAN_VERSION_CREATED', id);
  expect(event.payload).toMatchObject({ version: 1, changeCodes: [26] });
  expect(event.authorities.jobcentres).toEqual(['101']);
});

it('requires at least one of occupations, where and other requirements, and writes nothing otherwise', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 7 });
  expect(await fails(t, SET, { i: { cpr, occupations: [], where: { labourMarketRegionIds: [] }, otherRequirements: '   ' } }, JOBCENTRE)).toEqual(['JOB_SEARCH_REQUIREMENTS_EMPTY']);
  expect((await planOf(t, cpr)).planVersions).toEqual([]);
  await ok(t, SET, { i: { cpr, where: { labourMarketRegionIds: ['Hovedstaden'] } } }, JOBCENTRE);
  expect((await planOf(t, cpr)).plan?.jobSearchRequirements).toMatchObject({ where: { kind: 'LABOUR_MARKET_REGIONS', regionIds: ['Hovedstaden'] } });
});

it('accepts occupations only at level 1, 2 or 3 and only from the occupation list', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 7 });
  expect(await fails(t, SET, { i: { cpr, occupations: [{ code: '5321', level: 4 }] } }, JOBCENTRE)).toEqual(['OCCUPATION_LEVEL_INVALID']);
  expect(await fails(t, SET, { i: { cpr, occupations: [{ code: '99', level: 2 }] } }, JOBCENTRE)).toEqual(['UNKNOWN_OCCUPATION']);
  // 003: a retired (udgået) ESCO-STAR title cannot be chosen for new data.
  expect(await fails(t, SET, { i: { cpr, occupations: [{ code: '4132.1', level: 3 }] } }, JOBCENTRE)).toEqual(['UNKNOWN_OCCUPATION']);
  await ok(t, SET, { i: { cpr, occupations: [{ code: '5321.1', level: 3 }] } }, JOBCENTRE);
});

it('checks occupations against DiscoAMS08 before 2021-09-18 and ESCO-STAR from then (003)', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 7 });
  try {
    for (const [day, classification] of [['2021-09-17', 'DISCO_AMS08'], ['2021-09-18', 'ESCO_STAR']]) {
      t.clock.set(`${day}T09:00:00Z`);
      await ok(t, SET, { i: { cpr, occupations: [{ code: '5223', level: 2 }] } }, JOBCENTRE);
      expect((await planOf(t, cpr)).plan?.jobSearchRequirements).toMatchObject({ occupations: [{ code: '5223', classification }] });
    }
  } finally {
    t.clock.set('2026-11-23T09:00:00Z');
  }
});

it('takes regions or a municipality collection, never both', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 7 });
  expect(await fails(t, SET, { i: { cpr, where: { labourMarketRegionIds: ['Sjælland'], municipalityCodes: ['101'] } } }, JOBCENTRE)).toEqual(['INVALID_SEARCH_AREA']);
  expect(await fails(t, SET, { i: { cpr, where: { municipalityCodes: ['1O1'] } } }, JOBCENTRE)).toEqual(['INVALID_SEARCH_AREA']);
});

it('allows requirements for contact group 7 and dagpenge, and otherwise only for job-ready or obviously education-ready persons', async () => {
  const requirements = { otherRequirements: 'Søg bredt.' };
  const dagpenge = await createPerson(t, { contactGroupId: 1 });
  await ok(t, SET, { i: { cpr: dagpenge.cpr, ...requirements } }, JOBCENTRE);

  const kontanthjaelp = await createPerson(t, { contactGroupId: 2 });
  expect(await fails(t, SET, { i: { cpr: kontanthjaelp.cpr, ...requirements } }, JOBCENTRE)).toEqual(['JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED']);
  await visitation(t, kontanthjaelp.id, 'ACTIVITY_READY');
  expect(await fails(t, SET, { i: { cpr: kontanthjaelp.cpr, ...requirements } }, JOBCENTRE)).toEqual(['JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED']);
  await visitation(t, kontanthjaelp.id, 'JOB_READY');
  await ok(t, SET, { i: { cpr: kontanthjaelp.cpr, ...requirements } }, JOBCENTRE);

  const uddannelseshjaelp = await createPerson(t, { contactGroupId: 12 });
  await visitation(t, uddannelseshjaelp.id, 'EDUCATION_READY');
  expect(await fails(t, SET, { i: { cpr: uddannelseshjaelp.cpr, ...requirements } }, JOBCENTRE)).toEqual(['JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED']);
  await visitation(t, uddannelseshjaelp.id, 'OBVIOUSLY_EDUCATION_READY');
  await ok(t, SET, { i: { cpr: uddannelseshjaelp.cpr, ...requirements } }, JOBCENTRE);

  const flexEmployed = await createPerson(t, { contactGroupId: 10 });
  await visitation(t, flexEmployed.id, 'JOB_READY');
  expect(await fails(t, SET, { i: { cpr: flexEmployed.cpr, ...requirements } }, JOBCENTRE)).toEqual(['JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED']);
});

it('never shows the free-text other requirements (nor the plan) to analysts', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 7 });
  await ok(t, SET, { i: { cpr, occupations: [{ code: '2', level: 1 }], otherRequirements: 'Borgeren har rygproblemer; undgå tunge løft.' } }, JOBCENTRE);
  const analyst = await t.gql('query($cpr: String!) { person(cpr: $cpr) { plan { jobSearchRequirements { otherRequirements } } } }', { cpr }, ANALYST);
  expect(analyst.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  expect(JSON.stringify(analyst)).not.toContain('rygproblemer');
  expect((await planOf(t, cpr, JOBCENTRE)).plan?.jobSearchRequirements).toMatchObject({ otherRequirements: 'Borgeren har rygproblemer; undgå tunge løft.' });
});

describe('a change to contact group 10 (fleksjobansat)', () => {
  it('removes the requirements in a new version with code 82', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 7, start: '2026-01-01' });
    await ok(t, SET, { i: { cpr, otherRequirements: 'Søg fleksjob.' } }, JOBCENTRE);
    await changeGroup(t, cpr, 10, '2026-11-01');
    const person = await planOf(t, cpr);
    expect(person.plan).toMatchObject({ version: 2, changes: [{ id: 82, name: 'Krav til jobsøgning annulleret' }], jobSearchRequirements: null });
    // The consumer's version is published by the plan relay a moment after the person's mutation.
    await eventually(async () => expect((await eventsOf(t, 'PLAN_VERSION_CREATED', id)).map((e) => e.payload.changeCodes)).toEqual([[26], [82]]));
  });

  it('makes no version when there were no requirements to remove', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 7, start: '2026-01-01' });
    await changeGroup(t, cpr, 10, '2026-11-01');
    expect((await planOf(t, cpr)).planVersions).toEqual([]);
  });

  it('acts once when the bus delivers the same event twice', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 7, start: '2026-01-01' });
    await ok(t, SET, { i: { cpr, otherRequirements: 'Første krav.' } }, JOBCENTRE);
    await changeGroup(t, cpr, 10, '2026-06-01');
    await changeGroup(t, cpr, 7, '2026-09-01');
    await ok(t, SET, { i: { cpr, otherRequirements: 'Nye krav efter fleksjob.' } }, JOBCENTRE);
    const [toGroup10] = (await eventsOf(t, 'CONTACT_GROUP_CHANGED', id)).filter((e) => e.payload.contactGroupId === 10);

    // Redeliver through the real consumer and its stored position, as an at-least-once bus would.
    const { bus: redeliveringBus, deliver } = handDeliveredBus();
    await startConsumer(planOrm(t), redeliveringBus, planPersonReactions(t.clock));
    const outboxBefore = await planOrm(t).em.fork().count(OutboxEvent, {});
    await deliver(toGroup10);

    const person = await planOf(t, cpr);
    expect(person.planVersions.map((v) => v.changes.map((c) => c.id))).toEqual([[26], [82], [26]]);
    expect(person.plan?.jobSearchRequirements).toMatchObject({ otherRequirements: 'Nye krav efter fleksjob.' });
    expect(await planOrm(t).em.fork().count(OutboxEvent, {})).toBe(outboxBefore);
  });
});
