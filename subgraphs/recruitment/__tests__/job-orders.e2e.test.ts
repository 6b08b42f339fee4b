// Job orders v3 through the gateway (001 §5.1, 003): defaults, limits with nothing written on bad
// input, release to the national list and back as updates with their events, status, retired
// occupation titles, and the import of orders that existed before v3.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { CALLERS, codeOf, collaboration, createOrder, inboxKinds, ok, type Caller } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await collaboration(t, 'Rekruttering Sjælland', ['101', '147']);
});
afterAll(() => t.stop());

const ORDER = `query($id: ID!) { jobOrder(id: $id) {
  id title description isInternal numberOfPositions caseWorkerAllowed coordinator { kind code } origin status
  occupationCode occupation { code title classification retired } originalOccupationCode owner { kind code }
  collaboration { name members { kind code } } events { actionType { id name } performedBy { kind code } }
} }`;
type Order = {
  isInternal: boolean; numberOfPositions: number | null; caseWorkerAllowed: boolean; coordinator: { kind: string; code: string } | null;
  origin: string; status: string; occupationCode: string | null; occupation: { code: string; title: string; classification: string; retired: boolean } | null;
  originalOccupationCode: string | null; description: string; events: { actionType: { id: number; name: string }; performedBy: { code: string } | null }[];
  collaboration: { name: string; members: { kind: string; code: string }[] } | null;
};
const read = async (id: string, as: Caller = CALLERS.owner) => (await ok<{ jobOrder: Order }>(t, ORDER, { id }, as)).jobOrder;
const UPDATE = 'mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { id isInternal } }';
const ordersOf = async () => (await ok<{ jobOrders: { id: string }[] }>(t, '{ jobOrders(first: 200) { id } }', {}, CALLERS.system)).jobOrders.length;

it('creates an internal order by default, owned by the jobcentre, in its collaboration, with event 3', async () => {
  const order = await read(await createOrder(t));
  expect(order).toMatchObject({ isInternal: true, numberOfPositions: null, caseWorkerAllowed: false, coordinator: null, origin: 'CASEWORKER_SYSTEM', status: 'OPEN' });
  expect(order.collaboration).toEqual({ name: 'Rekruttering Sjælland', members: [{ kind: 'JOBCENTRE', code: '101' }, { kind: 'JOBCENTRE', code: '147' }] });
  expect(order.events).toEqual([{ actionType: { id: 3, name: 'Jobordre oprettet' }, performedBy: { kind: 'JOBCENTRE', code: '101' } }]);
});

it('creates a public order when asked, and stores the number of positions', async () => {
  expect(await read(await createOrder(t, { isInternal: false, numberOfPositions: 4 }))).toMatchObject({ isInternal: false, numberOfPositions: 4 });
});

it('refuses a 5001-character description with a typed error and writes nothing', async () => {
  const before = await ordersOf();
  const response = await t.gql('mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }', { i: { title: 'Kok', description: 'x'.repeat(5001) } }, CALLERS.owner);
  expect(codeOf(response)).toBe('DESCRIPTION_TOO_LONG');
  expect(response.errors?.[0].extensions).toMatchObject({ field: 'description', maxLength: 5000, length: 5001 });
  expect(await ordersOf()).toBe(before);
  expect(await read(await createOrder(t, { description: 'x'.repeat(5000) }))).toMatchObject({ description: 'x'.repeat(5000) });
});

it('refuses a number of positions below 1', async () => {
  const response = await t.gql('mutation { createJobOrder(input: { title: "Kok", description: "Køkken", numberOfPositions: 0 }) { id } }', {}, CALLERS.owner);
  expect(codeOf(response)).toBe('NUMBER_OF_POSITIONS_INVALID');
});

it('attaches the caseworker as coordinator with caseWorkerAllowed', async () => {
  expect(await read(await createOrder(t, { caseWorkerAllowed: true }))).toMatchObject({ caseWorkerAllowed: true, coordinator: { kind: 'JOBCENTRE', code: '101' } });
});

it("always gives an employer's order (system on behalf of Jobnet for Arbejdsgivere) a coordinator", async () => {
  const id = await createOrder(t, { responsibleJobcentre: '147' }, CALLERS.system);
  expect(await read(id, CALLERS.collaborationMember)).toMatchObject({ origin: 'EMPLOYER', caseWorkerAllowed: true, coordinator: { kind: 'JOBCENTRE', code: '147' }, isInternal: true });
  expect(codeOf(await t.gql(UPDATE, { i: { id, caseWorkerAllowed: false } }, CALLERS.collaborationMember))).toBe('COORDINATOR_REQUIRED');
  const refused = await t.gql('mutation { createJobOrder(input: { title: "Kok", description: "Køkken", responsibleJobcentre: "147", caseWorkerAllowed: false }) { id } }', {}, CALLERS.system);
  expect(codeOf(refused)).toBe('COORDINATOR_REQUIRED');
});

it('releases to the national list (10) and makes internal again (11) as updates, recorded and notified', async () => {
  const id = await createOrder(t);
  await ok(t, UPDATE, { i: { id, isInternal: false } }, CALLERS.collaborationMember);
  expect((await t.gql('query($id: ID!) { jobOrder(id: $id) { id } }', { id }, CALLERS.unrelatedJobcentre)).data?.jobOrder).toEqual({ id });
  await ok(t, UPDATE, { i: { id, isInternal: true, description: 'Nattevagt.' } }, CALLERS.owner);
  expect((await t.gql('query($id: ID!) { jobOrder(id: $id) { id } }', { id }, CALLERS.unrelatedJobcentre)).data?.jobOrder).toBeNull();
  expect((await read(id)).events.map((e) => e.actionType.id)).toEqual([3, 10, 4, 11]);
  const toMember = (await inboxKinds(t, CALLERS.collaborationMember)).filter((n) => n.entityId === id).map((n) => n.kind);
  expect(toMember).toEqual(['JOB_ORDER_CREATED', 'JOB_ORDER_RELEASED', 'JOB_ORDER_UPDATED', 'JOB_ORDER_MADE_INTERNAL']);
  expect((await inboxKinds(t, CALLERS.unrelatedJobcentre)).filter((n) => n.entityId === id)).toEqual([]);
});

it('records nothing for an update that changes nothing', async () => {
  const id = await createOrder(t);
  await ok(t, UPDATE, { i: { id, isInternal: true } }, CALLERS.owner);
  expect((await read(id)).events).toHaveLength(1);
});

it('puts on hold (7), reopens (7) and closes for good (5); a closed order takes no edits or mediations', async () => {
  const id = await createOrder(t);
  const STATUS = 'mutation($id: ID!, $s: JobOrderStatus!) { changeJobOrderStatus(input: { id: $id, status: $s }) { status } }';
  await ok(t, STATUS, { id, s: 'ON_HOLD' }, CALLERS.owner);
  expect(codeOf(await t.gql('mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id } }', { i: { jobOrderId: id, cpr: '0101901234' } }, CALLERS.owner))).toBe('JOB_ORDER_NOT_OPEN');
  await ok(t, STATUS, { id, s: 'OPEN' }, CALLERS.owner);
  await ok(t, 'mutation($id: ID!) { briefEmployer(jobOrderId: $id) { id } }', { id }, CALLERS.owner);
  await ok(t, STATUS, { id, s: 'CLOSED' }, CALLERS.owner);
  expect(codeOf(await t.gql(STATUS, { id, s: 'OPEN' }, CALLERS.owner))).toBe('JOB_ORDER_CLOSED');
  expect(codeOf(await t.gql(UPDATE, { i: { id, description: 'Mere' } }, CALLERS.owner))).toBe('JOB_ORDER_CLOSED');
  expect((await read(id)).events.map((e) => e.actionType.id)).toEqual([3, 7, 7, 2, 5]);
});

describe('occupations (ESCO-STAR, 003)', () => {
  it('refuses a retired title for a new order and converts an old DiscoAMS08 title', async () => {
    const response = await t.gql('mutation { createJobOrder(input: { title: "Fabrik", description: "Pakning", occupationCode: "932910" }) { id } }', {}, CALLERS.owner);
    expect(codeOf(response)).toBe('OCCUPATION_RETIRED');
    const id = await createOrder(t, { occupationCode: '512020' });
    expect(await read(id)).toMatchObject({ occupationCode: '5120.1', occupation: { title: 'Kok', classification: 'ESCO_STAR' }, originalOccupationCode: null });
    expect(await read(id, CALLERS.system)).toMatchObject({ originalOccupationCode: '512020' });
  });

  it('lists titles that may be chosen, and maps old titles', async () => {
    const data = await ok<{ occupations: { code: string }[]; occupation: { retired: boolean; escoStar: null | { code: string } } }>(
      t,
      '{ occupations(search: "data") { code } occupation(code: "512020", classification: DISCO_AMS08) { retired escoStar { code } } }',
      {},
      CALLERS.analyst,
    );
    expect(data.occupations).toEqual([]);
    expect(data.occupation).toEqual({ retired: false, escoStar: { code: '5120.1' } });
  });
});

describe('orders existing before v3', () => {
  const IMPORT = 'mutation($i: ImportJobOrderInput!) { importJobOrder(input: $i) { id isInternal origin createdAt } }';
  const old = { legacyId: 'JO-2020-4711', title: 'Fabriksarbejder', description: 'Pakning af varer.', occupationCode: '932910', owningJobcentre: '101', hasCoordinator: false, createdAt: '2020-06-01T08:00:00Z' };

  it('are imported by the system role only, public, with their creation time and event 3', async () => {
    expect(codeOf(await t.gql(IMPORT, { i: old }, CALLERS.owner))).toBe('FORBIDDEN');
    const { importJobOrder } = await ok<{ importJobOrder: { id: string; isInternal: boolean; origin: string; createdAt: string } }>(t, IMPORT, { i: old });
    expect(importJobOrder).toMatchObject({ isInternal: false, origin: 'IMPORTED_BEFORE_V3', createdAt: '2020-06-01T08:00:00.000Z' });
    expect((await read(importJobOrder.id, CALLERS.unrelatedJobcentre)).events.map((e) => e.actionType.id)).toEqual([3]);
    expect(await inboxKinds(t, CALLERS.owner)).toContainEqual({ kind: 'JOB_ORDER_IMPORTED', entityId: importJobOrder.id });
    expect(codeOf(await t.gql(IMPORT, { i: old }))).toBe('JOB_ORDER_ALREADY_IMPORTED');
  });

  it('refuses orders created from the v3 release on', async () => {
    expect(codeOf(await t.gql(IMPORT, { i: { ...old, legacyId: 'JO-2021-1', createdAt: '2021-03-15T07:00:00Z' } }))).toBe('IMPORT_NOT_BEFORE_V3');
  });

  it('carry a retired title until edited, and then demand a valid one', async () => {
    const { importJobOrder } = await ok<{ importJobOrder: { id: string } }>(t, IMPORT, { i: { ...old, legacyId: 'JO-2020-4712' } });
    const id = importJobOrder.id;
    expect(await read(id)).toMatchObject({ occupationCode: '932910', occupation: { classification: 'DISCO_AMS08', retired: true } });
    expect(codeOf(await t.gql(UPDATE, { i: { id, numberOfPositions: 2 } }, CALLERS.owner))).toBe('VALID_OCCUPATION_REQUIRED');
    await ok(t, UPDATE, { i: { id, numberOfPositions: 2, occupationCode: '9333.1' } }, CALLERS.owner);
    expect(await read(id)).toMatchObject({ occupationCode: '9333.1', numberOfPositions: 2, occupation: { title: 'Lagermedarbejder', retired: false } });
    expect(await read(id, CALLERS.system)).toMatchObject({ originalOccupationCode: '932910' });
  });
});

it('lists the event action types 1-11', async () => {
  const { jobOrderEventActionTypes } = await ok<{ jobOrderEventActionTypes: { id: number }[] }>(t, '{ jobOrderEventActionTypes { id name description } }', {}, CALLERS.analyst);
  expect(jobOrderEventActionTypes.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
});
