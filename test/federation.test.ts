// One caseworker query through the gateway reads a person's data from all five subgraphs; every
// part of the answer is checked against what the test wrote through the gateway first.
import { startTestSystem, type TestSystem } from './support/system';

const CPR = '0101901234';
const JOBCENTRE = { role: 'caseworker', authority: '101' } as const;
const AKASSE = { role: 'akasse', authority: '21' } as const;

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as?: Parameters<TestSystem['gql']>[2]): Promise<T> {
  const response = await t.gql<T>(query, variables, as);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

it('answers one operation with fields from person, absence, plan, recruitment and payment', async () => {
  const { upsertPerson } = await ok<{ upsertPerson: { id: string } }>(
    'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }',
    { i: { cpr: CPR, name: 'Mette Jensen', municipalityCode: '101' } },
  );
  const { changeContactGroup } = await ok<{ changeContactGroup: { id: string } }>(
    'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }',
    { i: { cpr: CPR, contactGroupId: 1, start: '2026-09-01' } },
    JOBCENTRE,
  );
  await ok('mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr: CPR, akasse: '21', start: '2020-01-01' } }); // the register feed: history
  const { registerAbsence } = await ok<{ registerAbsence: { id: string } }>(
    'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }',
    { i: { cpr: CPR, typeId: 73, start: '2026-11-20', end: '2026-12-18' } },
    JOBCENTRE,
  );
  await ok('mutation($i: JobSearchRequirementsInput!) { setJobSearchRequirements(input: $i) { version } }', { i: { cpr: CPR, otherRequirements: 'Søg mindst tre job om ugen.' } }, JOBCENTRE);
  const { createJobOrder } = await ok<{ createJobOrder: { id: string } }>(
    'mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }',
    { i: { title: 'Social- og sundhedshjælper', description: 'Dagvagt i hjemmeplejen.', numberOfPositions: 2 } },
    JOBCENTRE,
  );
  await ok('mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id } }', { i: { jobOrderId: createJobOrder.id, cpr: CPR } }, JOBCENTRE);
  await ok('mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }', { i: { cpr: CPR, country: 'DE', start: '2026-10-01', end: '2026-12-31', paymentId: 'PAY-1' } }, AKASSE);

  const { person } = await ok<{ person: Record<string, unknown> }>(
    `query($cpr: String!) {
      person(cpr: $cpr) {
        id cpr name municipalityCode
        contactGroup { id contactGroup { id name } start end }
        cvRequirement
        absences { id type { id name } start end status }
        plan { version changes { id } jobSearchRequirements { occupations { code } where { kind } otherRequirements } }
        mediations { status jobOrder { id title isInternal numberOfPositions } }
        akasseMemberships { akasse start end }
        eeaBenefitPeriods { paymentId country start end interruptionDate interruptionCause { id } }
      }
    }`,
    { cpr: CPR },
    JOBCENTRE,
  );

  expect(person).toEqual({
    id: upsertPerson.id,
    cpr: CPR,
    name: 'Mette Jensen',
    municipalityCode: '101',
    contactGroup: { id: changeContactGroup.id, contactGroup: { id: 1, name: 'Dagpengemodtager' }, start: '2026-09-01', end: null },
    cvRequirement: 'SEARCHABLE',
    absences: [{ id: registerAbsence.id, type: { id: 73, name: 'Vejrlig eller materialemangel' }, start: '2026-11-20', end: '2026-12-18', status: 'ACTIVE' }],
    plan: { version: 1, changes: [{ id: 26 }], jobSearchRequirements: { occupations: [], where: null, otherRequirements: 'Søg mindst tre job om ugen.' } },
    mediations: [{ status: 'MEDIATED', jobOrder: { id: createJobOrder.id, title: 'Social- og sundhedshjælper', isInternal: true, numberOfPositions: 2 } }],
    akasseMemberships: [{ akasse: '21', start: '2020-01-01', end: null }],
    eeaBenefitPeriods: [{ paymentId: 'PAY-1', country: 'DE', start: '2026-10-01', end: '2026-12-31', interruptionDate: null, interruptionCause: null }],
  });
});

it('refuses a request without a bearer token', async () => {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ absenceTypes { id } }' }) });
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  expect(response.status).toBe(401);
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
});
