// VITAS mentor grants (003) through the gateway: the type stated where the seed requires it and
// refused where it does not apply, stored and read back, the event and who hears it.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { MentorGrantRecord } from '../entities/MentorGrantRecord';
import { AKASSE, createPerson, eventsOf, fails, JOBCENTRE, ok, OTHER_JOBCENTRE, planOrm } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2025-03-03' });
});
afterAll(() => t.stop());

const REGISTER = 'mutation($i: RegisterMentorGrantInput!) { registerMentorGrant(input: $i) { id offer { id name requiresMentorType } mentorType { id name } start end inForce registeredBy } }';
const GRANTS = 'query($cpr: String!) { person(cpr: $cpr) { mentorGrants { offer { id } mentorType { name } start end } } }';

it("registers a wage-subsidy grant as 'Mentor, plads', reads it back and tells the person's jobcentre only", async () => {
  const { id, cpr } = await createPerson(t, { contactGroupId: 2, akasse: '21' });
  const { registerMentorGrant } = await ok<{ registerMentorGrant: { id: string } }>(t, REGISTER, { i: { cpr, offerId: 902, mentorTypeId: 902, start: '2025-03-01', end: '2025-08-31' } }, JOBCENTRE);
  expect(registerMentorGrant).toMatchObject({
    offer: { id: 902, name: 'Løntilskud', requiresMentorType: true },
    mentorType: { id: 902, name: 'Mentor, plads' },
    start: '2025-03-01',
    end: '2025-08-31',
    inForce: true,
    registeredBy: '101',
  });
  const read = await ok<{ person: { mentorGrants: unknown[] } }>(t, GRANTS, { cpr }, AKASSE);
  expect(read.person.mentorGrants).toEqual([{ offer: { id: 902 }, mentorType: { name: 'Mentor, plads' }, start: '2025-03-01', end: '2025-08-31' }]);
  const [event] = await eventsOf(t, 'MENTOR_GRANT_REGISTERED', id);
  expect(event.payload).toEqual({ personId: id, mentorGrantId: registerMentorGrant.id, offerId: 902, mentorTypeId: 902, start: '2025-03-01', end: '2025-08-31' });
  expect(event.authorities).toEqual({ jobcentres: ['101'], akasser: [] });
});

it("registers a grant given with no such offer without a type, and shows it scheduled as not in force", async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 12 });
  const { registerMentorGrant } = await ok<{ registerMentorGrant: unknown }>(t, REGISTER, { i: { cpr, offerId: 905, start: '2025-04-01' } }, JOBCENTRE);
  expect(registerMentorGrant).toMatchObject({ offer: { id: 905, requiresMentorType: false }, mentorType: null, end: null, inForce: false });
});

it('refuses a missing type, a type where none applies and unknown ids, writing nothing', async () => {
  const { id, cpr } = await createPerson(t, { contactGroupId: 2 });
  const cases: [Record<string, unknown>, string][] = [
    [{ offerId: 901 }, 'MENTOR_GRANT_TYPE_REQUIRED'],
    [{ offerId: 903, mentorTypeId: null }, 'MENTOR_GRANT_TYPE_REQUIRED'],
    [{ offerId: 904 }, 'MENTOR_GRANT_TYPE_REQUIRED'],
    [{ offerId: 905, mentorTypeId: 901 }, 'MENTOR_GRANT_TYPE_NOT_ALLOWED'],
    [{ offerId: 901, mentorTypeId: 3 }, 'UNKNOWN_MENTOR_GRANT_TYPE'],
    [{ offerId: 7, mentorTypeId: 901 }, 'UNKNOWN_MENTOR_GRANT_OFFER'],
    [{ offerId: 901, mentorTypeId: 901, start: '2026-03-04' }, 'MENTOR_GRANT_START_TOO_FAR_AHEAD'],
  ];
  for (const [grant, code] of cases) {
    expect(await fails(t, REGISTER, { i: { cpr, start: '2025-03-01', ...grant } }, JOBCENTRE)).toEqual([code]);
  }
  expect(await planOrm(t).em.fork().count(MentorGrantRecord, { personId: id })).toBe(0);
  expect(await eventsOf(t, 'MENTOR_GRANT_REGISTERED', id)).toEqual([]);
});

it("lets only the person's jobcentre (and the system role) register grants", async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 2, akasse: '21' });
  const input = { i: { cpr, offerId: 901, mentorTypeId: 901, start: '2025-03-01' } };
  expect(await fails(t, REGISTER, input, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
  expect(await fails(t, REGISTER, input, AKASSE)).toEqual(['FORBIDDEN']);
  expect(await fails(t, GRANTS, { cpr }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
});
