// The joblog (003, 001 §2.1–2.2, 002) through the gateway: Jobnet (system role) records entries, the
// person's jobcentre and a-kasse read them and are told, bad input is a typed error with nothing
// written, the duty days honour absences exempting from JOBLOG (79, 80) with their reasons, and
// retention clears voluntary fields after 4 years, deletes entries after 6, and hides a joblog not
// updated within 4 years — each boundary on both sides.
import { errorCodes, eventually, startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, createPerson, eventsOf, fails, JOBCENTRE, OTHER_AKASSE, OTHER_JOBCENTRE, ok, read, REGISTER, SYSTEM } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());
afterEach(() => t.clock.set('2026-11-23T09:00:00Z'));

const on = (day: string) => t.clock.set(`${day}T09:00:00Z`);
const RECORD = 'mutation($i: JoblogEntryInput!) { recordJoblogEntry(input: $i) { id kind date employer jobTitle description contactPerson note recordedOn } }';
const JOBLOG = 'joblog { id kind date employer jobTitle description contactPerson note recordedOn }';
const DUTY = 'query($c: String!, $f: Date!, $t: Date!) { person(cpr: $c) { joblogDuty(from: $f, to: $t) { from to registeredDays dutyDays exemptDays { day absenceTypeIds } } } }';
const RUN = 'mutation { runRetention { kind held cutoff deleted } }';

type Entry = { id: string; contactPerson: string | null; note: string | null };

const specific = (cpr: string, date = '2026-11-20') => ({ cpr, kind: 'SPECIFIC_JOB', date, employer: 'Vestas A/S', jobTitle: 'Elektriker', contactPerson: 'Mette Jensen', note: 'Ringer igen fredag' });

async function record(input: Record<string, unknown>): Promise<Entry> {
  return (await ok<{ recordJoblogEntry: Entry }>(t, RECORD, { i: input }, SYSTEM)).recordJoblogEntry;
}

async function rowsOf(personId: string): Promise<{ contact_person: string | null; note: string | null }[]> {
  const person = t.system.subgraphs.find((s) => s.name === 'person')!;
  return (await person.orm.em.fork().getConnection().execute('select contact_person, note from joblog_entry where person_id = ?', [personId])) as { contact_person: string | null; note: string | null }[];
}

it('records entries from Jobnet, shows them newest first to the jobcentre and a-kasse, and tells both', async () => {
  const { id, cpr } = await createPerson(t, { akasse: '21' });
  const job = await record(specific(cpr));
  expect(job).toMatchObject({ kind: 'SPECIFIC_JOB', date: '2026-11-20', employer: 'Vestas A/S', jobTitle: 'Elektriker', description: null, recordedOn: '2026-11-23' });
  // A GENERAL entry keeps no employer or title even when Jobnet sends them.
  const general = await record({ cpr, kind: 'GENERAL', date: '2026-11-22', description: '  Søgt uopfordret hos tre håndværksfirmaer ', employer: 'ignored' });
  expect(general).toMatchObject({ kind: 'GENERAL', employer: null, description: 'Søgt uopfordret hos tre håndværksfirmaer', contactPerson: null });

  const expected = { joblog: [general, job] };
  expect(await read(t, cpr, JOBLOG, JOBCENTRE)).toEqual(expected);
  await eventually(async () => expect(await read(t, cpr, JOBLOG, AKASSE)).toEqual(expected));
  // As of the day before, the joblog held nothing yet.
  const before = await ok<{ person: { joblog: unknown[] } }>(t, 'query($c: String!) { person(cpr: $c, asOf: "2026-11-22") { joblog { id } } }', { c: cpr }, JOBCENTRE);
  expect(before.person.joblog).toEqual([]);

  const events = await eventsOf(t, 'JOBLOG_ENTRY_RECORDED', id);
  expect(events.map((e) => e.authorities)).toEqual([
    { jobcentres: ['101'], akasser: ['21'] },
    { jobcentres: ['101'], akasser: ['21'] },
  ]);
  // The free text never travels in the event.
  expect(events[0].payload).toEqual({ personId: id, entryId: job.id, kind: 'SPECIFIC_JOB', date: '2026-11-20', recordedOn: '2026-11-23' });
});

it('is written by Jobnet only and read by the person’s jobcentre and a-kasser only', async () => {
  const { cpr } = await createPerson(t, { akasse: '21' });
  for (const as of [JOBCENTRE, AKASSE, ANALYST]) expect(await fails(t, RECORD, { i: specific(cpr) }, as)).toEqual(['FORBIDDEN']);
  const query = `query($c: String!) { person(cpr: $c) { ${JOBLOG} } }`;
  for (const as of [OTHER_JOBCENTRE, OTHER_AKASSE]) expect(await fails(t, query, { c: cpr }, as)).toEqual(['FORBIDDEN']);
});

it.each([
  ['a specific job without employer', { kind: 'SPECIFIC_JOB', date: '2026-11-20', jobTitle: 'Elektriker' }, 'JOBLOG_FIELD_REQUIRED'],
  ['a specific job with a blank title', { kind: 'SPECIFIC_JOB', date: '2026-11-20', employer: 'Vestas A/S', jobTitle: '   ' }, 'JOBLOG_FIELD_REQUIRED'],
  ['general search without description', { kind: 'GENERAL', date: '2026-11-20' }, 'JOBLOG_FIELD_REQUIRED'],
  ['a date after today', { kind: 'GENERAL', date: '2026-11-24', description: 'Søgt' }, 'JOBLOG_DATE_IN_FUTURE'],
  ['an employer over 200 characters', { kind: 'SPECIFIC_JOB', date: '2026-11-20', employer: 'x'.repeat(201), jobTitle: 'Elektriker' }, 'JOBLOG_FIELD_TOO_LONG'],
  ['a note over 2000 characters', { kind: 'GENERAL', date: '2026-11-20', description: 'Søgt', note: 'x'.repeat(2001) }, 'JOBLOG_FIELD_TOO_LONG'],
])('refuses %s: a typed error, nothing written', async (_case, input, code) => {
  const { id, cpr } = await createPerson(t);
  expect(await fails(t, RECORD, { i: { cpr, ...input } }, SYSTEM)).toEqual([code]);
  expect(await rowsOf(id)).toEqual([]);
  expect(await eventsOf(t, 'JOBLOG_ENTRY_RECORDED', id)).toEqual([]);
});

it('takes today as a date, and refuses an unknown CPR', async () => {
  const { cpr } = await createPerson(t);
  expect((await record({ cpr, kind: 'GENERAL', date: '2026-11-23', description: 'Søgt' })).note).toBeNull();
  expect(await fails(t, RECORD, { i: { ...specific(cpr), cpr: '0101010000' } }, SYSTEM)).toEqual(['PERSON_NOT_FOUND']);
  // A kind outside the enum is the client's error before anything runs.
  const response = await t.gql(RECORD, { i: { ...specific(cpr), kind: 'OTHER' } }, SYSTEM);
  expect([response.status, errorCodes(response)]).toEqual([400, ['BAD_USER_INPUT']]);
});

it('counts the duty days while registered, each day 79 or 80 exempts given with its reason', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 2 });
  await ok(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: '2026-11-23' } }, JOBCENTRE);
  const absence = 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }';
  await ok(t, absence, { i: { cpr, typeId: 79, start: '2026-11-25', end: '2026-11-27' } }, JOBCENTRE);
  await ok(t, absence, { i: { cpr, typeId: 80, start: '2026-11-27', end: '2026-11-29' } }, JOBCENTRE);
  const duty = async (from: string, to: string) => (await ok<{ person: { joblogDuty: unknown } }>(t, DUTY, { c: cpr, f: from, t: to }, JOBCENTRE)).person.joblogDuty;
  // The person subgraph learns absences from their events.
  await eventually(async () => expect(await read(t, cpr, 'exemptFromJoblog(on: "2026-11-29")')).toEqual({ exemptFromJoblog: true }));
  await eventually(async () =>
    expect(await duty('2026-11-22', '2026-11-30')).toEqual({
      from: '2026-11-22',
      to: '2026-11-30',
      registeredDays: 8, // not the 22nd: the registration starts on the 23rd
      dutyDays: 3, // the 23rd, the 24th, the 30th
      exemptDays: [
        { day: '2026-11-25', absenceTypeIds: [79] },
        { day: '2026-11-26', absenceTypeIds: [79] },
        { day: '2026-11-27', absenceTypeIds: [79, 80] },
        { day: '2026-11-28', absenceTypeIds: [80] },
        { day: '2026-11-29', absenceTypeIds: [80] },
      ],
    }),
  );
  expect(await duty('2026-11-30', '2027-11-30')).toMatchObject({ registeredDays: 366, dutyDays: 366 });
  expect(await fails(t, DUTY, { c: cpr, f: '2026-11-30', t: '2027-12-01' }, JOBCENTRE)).toEqual(['JOBLOG_PERIOD_TOO_LONG']);
  expect(await fails(t, DUTY, { c: cpr, f: '2026-11-30', t: '2026-11-29' }, JOBCENTRE)).toEqual(['INVALID_DATE_RANGE']);
  expect(await fails(t, DUTY, { c: cpr, f: '2026-11-22', t: '2026-11-30' }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
});

it('clears voluntary fields after 4 years, deletes entries after 6, and hides a joblog not updated within 4 years', async () => {
  const stale = await createPerson(t);
  const kept = await createPerson(t);
  await record(specific(stale.cpr));
  const old = await record(specific(kept.cpr));
  on('2029-01-02');
  const recent = await record(specific(kept.cpr, '2029-01-02'));
  const notes = (rows: { contact_person: string | null; note: string | null }[]) => rows.map((r) => r.note).sort();
  const shown = async (cpr: string) => ((await read<{ joblog: Entry[] }>(t, cpr, JOBLOG)).joblog).map((e) => [e.id, e.note]);

  // Four years to the day: still shown, nothing cleared.
  on('2030-11-23');
  await ok(t, RUN, {}, SYSTEM);
  expect(await shown(stale.cpr)).toHaveLength(1);
  expect(notes(await rowsOf(stale.id))).toEqual(['Ringer igen fredag']);
  // The day after: the stale joblog is not shown at all, though its mandatory fields are kept; the
  // updated one is shown whole, the old entry without its voluntary fields.
  on('2030-11-24');
  await ok(t, RUN, {}, SYSTEM);
  expect(await shown(stale.cpr)).toEqual([]);
  expect(await rowsOf(stale.id)).toEqual([{ contact_person: null, note: null }]);
  expect(await shown(kept.cpr)).toEqual([
    [recent.id, 'Ringer igen fredag'],
    [old.id, null],
  ]);
  // Six years to the day: still kept; the day after: deleted.
  on('2032-11-23');
  await ok(t, RUN, {}, SYSTEM);
  expect(await rowsOf(stale.id)).toHaveLength(1);
  on('2032-11-24');
  const run = await ok<{ runRetention: { kind: string; deleted: number }[] }>(t, RUN, {}, SYSTEM);
  expect(run.runRetention.find((r) => r.kind === 'joblog-mandatory-fields')!.deleted).toBeGreaterThanOrEqual(2);
  expect(await rowsOf(stale.id)).toEqual([]);
  // The joblog updated in 2029 stays shown, now without the 2026 entry.
  expect(await shown(kept.cpr)).toEqual([[recent.id, 'Ringer igen fredag']]);
});
