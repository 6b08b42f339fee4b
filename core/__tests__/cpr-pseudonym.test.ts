import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cprPseudonymKey, cprPseudonymiser } from '../cpr-pseudonym';

const key = Buffer.alloc(32, 7);

it('gives the same pseudonym for the same CPR, so analysts can count distinct persons', () => {
  const pseudonymise = cprPseudonymiser(key);
  expect(pseudonymise('0101901234')).toBe(pseudonymise('0101901234'));
  expect(pseudonymise('0101901234')).not.toBe(pseudonymise('0101901235'));
});

it('never contains the CPR or its birth date, and depends on the key', () => {
  const pseudonym = cprPseudonymiser(key)('0101901234');
  expect(pseudonym).not.toContain('010190');
  expect(pseudonym).toMatch(/^P[A-Za-z0-9_-]{22}$/);
  expect(cprPseudonymiser(Buffer.alloc(32, 8))('0101901234')).not.toBe(pseudonym);
});

it('refuses a short key', () => {
  expect(() => cprPseudonymiser(Buffer.alloc(16))).toThrow(/32 bytes/);
});

it('takes CPR_PSEUDONYM_KEY when set, else keeps one generated key in the data folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-key-'));
  const first = cprPseudonymKey(dir, {});
  expect(cprPseudonymKey(dir, {})).toEqual(first);
  expect(first).toHaveLength(32);
  expect(cprPseudonymKey(dir, { CPR_PSEUDONYM_KEY: key.toString('base64') })).toEqual(key);
  fs.rmSync(dir, { recursive: true });
});
