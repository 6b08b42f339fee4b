// Job ads v2 through the gateway (002, 003): GUID ids, published at once (no drafts), withdrawn or
// expired, specific error codes with nothing written, anonymous ads hiding the employer behind a
// valid CVR and P-number, and who may do what.
import { randomUUID } from 'node:crypto';
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { CALLERS, codeOf, createOrder, inboxKinds, ok, type Caller } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const PUBLISH = 'mutation($i: PublishJobAdInput!) { publishJobAd(input: $i) { id state anonymous employerName cvr pNumber occupation { title } } }';
const AD = 'query($id: ID!) { jobAd(id: $id) { id title text state employerName cvr pNumber } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawJobAd(id: $id) { state withdrawnAt } }';
const base = { title: 'Svejser søges', text: 'Vi søger en erfaren svejser.', occupationCode: '7212.1', employerName: 'Stål A/S', cvr: '24256790', lastPublicationDate: '2026-12-31' };
const anonymous = { ...base, anonymous: true, employerName: undefined, pNumber: '1003388394' };
const publish = async (input: Record<string, unknown>, as: Caller = CALLERS.owner) => (await ok<{ publishJobAd: { id: string } }>(t, PUBLISH, { i: input }, as)).publishJobAd.id;
const published = async () => (await ok<{ jobAds: { id: string }[] }>(t, '{ jobAds(first: 200) { id } }', {}, CALLERS.system)).jobAds.length;

it('publishes at once with a GUID id, its own or a generated one', async () => {
  const chosen = randomUUID();
  expect(await publish({ ...base, id: chosen })).toBe(chosen);
  const generated = await publish(base);
  expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect((await ok<{ jobAd: { state: string } }>(t, AD, { id: generated }, CALLERS.unrelatedJobcentre)).jobAd.state).toBe('PUBLISHED');
  expect(codeOf(await t.gql(PUBLISH, { i: { ...base, id: chosen } }, CALLERS.owner))).toBe('JOB_AD_ID_TAKEN');
  expect(codeOf(await t.gql(PUBLISH, { i: { ...base, id: 'ad-1' } }, CALLERS.owner))).toBe('JOB_AD_ID_INVALID');
});

it('validates CVR and P-number of an anonymous ad and writes nothing on an error', async () => {
  const before = await published();
  expect(codeOf(await t.gql(PUBLISH, { i: { ...anonymous, cvr: '24256791' } }, CALLERS.owner))).toBe('JOB_AD_CVR_INVALID');
  expect(codeOf(await t.gql(PUBLISH, { i: { ...anonymous, pNumber: '123' } }, CALLERS.owner))).toBe('JOB_AD_P_NUMBER_INVALID');
  expect(codeOf(await t.gql(PUBLISH, { i: { ...anonymous, pNumber: null } }, CALLERS.owner))).toBe('JOB_AD_CVR_AND_P_NUMBER_REQUIRED');
  expect(codeOf(await t.gql(PUBLISH, { i: { ...base, occupationCode: '4132.1' } }, CALLERS.owner))).toBe('OCCUPATION_RETIRED');
  expect(codeOf(await t.gql(PUBLISH, { i: { ...base, lastPublicationDate: '2026-11-22' } }, CALLERS.owner))).toBe('JOB_AD_LAST_PUBLICATION_DATE_IN_PAST');
  expect(await published()).toBe(before);
});

it("hides an anonymous ad's employer from everyone but its owner and STAR", async () => {
  const id = await publish(anonymous);
  const as = async (caller: (typeof CALLERS)[keyof typeof CALLERS]) => (await ok<{ jobAd: Record<string, unknown> }>(t, AD, { id }, caller)).jobAd;
  expect(await as(CALLERS.owner)).toMatchObject({ employerName: null, cvr: '24256790', pNumber: '1003388394' });
  expect(await as(CALLERS.system)).toMatchObject({ cvr: '24256790' });
  expect(await as(CALLERS.unrelatedJobcentre)).toMatchObject({ employerName: null, cvr: null, pNumber: null });
  expect(await as(CALLERS.analyst)).toMatchObject({ title: null, text: null, cvr: null });
});

it('is withdrawn by its owner only, once, and then visible to its owner alone', async () => {
  const id = await publish(base);
  expect(codeOf(await t.gql(WITHDRAW, { id }, CALLERS.unrelatedJobcentre))).toBe('FORBIDDEN');
  expect(codeOf(await t.gql(WITHDRAW, { id }, CALLERS.analyst))).toBe('FORBIDDEN');
  expect((await ok<{ withdrawJobAd: { state: string } }>(t, WITHDRAW, { id }, CALLERS.owner)).withdrawJobAd.state).toBe('WITHDRAWN');
  expect(codeOf(await t.gql(WITHDRAW, { id }, CALLERS.owner))).toBe('JOB_AD_ALREADY_WITHDRAWN');
  expect((await t.gql(AD, { id }, CALLERS.unrelatedJobcentre)).data?.jobAd).toBeNull();
  expect(codeOf(await t.gql(WITHDRAW, { id }, CALLERS.unrelatedJobcentre))).toBe('NOT_FOUND');
  expect(await inboxKinds(t, CALLERS.owner)).toEqual(expect.arrayContaining([{ kind: 'JOB_AD_PUBLISHED', entityId: id }, { kind: 'JOB_AD_WITHDRAWN', entityId: id }]));
});

it('expires after its last publication date and can then no longer be withdrawn', async () => {
  const id = await publish({ ...base, lastPublicationDate: '2026-11-30' });
  t.clock.set('2026-12-01T09:00:00Z');
  try {
    expect((await ok<{ jobAd: { state: string } }>(t, AD, { id }, CALLERS.owner)).jobAd.state).toBe('EXPIRED');
    expect((await t.gql(AD, { id }, CALLERS.unrelatedJobcentre)).data?.jobAd).toBeNull();
    expect(codeOf(await t.gql(WITHDRAW, { id }, CALLERS.owner))).toBe('JOB_AD_EXPIRED');
  } finally {
    t.clock.set('2026-11-23T09:00:00Z');
  }
});

it('advertises a job order only for its primary authorities, and not for hidden orders', async () => {
  const order = await createOrder(t);
  expect(codeOf(await t.gql(PUBLISH, { i: { ...base, jobOrderId: order } }, CALLERS.unrelatedJobcentre))).toBe('NOT_FOUND');
  const id = await publish({ ...base, jobOrderId: order });
  const { jobAd } = await ok<{ jobAd: { jobOrder: { id: string } | null } }>(t, 'query($id: ID!) { jobAd(id: $id) { jobOrder { id } } }', { id }, CALLERS.unrelatedJobcentre);
  expect(jobAd.jobOrder).toBeNull();
});

it('keeps one ad when the same GUID is published 10 times at once', async () => {
  const id = randomUUID();
  const responses = await Promise.all(Array.from({ length: 10 }, () => t.gql(PUBLISH, { i: { ...base, id } }, CALLERS.owner)));
  const codes = responses.map(codeOf);
  expect(codes.filter((c) => c === null)).toHaveLength(1);
  expect(codes.filter((c) => c === 'JOB_AD_ID_TAKEN')).toHaveLength(9);
  expect((await inboxKinds(t, CALLERS.owner)).filter((n) => n.entityId === id)).toHaveLength(1);
});
