// The digital screening trial through the gateway (001 §1.6): recorded by Jobnet for the trial's
// municipalities and target groups, seen only by the person's jobcentre for 6 months, then deleted
// by the scheduled job with a history entry and no content.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, createPerson, eventsOf, fails, ok, read, SYSTEM } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-01-15' });
});
afterAll(() => t.stop());

const AARHUS = { role: 'caseworker', authority: '751' } as const;
const RECORD = 'mutation($i: ScreeningResultInput!) { recordScreeningResult(input: $i) { targetGroup answeredOn answers { questionId answer } citizenVisibleUntil caseworkersVisibleUntil } }';
const RESULT = 'screeningResult { targetGroup answers { questionId answer } caseworkersVisibleUntil }';

it("records a trial municipality's dagpenge recipient's answers and shows them to that jobcentre only", async () => {
  const { cpr, id } = await createPerson(t, { municipalityCode: '751', contactGroupId: 1, start: '2026-01-05' });
  const answers = [{ questionId: 1, answer: 'Ja, nedsat hørelse' }, { questionId: 2, answer: 'Høreapparat' }];
  const { recordScreeningResult } = await ok<{ recordScreeningResult: unknown }>(t, RECORD, { i: { cpr, answers } }, SYSTEM);
  expect(recordScreeningResult).toEqual({ targetGroup: 'DAGPENGE', answeredOn: '2026-01-15', answers, citizenVisibleUntil: '2026-04-14', caseworkersVisibleUntil: '2026-07-14' });
  expect(await read(t, cpr, RESULT, AARHUS)).toEqual({ screeningResult: { targetGroup: 'DAGPENGE', answers, caseworkersVisibleUntil: '2026-07-14' } });
  for (const caller of [AKASSE, ANALYST, { role: 'caseworker', authority: '101' } as const]) {
    expect(await fails(t, `query($cpr: String!) { person(cpr: $cpr) { ${RESULT} } }`, { cpr }, caller)).toEqual(['FORBIDDEN']);
  }
  const [event] = await eventsOf(t, 'SCREENING_RESULT_RECORDED', id);
  expect(event.authorities.jobcentres).toEqual(['751']);
  expect(JSON.stringify(event.payload)).not.toContain('hørelse');
});

it('refuses municipalities outside the trial, persons outside the target groups, and more than two questions', async () => {
  const copenhagen = await createPerson(t, { contactGroupId: 1, start: '2026-01-05' });
  expect(await fails(t, RECORD, { i: { cpr: copenhagen.cpr, answers: [] } }, SYSTEM)).toEqual(['SCREENING_NOT_IN_TRIAL']);
  const sick = await createPerson(t, { municipalityCode: '751', contactGroupId: 24, start: '2026-01-05' });
  expect(await fails(t, RECORD, { i: { cpr: sick.cpr, answers: [] } }, SYSTEM)).toEqual(['SCREENING_NOT_TARGET_GROUP']);
  const visited = await createPerson(t, { municipalityCode: '751', contactGroupId: 2, start: '2026-01-05' });
  await ok(t, 'mutation($i: SetVisitationInput!) { setVisitation(input: $i) { id } }', { i: { cpr: visited.cpr, category: 'ACTIVITY_READY' } }, AARHUS);
  expect(await fails(t, RECORD, { i: { cpr: visited.cpr, answers: [] } }, SYSTEM)).toEqual(['SCREENING_NOT_TARGET_GROUP']);
  const dagpenge = await createPerson(t, { municipalityCode: '751', contactGroupId: 1, start: '2026-01-05' });
  const three = [1, 2, 3].map((questionId) => ({ questionId, answer: 'Nej' }));
  expect(await fails(t, RECORD, { i: { cpr: dagpenge.cpr, answers: three } }, SYSTEM)).toEqual(['SCREENING_TOO_MANY_QUESTIONS']);
  expect(await fails(t, RECORD, { i: { cpr: dagpenge.cpr, answers: [] } }, AARHUS)).toEqual(['FORBIDDEN']);
});

it('hides the result after 6 months and the retention job deletes it, leaving only a history entry', async () => {
  t.clock.set('2026-01-15T09:00:00Z');
  const { cpr } = await createPerson(t, { municipalityCode: '751', contactGroupId: 2, start: '2026-01-05' });
  await ok(t, RECORD, { i: { cpr, answers: [{ questionId: 1, answer: 'Nej' }] } }, SYSTEM);
  t.clock.set('2026-07-14T09:00:00Z');
  expect((await read<{ screeningResult: unknown }>(t, cpr, RESULT, AARHUS)).screeningResult).not.toBeNull();
  t.clock.set('2026-07-15T09:00:00Z');
  expect(await read(t, cpr, RESULT, AARHUS)).toEqual({ screeningResult: null });
  // The daily rules leave them to retention: one job deletes screening results, not two.
  await ok(t, 'mutation { runScheduledJobs { asOf } }', {}, SYSTEM);
  const before = await read<{ history: { action: string }[] }>(t, cpr, 'history { action }', AARHUS);
  expect(before.history.map((h) => h.action)).not.toContain('SCREENING_RESULT_DELETED');
  const { runRetention } = await ok<{ runRetention: { kind: string; deleted: number }[] }>(t, 'mutation { runRetention { kind deleted } }', {}, SYSTEM);
  expect(runRetention.find((r) => r.kind === 'screening-result')!.deleted).toBe(2);
  const { history } = await read<{ history: { action: string; changes: { field: string; to: string | null }[] }[] }>(t, cpr, 'history { action changes { field to } }', AARHUS);
  expect(history.map((h) => h.action)).toEqual(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED', 'SCREENING_RESULT_RECORDED', 'SCREENING_RESULT_DELETED']);
  expect(JSON.stringify(history)).not.toContain('Nej');
  const orm = t.system.subgraphs.find((s) => s.name === 'person')!.orm;
  const [{ n }] = (await orm.em.fork().getConnection().execute('select count(*) as n from screening_result')) as { n: number | string }[];
  expect(Number(n)).toBe(0); // this test's and the first test's results, both answered 2026-01-15
});

const STATISTICS = 'query($from: Date!, $to: Date!) { screeningStatistics(from: $from, to: $to) { municipalityCode targetGroup count suppressed } }';
const AUGUST = { from: '2026-08-01', to: '2026-08-31' };

it('hands each result to the analysts, pseudonymised and without answers, in the deletion that removes it (000)', async () => {
  t.clock.set('2026-08-03T09:00:00Z');
  const aarhus = [];
  for (let i = 0; i < 5; i++) aarhus.push(await createPerson(t, { municipalityCode: '751', contactGroupId: 1, start: '2026-08-03' }));
  const horsens = await createPerson(t, { municipalityCode: '615', contactGroupId: 1, start: '2026-08-03' });
  for (const { cpr } of [...aarhus, horsens]) await ok(t, RECORD, { i: { cpr, answers: [{ questionId: 2, answer: 'Ryggen, tungt arbejde' }] } }, SYSTEM);
  const statisticsRows = async () => {
    const orm = t.system.subgraphs.find((s) => s.name === 'person')!.orm;
    return (await orm.em.fork().getConnection().execute('select * from screening_statistics where answered_on = ? order by id', ['2026-08-03'])) as Record<string, unknown>[];
  };
  const retention = async () => {
    const { runRetention } = await ok<{ runRetention: { kind: string; deleted: number }[] }>(t, 'mutation { runRetention { kind deleted } }', {}, SYSTEM);
    return runRetention.find((r) => r.kind === 'screening-result')!.deleted;
  };

  // The caseworkers' last day: nothing deleted, nothing handed over.
  t.clock.set('2027-02-02T09:00:00Z');
  expect(await retention()).toBe(0);
  expect(await statisticsRows()).toEqual([]);
  expect(await ok(t, STATISTICS, AUGUST, ANALYST)).toEqual({ screeningStatistics: [] });

  // The day after: all six are deleted and handed over in the same transactions.
  t.clock.set('2027-02-03T09:00:00Z');
  expect(await retention()).toBe(6);
  const rows = await statisticsRows();
  expect(rows).toHaveLength(6);
  const { pseudonym } = await read<{ pseudonym: string }>(t, horsens.cpr, 'pseudonym', SYSTEM);
  expect(rows.map((r) => r.pseudonym)).toContain(pseudonym);
  const stored = JSON.stringify(rows);
  for (const { cpr } of [...aarhus, horsens]) expect(stored).not.toContain(cpr);
  expect(stored).not.toContain('Ryggen');
  expect(rows.find((r) => r.pseudonym === pseudonym)).toMatchObject({ municipality_code: '615', target_group: 'DAGPENGE', answered_on: '2026-08-03', handed_over_on: '2027-02-03' });

  // Analysts read counts of persons; the one Horsens person is suppressed.
  expect(await ok(t, STATISTICS, AUGUST, ANALYST)).toEqual({
    screeningStatistics: [
      { municipalityCode: '615', targetGroup: 'DAGPENGE', count: null, suppressed: true },
      { municipalityCode: '751', targetGroup: 'DAGPENGE', count: 5, suppressed: false },
    ],
  });
  expect(await ok(t, STATISTICS, { from: '2026-08-04', to: '2026-08-31' }, ANALYST)).toEqual({ screeningStatistics: [] });
  expect(await fails(t, STATISTICS, { from: '2026-08-31', to: '2026-08-01' }, ANALYST)).toEqual(['INVALID_DATE_RANGE']);
  for (const caller of [AARHUS, AKASSE]) expect(await fails(t, STATISTICS, AUGUST, caller)).toEqual(['FORBIDDEN']);
});

it('deletes no result it could not hand over: the copy and the deletion commit together', async () => {
  t.clock.set('2026-09-01T09:00:00Z');
  const { cpr } = await createPerson(t, { municipalityCode: '751', contactGroupId: 1, start: '2026-09-01' });
  const recorded = await ok<{ recordScreeningResult: { id: string } }>(t, 'mutation($i: ScreeningResultInput!) { recordScreeningResult(input: $i) { id } }', { i: { cpr, answers: [] } }, SYSTEM);
  const { id } = recorded.recordScreeningResult;
  const connection = t.system.subgraphs.find((s) => s.name === 'person')!.orm.em.fork().getConnection();
  const count = async (table: string) => Number(((await connection.execute(`select count(*) as n from ${table} where id = ?`, [id])) as { n: number | string }[])[0].n);
  // A row already holding the result's id makes the hand-over fail, as a full warehouse table would.
  await connection.execute(`insert into screening_statistics (id, pseudonym, municipality_code, target_group, answered_on, question_ids, handed_over_on) values (?, 'Pblocking', '751', 'DAGPENGE', '2026-09-01', '[]', '2026-09-01')`, [id]);
  t.clock.set('2027-03-02T09:00:00Z');
  expect((await t.gql('mutation { runRetention { kind deleted } }', {}, SYSTEM)).errors).toBeDefined();
  expect(await count('screening_result')).toBe(1);
  await connection.execute('delete from screening_statistics where id = ?', [id]);
  await ok(t, 'mutation { runRetention { kind deleted } }', {}, SYSTEM);
  expect([await count('screening_result'), await count('screening_statistics')]).toEqual([0, 1]);
});
