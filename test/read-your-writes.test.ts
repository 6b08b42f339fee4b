// Read your own writes on the distributed mode's bus and databases (PostgreSQL + JetStream, where
// other subgraphs learn of a change by consuming its event): a write in one subgraph followed at
// once by a write in another that depends on it succeeds, first time, no retry. Runs when
// TEST_DATABASE_URL and TEST_NATS_URL are set (.ci/run sets both).
import { errorCodes, startTestSystem, type TestSystem } from './support/system';

const describeDistributed = process.env.TEST_NATS_URL && process.env.TEST_DATABASE_URL ? describe : describe.skip;
const caseworker = { role: 'caseworker' as const, authority: '101' };
const ROUNDS = 8;

describeDistributed('read your own writes across subgraphs (PostgreSQL + JetStream)', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ jetstream: true });
  });
  afterAll(() => t?.stop());

  it('registers an a-kasse membership (payment) right after the person is created (person)', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const cpr = `01018${String(5100 + i).padStart(5, '0')}`.slice(-10);
      const person = await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: `Ryw ${i}`, municipalityCode: '101' } });
      expect(errorCodes(person)).toEqual([]);
      const membership = await t.gql('mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr, akasse: '21', start: '2024-01-01' } });
      expect(errorCodes(membership)).toEqual([]);
    }
  });

  it('registers an absence (absence) right after the contact group is set (person), and reads it back at once', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const cpr = `02028${String(5200 + i).padStart(5, '0')}`.slice(-10);
      expect(errorCodes(await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: `Ryw ${i}`, municipalityCode: '101' } }))).toEqual([]);
      const group = await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: 1, start: '2026-06-01' } }, caseworker);
      expect(errorCodes(group)).toEqual([]);
      const absence = await t.gql<{ registerAbsence: { id: string } }>('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr, typeId: 73, start: '2026-11-23', end: '2026-11-30' } }, caseworker);
      expect(errorCodes(absence)).toEqual([]);
      const read = await t.gql<{ person: { absences: { id: string }[] } }>('query($cpr: String!) { person(cpr: $cpr) { absences { id } } }', { cpr }, caseworker);
      expect(read.data?.person.absences.map((a) => a.id)).toEqual([absence.data!.registerAbsence.id]);
    }
  });
});
