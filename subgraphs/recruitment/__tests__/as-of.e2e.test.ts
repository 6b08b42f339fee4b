// Mediations read as of a day through the gateway (issue 18): person(cpr:, asOf:) shows only the
// mediations made by then, each with its status of that day; who may see them stays on today.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { CALLERS, collaboration, createOrder, mediate, ok, person } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await collaboration(t, 'Rekruttering Fyn', ['101', '147']);
  await person(t, '0501904610', '461');
});
afterAll(() => t.stop());

const MEDIATIONS = 'query($cpr: String!, $asOf: Date) { person(cpr: $cpr, asOf: $asOf) { mediations { id status } } }';
const mediationsOn = async (asOf: string | null) =>
  (await ok<{ person: { mediations: { id: string; status: string }[] } }>(t, MEDIATIONS, { cpr: '0501904610', asOf }, CALLERS.owner)).person.mediations;

it('shows a mediation from the day it was made, and its removal from the day it was removed', async () => {
  const id = await createOrder(t);
  const mediationId = await mediate(t, id, '0501904610'); // 2026-11-23
  t.clock.set('2026-11-25T09:00:00Z');
  await ok(t, 'mutation($id: ID!) { removeCandidate(mediationId: $id) { status } }', { id: mediationId }, CALLERS.owner);

  expect(await mediationsOn('2026-11-22')).toEqual([]);
  expect(await mediationsOn('2026-11-23')).toEqual([{ id: mediationId, status: 'MEDIATED' }]);
  expect(await mediationsOn('2026-11-24')).toEqual([{ id: mediationId, status: 'MEDIATED' }]);
  expect(await mediationsOn('2026-11-25')).toEqual([{ id: mediationId, status: 'REMOVED' }]);
  expect(await mediationsOn(null)).toEqual([{ id: mediationId, status: 'REMOVED' }]);
});
