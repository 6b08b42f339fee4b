// Provisional code lists read from JSON: a good file gives ids and names by key; each problem an
// operator can make stops the read with a message naming the file, the row and what is wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeListFileError, readProvisionalCodes } from '../code-list';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-lists-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KEYS = ['FIRST', 'SECOND'] as const;
let written = 0;
function file(content: unknown): string {
  const name = path.join(dir, `list-${(written += 1)}.json`);
  fs.writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}
const good = [
  { key: 'FIRST', id: 901, name: 'Første' },
  { key: 'SECOND', id: 902, name: 'Anden' },
];

it('gives each key its id and name, and the rows in file order', () => {
  const codes = readProvisionalCodes(file([good[1], good[0]]), KEYS, [1, 2]);
  expect(codes.FIRST).toEqual({ key: 'FIRST', id: 901, name: 'Første' });
  expect(codes.all.map((row) => row.key)).toEqual(['SECOND', 'FIRST']);
});

it.each([
  ['a duplicate id', [good[0], { ...good[1], id: 901 }], 'row 2 (SECOND): id 901 is also in row 1'],
  ['a missing name', [good[0], { key: 'SECOND', id: 902 }], 'row 2 (SECOND): "name" is missing or empty'],
  ['a blank name', [{ ...good[0], name: '  ' }, good[1]], 'row 1 (FIRST): "name" is missing or empty'],
  ['a key the rules use missing', [good[0]], 'has no row for SECOND, which the rules use'],
  ['an id of the wrong type', [{ ...good[0], id: '901' }, good[1]], 'row 1 (FIRST): "id" must be a whole number above 0, not "901"'],
  ['a fractional id', [{ ...good[0], id: 9.5 }, good[1]], 'row 1 (FIRST): "id" must be a whole number above 0, not 9.5'],
  ['a key of the wrong type', [{ ...good[0], key: 1 }, good[1]], 'row 1: "key" must be a string, not 1'],
  ['a key the rules do not know', [...good, { key: 'THIRD', id: 903, name: 'Tredje' }], 'row 3: key THIRD is not one the rules know (FIRST, SECOND); a code with new behaviour needs a code change'],
  ['a key twice', [...good, { ...good[0], id: 903 }], 'row 3: key FIRST appears twice'],
  ['an id the seeds already give', [{ ...good[0], id: 2 }, good[1]], 'row 1 (FIRST): id 2 is already a seed id in this list'],
  ['a row that is no object', [good[0], 'SECOND'], 'row 2 must be an object with "key", "id" and "name"'],
  ['an object instead of a list', { FIRST: good[0] }, 'must be a JSON array of { "key", "id", "name" } rows'],
  ['text that is not JSON', '[{"key": "FIRST",', 'is not JSON'],
])('refuses %s', (_, content, problem) => {
  const name = file(content);
  const read = () => readProvisionalCodes(name, KEYS, [1, 2]);
  expect(read).toThrow(CodeListFileError);
  expect(read).toThrow(`Code list ${name}: ${problem}`);
});

it('refuses a file that is not there', () => {
  const name = path.join(dir, 'missing.json');
  expect(() => readProvisionalCodes(name, KEYS)).toThrow(`Code list ${name}: cannot be read (ENOENT)`);
});
