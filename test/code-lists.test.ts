// Provisional code lists through the gateway: an operator's replacement files under CODE_LISTS_DIR
// change the ids and names the code-list queries return (the rules follow the key, not the id), and
// each kind of bad file stops the start with a message naming file, row and problem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestSystem } from './support/system';

type Row = { key: string; id: unknown; name?: unknown };
const SUBGRAPHS_WITH_PROVISIONAL_LISTS = ['plan', 'absence', 'person'];
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-code-lists-'));
const tmpdir = process.env.TMPDIR;

/** A CODE_LISTS_DIR holding copies of the shipped lists, with `changes` applied to named files. */
function codeListsDir(name: string, changes: Record<string, (rows: Row[]) => unknown>): string {
  const dir = path.join(root, name);
  for (const subgraph of SUBGRAPHS_WITH_PROVISIONAL_LISTS) {
    const shipped = path.join(__dirname, '..', 'subgraphs', subgraph, 'code-lists');
    fs.mkdirSync(path.join(dir, subgraph), { recursive: true });
    for (const file of fs.readdirSync(shipped).filter((entry) => entry.endsWith('.json'))) {
      const list = `${subgraph}/${file}`;
      const rows = JSON.parse(fs.readFileSync(path.join(shipped, file), 'utf8')) as Row[];
      fs.writeFileSync(path.join(dir, list), JSON.stringify(changes[list] ? changes[list](rows) : rows));
    }
  }
  return dir;
}

const rename = (key: string, id: number, name: string) => (rows: Row[]) => rows.map((row) => (row.key === key ? { key, id, name } : row));

/** The system started fresh (modules re-read, so the lists are read again) with CODE_LISTS_DIR = `dir`. */
async function startWith(dir: string): Promise<TestSystem> {
  process.env.CODE_LISTS_DIR = dir;
  // A start that fails leaves its data folder behind: keep it under `root`, which afterAll removes.
  process.env.TMPDIR = root;
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry per start, so each start reads the files again
  const { startTestSystem } = require('./support/system') as typeof import('./support/system');
  return startTestSystem({ today: '2025-02-03' });
}

afterAll(() => {
  delete process.env.CODE_LISTS_DIR;
  if (tmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpdir;
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a bad list stops the start, naming file, row and problem', () => {
  it.each([
    ['a duplicate id', 'plan/cancellation-causes.json', (rows: Row[]) => rows.map((row, i) => (i === 2 ? { ...row, id: 902 } : row)), 'row 3 (STOPPED_WITHOUT_GOOD_REASON): id 902 is also in row 2'],
    ['a missing name', 'absence/absence-types.json', (rows: Row[]) => rows.map(({ key, id }) => ({ key, id })), 'row 1 (JOB_ORIENTED_EDUCATION_PART_TIME): "name" is missing or empty'],
    ['an id the rules reference missing', 'person/contact-groups.json', () => [], 'has no row for WITHOUT_BENEFIT, which the rules use'],
    ['a rule-bearing field of the wrong type', 'plan/change-codes.json', (rows: Row[]) => rows.map((row, i) => (i === 0 ? { ...row, id: '901' } : row)), 'row 1 (ACTIVITY_REGISTERED): "id" must be a whole number above 0, not "901"'],
  ])('%s', async (name, list, change, problem) => {
    const dir = codeListsDir(name.replace(/ /g, '-'), { [list]: change });
    await expect(startWith(dir)).rejects.toThrow(`Code list ${path.join(dir, list)}: ${problem}`);
  });
});

describe("STAR's ids and names in replacement files", () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startWith(
      codeListsDir('star', {
        'plan/cancellation-causes.json': (rows) => rename('ABSENT_WITHOUT_GOOD_REASON', 18, 'Udeblevet (STAR)')(rename('PLAN_REVISION', 17, 'Revision af plan (STAR)')(rows) as Row[]),
        'plan/cash-benefit-types.json': rename('CASH_BENEFIT', 1, 'Kontanthjælp (STAR)'),
        'absence/absence-types.json': rename('JOB_ORIENTED_EDUCATION_PART_TIME', 88, 'Jobrettet uddannelse, deltid (STAR)'),
        'person/contact-groups.json': rename('WITHOUT_BENEFIT', 30, 'Uden ydelse (STAR)'),
      }),
    );
  });
  afterAll(() => t.stop());

  it('are what the code-list queries return, and the rules follow the key', async () => {
    const { data, errors } = await t.gql<Record<string, { id: number; name: string; negativeReportableEvent?: boolean }[]>>(
      '{ activityCancellationCauses { id name negativeReportableEvent } cashBenefitTypes { id name } absenceTypes { id name } contactGroups { id name } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.activityCancellationCauses.slice(0, 2)).toEqual([
      { id: 17, name: 'Revision af plan (STAR)', negativeReportableEvent: false },
      { id: 18, name: 'Udeblevet (STAR)', negativeReportableEvent: true },
    ]);
    expect(data!.cashBenefitTypes[0]).toEqual({ id: 1, name: 'Kontanthjælp (STAR)' });
    expect(data!.absenceTypes).toContainEqual({ id: 88, name: 'Jobrettet uddannelse, deltid (STAR)' });
    expect(data!.absenceTypes.map((type) => type.id)).not.toContain(901);
    expect(data!.contactGroups).toContainEqual({ id: 30, name: 'Uden ydelse (STAR)' });
    expect(data!.contactGroups.map((group) => group.id)).not.toContain(99);
  });

  it("opens 'Uden ydelse' under STAR's id for a job seeker without benefit", async () => {
    const cpr = '0202901234';
    await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Uden Ydelse', municipalityCode: '101' } });
    const registered = await t.gql('mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { contactGroup { id name } } }', {
      i: { cpr, category: 'NO_BENEFIT', registrationDate: '2025-02-03' },
    });
    expect(registered).toMatchObject({ data: { registerJobSeeker: { contactGroup: { id: 30, name: 'Uden ydelse (STAR)' } } } });
  });
});
