// Person.exemptions(on) and Person.exemptFromJoblog(on) through the gateway, beside the person
// subgraph's fields in one query.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { JOBCENTRE, newCpr, ok, person, registered } from './helpers';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const QUERY = `query($c: String!, $on: Date) { person(cpr: $c) { contactGroup { contactGroup { id } } exemptions(on: $on) exemptFromJoblog(on: $on) } }`;

async function exemptions(cpr: string, on?: string, as = JOBCENTRE) {
  const { person: found } = await ok<{ person: { contactGroup: unknown; exemptions: string[]; exemptFromJoblog: boolean } }>(t, QUERY, { c: cpr, on }, as);
  expect(found.contactGroup).not.toBeNull();
  return { exemptions: found.exemptions, exemptFromJoblog: found.exemptFromJoblog };
}

it('79 exempts from registration, CV, referred work, contact course, offers and joblog while it runs', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2);
  await registered(t, { cpr, typeId: 79, start: '2026-11-20', end: '2026-12-31' });
  expect(await exemptions(cpr)).toEqual({ exemptions: ['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG'], exemptFromJoblog: true });
  expect(await exemptions(cpr, '2026-11-19')).toEqual({ exemptions: [], exemptFromJoblog: false });
  expect(await exemptions(cpr, '2027-01-01')).toEqual({ exemptions: [], exemptFromJoblog: false });
});

it('unites the exemptions of overlapping absences (80 adds attendance)', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2);
  await registered(t, { cpr, typeId: 79, start: '2026-11-20', end: '2026-12-31' });
  await registered(t, { cpr, typeId: 80, start: '2026-11-23', end: '2026-12-01' });
  expect((await exemptions(cpr, '2026-11-25')).exemptions).toEqual(['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG', 'ATTENDANCE']);
});

it('77 never exempts from the CV; jobrettet uddannelse exempts from joblog and self-booking', async () => {
  const cpr = newCpr();
  await person(t, cpr, 1);
  await registered(t, { cpr, typeId: 77, start: '2026-11-23', end: '2026-12-01' });
  expect((await exemptions(cpr)).exemptions).not.toContain('CV');
  await registered(t, { cpr, typeId: 902, start: '2026-11-23', end: '2026-12-01' });
  expect(await exemptions(cpr)).toEqual({ exemptions: ['CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG', 'SELF_BOOKING'], exemptFromJoblog: true });
});
