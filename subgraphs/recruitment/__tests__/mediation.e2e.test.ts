// Mediation through the gateway (001 §5.1): mediate (1), remove (6), approve (8), result (9); the
// citizen's jobcentre outside the collaboration gains read access to an internal order and is told;
// and races: parallel requests that must leave exactly one mediation or one state change.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { CALLERS, codeOf, collaboration, createOrder, inboxKinds, MEDIATE, mediate, ok, person } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await collaboration(t, 'Rekruttering Fyn', ['101', '147']);
  for (const [cpr, municipality] of [['0101904610', '461'], ['0101901470', '147'], ['0201904610', '461'], ['0301904610', '461'], ['0401904610', '461']]) await person(t, cpr, municipality);
});
afterAll(() => t.stop());

const EVENTS = 'query($id: ID!) { jobOrder(id: $id) { events { actionType { id } mediation { id } } } }';
const actionTypes = async (id: string) =>
  (await ok<{ jobOrder: { events: { actionType: { id: number } }[] } }>(t, EVENTS, { id }, CALLERS.owner)).jobOrder.events.map((e) => e.actionType.id);

it("lets the citizen's jobcentre outside the collaboration read an internal order once its citizen is mediated, and tells it", async () => {
  const id = await createOrder(t);
  const READ = 'query($id: ID!) { jobOrder(id: $id) { id editable } }';
  expect((await t.gql(READ, { id }, CALLERS.mediatedCitizensJobcentre)).data?.jobOrder).toBeNull();
  const mediationId = await mediate(t, id, '0101904610');
  expect((await ok<{ jobOrder: { editable: boolean } }>(t, READ, { id }, CALLERS.mediatedCitizensJobcentre)).jobOrder).toEqual({ id, editable: false });
  expect(await inboxKinds(t, CALLERS.mediatedCitizensJobcentre)).toContainEqual({ kind: 'CANDIDATE_MEDIATED', entityId: mediationId });
  expect((await inboxKinds(t, CALLERS.collaborationMember)).filter((n) => n.entityId === mediationId)).toEqual([{ kind: 'CANDIDATE_MEDIATED', entityId: mediationId }]);
  expect((await inboxKinds(t, CALLERS.unrelatedJobcentre)).filter((n) => n.entityId === mediationId)).toEqual([]);
  const notification = await ok<{ inbox: { nodes: { kind: string; person: { id: string } | null }[] } }>(t, '{ inbox { nodes { kind person { id } } } }', {}, CALLERS.mediatedCitizensJobcentre);
  expect(notification.inbox.nodes.find((n) => n.kind === 'CANDIDATE_MEDIATED')?.person?.id).toBeDefined();
});

it('walks a candidate through approval (8) and result (9) with a coordinator', async () => {
  const id = await createOrder(t, { caseWorkerAllowed: true });
  const mediationId = await mediate(t, id, '0101901470', CALLERS.collaborationMember);
  const RESULT = 'mutation($id: ID!) { reportMediationResult(input: { mediationId: $id, outcome: HIRED }) { status outcome } }';
  expect(codeOf(await t.gql(RESULT, { id: mediationId }, CALLERS.owner))).toBe('MEDIATION_NOT_APPROVED');
  await ok(t, 'mutation($id: ID!) { approveCandidate(mediationId: $id) { status } }', { id: mediationId }, CALLERS.owner);
  expect((await ok<{ reportMediationResult: unknown }>(t, RESULT, { id: mediationId }, CALLERS.owner)).reportMediationResult).toEqual({ status: 'RESULT_REPORTED', outcome: 'HIRED' });
  expect(await actionTypes(id)).toEqual([3, 1, 8, 9]);
  expect((await inboxKinds(t, CALLERS.collaborationMember)).filter((n) => n.entityId === mediationId).map((n) => n.kind)).toEqual([
    'CANDIDATE_MEDIATED', 'CANDIDATE_APPROVED', 'MEDIATION_RESULT_REPORTED',
  ]);
});

it('needs no approval without a coordinator, removes (6) and mediates a removed candidate again', async () => {
  const id = await createOrder(t);
  const mediationId = await mediate(t, id, '0201904610');
  expect(codeOf(await t.gql('mutation($id: ID!) { approveCandidate(mediationId: $id) { status } }', { id: mediationId }, CALLERS.owner))).toBe('NO_COORDINATOR');
  await ok(t, 'mutation($id: ID!) { removeCandidate(mediationId: $id) { status } }', { id: mediationId }, CALLERS.owner);
  expect(codeOf(await t.gql('mutation($id: ID!) { removeCandidate(mediationId: $id) { status } }', { id: mediationId }, CALLERS.owner))).toBe('MEDIATION_STATUS_INVALID');
  expect(await mediate(t, id, '0201904610')).toBe(mediationId);
  expect(await actionTypes(id)).toEqual([3, 1, 6, 1]);
});

it('refuses an unknown CPR and a person the CPR feed has not delivered', async () => {
  const id = await createOrder(t);
  expect(codeOf(await t.gql(MEDIATE, { i: { jobOrderId: id, cpr: '12345' } }, CALLERS.owner))).toBe('INVALID_CPR');
  expect(codeOf(await t.gql(MEDIATE, { i: { jobOrderId: id, cpr: '0101991234' } }, CALLERS.owner))).toBe('PERSON_NOT_FOUND');
});

describe('races', () => {
  it('keeps one mediation when the same candidate is mediated to the same order 20 times at once', async () => {
    const id = await createOrder(t, { isInternal: false });
    const callers = [CALLERS.owner, CALLERS.collaborationMember, CALLERS.unrelatedJobcentre, CALLERS.mediatedCitizensJobcentre];
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => t.gql(MEDIATE, { i: { jobOrderId: id, cpr: '0301904610' } }, callers[i % callers.length])));
    const codes = responses.map(codeOf);
    expect(codes.filter((c) => c === null)).toHaveLength(1);
    expect(codes.filter((c) => c === 'ALREADY_MEDIATED')).toHaveLength(19);
    const { jobOrder } = await ok<{ jobOrder: { mediations: { id: string }[] } }>(t, 'query($id: ID!) { jobOrder(id: $id) { mediations { id } } }', { id }, CALLERS.owner);
    expect(jobOrder.mediations).toHaveLength(1);
    expect((await actionTypes(id)).filter((a) => a === 1)).toHaveLength(1);
  });

  it('approves once when the coordinator approves 10 times at once', async () => {
    const id = await createOrder(t, { caseWorkerAllowed: true });
    const mediationId = await mediate(t, id, '0401904610');
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.gql('mutation($id: ID!) { approveCandidate(mediationId: $id) { status } }', { id: mediationId }, CALLERS.owner)));
    const codes = responses.map(codeOf);
    expect(codes.filter((c) => c === null)).toHaveLength(1);
    expect(codes.filter((c) => c === 'MEDIATION_STATUS_INVALID')).toHaveLength(9);
    expect((await actionTypes(id)).filter((a) => a === 8)).toHaveLength(1);
  });

  it('releases once when the order is released 10 times at once', async () => {
    const id = await createOrder(t);
    const UPDATE = 'mutation($id: ID!) { updateJobOrder(input: { id: $id, isInternal: false }) { isInternal } }';
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => t.gql(UPDATE, { id }, i % 2 ? CALLERS.owner : CALLERS.collaborationMember)));
    expect(responses.map(codeOf).every((c) => c === null)).toBe(true);
    expect(await actionTypes(id)).toEqual([3, 10]);
  });
});
