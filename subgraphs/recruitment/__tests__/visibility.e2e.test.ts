// The visibility and edit matrix of job orders (001 §5.1) through the gateway, for every operation:
// owner, collaboration member (jobcentre and a-kasse), the mediated citizen's jobcentre, an
// unrelated jobcentre and a-kasse, an analyst and the system role. Outsiders of an internal order get
// exactly what an unknown id gets: null or NOT_FOUND, never FORBIDDEN.
import { randomUUID } from 'node:crypto';
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { CALLERS, codeOf, collaboration, createOrder, inboxKinds, mediate, membership, ok, person, type Caller } from './support';

let t: TestSystem;
let internal: string;
let pub: string;
let mediationOnInternal: string;
const CPR = { of461: '0101904610', of101: '0101901010', of751: '0101907510', of751b: '0201907510', of147: '0101901470' };

beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await person(t, CPR.of461, '461');
  await person(t, CPR.of101, '101');
  await person(t, CPR.of751, '751');
  await person(t, CPR.of751b, '751');
  await person(t, CPR.of147, '147');
  await membership(t, CPR.of101, '21');
  await membership(t, CPR.of751b, '5');
  await collaboration(t, 'Rekrutteringssamarbejde Hovedstaden', ['101', '147'], ['21']);
  internal = await createOrder(t, { caseWorkerAllowed: true });
  pub = await createOrder(t, { isInternal: false, caseWorkerAllowed: true });
  mediationOnInternal = await mediate(t, internal, CPR.of461);
});
afterAll(() => t.stop());

type Name = keyof typeof CALLERS;
const NAMES = Object.keys(CALLERS) as Name[];
const run = (query: string, variables: Record<string, unknown>, as: Caller) => t.gql(query, variables, as);

const JOB_ORDER = 'query($id: ID!) { jobOrder(id: $id) { id title description isInternal editable } }';

describe('jobOrder(id)', () => {
  const seesInternal: Record<Name, boolean> = {
    owner: true, collaborationMember: true, collaborationAkasse: true, mediatedCitizensJobcentre: true,
    unrelatedJobcentre: false, unrelatedAkasse: false, analyst: false, system: true,
  };
  it.each(NAMES)('internal order as %s', async (name) => {
    const response = await run(JOB_ORDER, { id: internal }, CALLERS[name]);
    expect(response.errors).toBeUndefined();
    expect(response.data?.jobOrder === null).toBe(!seesInternal[name]);
  });

  it('answers an outsider exactly as for an id that does not exist', async () => {
    const asOutsider = await run(JOB_ORDER, { id: internal }, CALLERS.unrelatedJobcentre);
    const unknown = await run(JOB_ORDER, { id: randomUUID() }, CALLERS.unrelatedJobcentre);
    expect(asOutsider).toEqual(unknown);
  });

  it('shows every role a public order, but analysts no free text', async () => {
    for (const name of NAMES) {
      const { jobOrder } = await ok<{ jobOrder: { title: string | null; description: string | null } }>(t, JOB_ORDER, { id: pub }, CALLERS[name]);
      expect(jobOrder.title === null).toBe(name === 'analyst');
      expect(jobOrder.description === null).toBe(name === 'analyst');
    }
  });

  it('marks the order editable for primary authorities only', async () => {
    const editable = async (name: Name) => (await ok<{ jobOrder: { editable: boolean } }>(t, JOB_ORDER, { id: pub }, CALLERS[name])).jobOrder.editable;
    expect(await editable('collaborationAkasse')).toBe(true);
    expect(await editable('mediatedCitizensJobcentre')).toBe(false);
    expect(await editable('unrelatedJobcentre')).toBe(false);
  });
});

describe('jobOrders', () => {
  it.each(NAMES)('lists the internal order only to those who may see it: %s', async (name) => {
    const { jobOrders } = await ok<{ jobOrders: { id: string }[] }>(t, '{ jobOrders { id } }', {}, CALLERS[name]);
    const ids = jobOrders.map((o) => o.id);
    expect(ids).toContain(pub);
    expect(ids.includes(internal)).toBe(!['unrelatedJobcentre', 'unrelatedAkasse', 'analyst'].includes(name));
  });
});

/** Expected answer of an edit per caller, on the internal and on the public order. */
const EDIT: Record<Name, [unknown, unknown]> = {
  owner: [null, null],
  collaborationMember: [null, null],
  collaborationAkasse: [null, null],
  mediatedCitizensJobcentre: ['FORBIDDEN', 'FORBIDDEN'],
  unrelatedJobcentre: ['NOT_FOUND', 'FORBIDDEN'],
  unrelatedAkasse: ['NOT_FOUND', 'FORBIDDEN'],
  analyst: ['FORBIDDEN', 'FORBIDDEN'],
  system: [null, null],
};

describe.each([
  ['updateJobOrder', 'mutation($id: ID!) { updateJobOrder(input: { id: $id, numberOfPositions: 2 }) { id } }'],
  ['changeJobOrderStatus', 'mutation($id: ID!) { changeJobOrderStatus(input: { id: $id, status: OPEN }) { id } }'],
  ['briefEmployer', 'mutation($id: ID!) { briefEmployer(jobOrderId: $id) { id } }'],
])('%s', (_, mutation) => {
  it.each(NAMES)('as %s', async (name) => {
    const [onInternal, onPublic] = EDIT[name];
    expect(codeOf(await run(mutation, { id: internal }, CALLERS[name]))).toBe(onInternal);
    expect(codeOf(await run(mutation, { id: pub }, CALLERS[name]))).toBe(onPublic);
  });

  it('answers an outsider of an internal order as for an unknown id', async () => {
    const hidden = await run(mutation, { id: internal }, CALLERS.unrelatedJobcentre);
    const unknown = await run(mutation, { id: randomUUID() }, CALLERS.unrelatedJobcentre);
    expect(hidden.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(unknown.errors?.map((e) => [e.message, e.extensions?.code]));
  });
});

describe('mediateCandidate', () => {
  const MEDIATE = 'mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id } }';
  const cases: [Name, string, string, unknown][] = [
    ['collaborationMember', 'internal', CPR.of147, null],
    ['collaborationAkasse', 'internal', CPR.of101, null],
    ['mediatedCitizensJobcentre', 'internal', CPR.of751, 'FORBIDDEN'],
    ['unrelatedJobcentre', 'internal', CPR.of751, 'NOT_FOUND'],
    ['unrelatedAkasse', 'internal', CPR.of751b, 'NOT_FOUND'],
    ['analyst', 'internal', CPR.of751, 'FORBIDDEN'],
    ['unrelatedJobcentre', 'public', CPR.of751, null],
    ['unrelatedAkasse', 'public', CPR.of751b, null],
    ['unrelatedAkasse', 'public', CPR.of461, 'PERSON_NOT_MEMBER'],
    ['analyst', 'public', CPR.of461, 'FORBIDDEN'],
    ['system', 'public', CPR.of461, null],
  ];
  it.each(cases)('as %s to the %s order (%s)', async (name, which, cpr, expected) => {
    const response = await run(MEDIATE, { i: { jobOrderId: which === 'internal' ? internal : pub, cpr } }, CALLERS[name]);
    expect(codeOf(response)).toBe(expected);
  });
});

describe('steps on a mediation to the internal order', () => {
  const REMOVE = 'mutation($id: ID!) { removeCandidate(mediationId: $id) { status } }';
  const APPROVE = 'mutation($id: ID!) { approveCandidate(mediationId: $id) { status } }';
  const RESULT = 'mutation($id: ID!) { reportMediationResult(input: { mediationId: $id, outcome: HIRED }) { status } }';

  it('hides the mediation from outsiders as if it did not exist', async () => {
    for (const name of ['unrelatedJobcentre', 'unrelatedAkasse'] as const) {
      for (const mutation of [REMOVE, APPROVE, RESULT]) expect(codeOf(await run(mutation, { id: mediationOnInternal }, CALLERS[name]))).toBe('NOT_FOUND');
    }
  });

  it('lets the citizen’s jobcentre see but not handle it', async () => {
    expect(codeOf(await run(REMOVE, { id: mediationOnInternal }, CALLERS.mediatedCitizensJobcentre))).toBe('FORBIDDEN');
    expect(codeOf(await run(APPROVE, { id: mediationOnInternal }, CALLERS.mediatedCitizensJobcentre))).toBe('NOT_COORDINATOR');
    expect(codeOf(await run(RESULT, { id: mediationOnInternal }, CALLERS.mediatedCitizensJobcentre))).toBe('FORBIDDEN');
  });

  it('lets only the coordinator approve, then the collaboration report the result', async () => {
    expect(codeOf(await run(APPROVE, { id: mediationOnInternal }, CALLERS.collaborationMember))).toBe('NOT_COORDINATOR');
    expect(codeOf(await run(APPROVE, { id: mediationOnInternal }, CALLERS.analyst))).toBe('FORBIDDEN');
    expect((await ok<{ approveCandidate: { status: string } }>(t, APPROVE, { id: mediationOnInternal }, CALLERS.owner)).approveCandidate.status).toBe('APPROVED_BY_COORDINATOR');
    expect((await ok<{ reportMediationResult: { status: string } }>(t, RESULT, { id: mediationOnInternal }, CALLERS.collaborationMember)).reportMediationResult.status).toBe('RESULT_REPORTED');
  });
});

describe('Person.mediations and JobOrder.mediations', () => {
  const PERSON = 'query($cpr: String!) { person(cpr: $cpr) { mediations { id jobOrder { id } } } }';
  const seesCitizensMediation: Record<Name, boolean> = {
    owner: true, collaborationMember: true, collaborationAkasse: true, mediatedCitizensJobcentre: true,
    unrelatedJobcentre: false, unrelatedAkasse: false, analyst: false, system: true,
  };
  it.each(NAMES)('a citizen’s mediation to an internal order as %s', async (name) => {
    const response = await run(PERSON, { cpr: CPR.of461 }, CALLERS[name]);
    const mediations = (response.data?.person as { mediations: { id: string }[] } | null)?.mediations ?? [];
    expect(mediations.some((m) => m.id === mediationOnInternal)).toBe(seesCitizensMediation[name]);
  });

  it('shows the citizen’s jobcentre only its own citizens among the order’s candidates', async () => {
    const ORDER = 'query($id: ID!) { jobOrder(id: $id) { mediations { personJobcentre } } }';
    const asOwner = await ok<{ jobOrder: { mediations: { personJobcentre: string }[] } }>(t, ORDER, { id: internal }, CALLERS.owner);
    const as461 = await ok<{ jobOrder: { mediations: { personJobcentre: string }[] } }>(t, ORDER, { id: internal }, CALLERS.mediatedCitizensJobcentre);
    expect(new Set(asOwner.jobOrder.mediations.map((m) => m.personJobcentre))).toEqual(new Set(['461', '147', '101']));
    expect(as461.jobOrder.mediations.map((m) => m.personJobcentre)).toEqual(['461']);
  });
});

describe('recruitment collaborations', () => {
  it('are managed by the system role only', async () => {
    const CREATE = 'mutation { createRecruitmentCollaboration(input: { name: "Nord", jobcentres: ["851", "849"] }) { id } }';
    for (const name of ['owner', 'collaborationAkasse', 'analyst'] as const) expect(codeOf(await run(CREATE, {}, CALLERS[name]))).toBe('FORBIDDEN');
    expect(codeOf(await run(CREATE, {}, CALLERS.system))).toBeNull();
    expect(codeOf(await run(CREATE.replace('"851", "849"', '"860", "813"'), {}, CALLERS.system))).toBe('COLLABORATION_INVALID');
  });

  it('admit an authority to one collaboration only, even when two are created at once', async () => {
    const create = (name: string) => run('mutation($n: String!) { createRecruitmentCollaboration(input: { name: $n, jobcentres: ["607", "615"] }) { id } }', { n: name }, CALLERS.system);
    const codes = (await Promise.all(Array.from({ length: 8 }, (_, i) => create(`Trekant ${i}`)))).map(codeOf);
    expect(codes.filter((c) => c === null)).toHaveLength(1);
    expect(codes.filter((c) => c === 'AUTHORITY_IN_OTHER_COLLABORATION')).toHaveLength(7);
  });

  it('refuse an authority that belongs to another collaboration', async () => {
    const response = await run('mutation { createRecruitmentCollaboration(input: { name: "Syd", jobcentres: ["147", "561"] }) { id } }', {}, CALLERS.system);
    expect(codeOf(response)).toBe('AUTHORITY_IN_OTHER_COLLABORATION');
  });

  it('give a new member the primary-authority rights at once, and take them away on leaving', async () => {
    const { recruitmentCollaborations } = await ok<{ recruitmentCollaborations: { id: string; name: string }[] }>(t, '{ recruitmentCollaborations { id name } }', {});
    const id = recruitmentCollaborations.find((c) => c.name === 'Rekrutteringssamarbejde Hovedstaden')!.id;
    const UPDATE = 'mutation($id: ID!, $i: RecruitmentCollaborationInput!) { updateRecruitmentCollaboration(id: $id, input: $i) { members { kind code } } }';
    await ok(t, UPDATE, { id, i: { name: 'Rekrutteringssamarbejde Hovedstaden', jobcentres: ['101', '147', '751'], akasser: ['21'] } });
    expect((await run(JOB_ORDER, { id: internal }, CALLERS.unrelatedJobcentre)).data?.jobOrder).not.toBeNull();
    await ok(t, UPDATE, { id, i: { name: 'Rekrutteringssamarbejde Hovedstaden', jobcentres: ['101', '147'], akasser: ['21'] } });
    expect((await run(JOB_ORDER, { id: internal }, CALLERS.unrelatedJobcentre)).data?.jobOrder).toBeNull();
  });

  it('when dissolved, leave each member its own orders only, and tell the members', async () => {
    const { recruitmentCollaborations } = await ok<{ recruitmentCollaborations: { id: string; name: string }[] }>(t, '{ recruitmentCollaborations { id name } }', {});
    const id = recruitmentCollaborations.find((c) => c.name === 'Nord')!.id;
    const order = await createOrder(t, {}, { role: 'caseworker', authority: '851' });
    expect((await run(JOB_ORDER, { id: order }, { role: 'caseworker', authority: '849' })).data?.jobOrder).not.toBeNull();
    expect(codeOf(await run('mutation($id: ID!) { dissolveRecruitmentCollaboration(id: $id) }', { id }, CALLERS.owner))).toBe('FORBIDDEN');
    await ok(t, 'mutation($id: ID!) { dissolveRecruitmentCollaboration(id: $id) }', { id });
    expect((await run(JOB_ORDER, { id: order }, { role: 'caseworker', authority: '849' })).data?.jobOrder).toBeNull();
    expect((await run(JOB_ORDER, { id: order }, { role: 'caseworker', authority: '851' })).data?.jobOrder).not.toBeNull();
    expect(await inboxKinds(t, { role: 'caseworker', authority: '849' })).toContainEqual({ kind: 'RECRUITMENT_COLLABORATION_CHANGED', entityId: id });
  });
});
