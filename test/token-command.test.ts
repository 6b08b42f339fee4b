// `npm run token`: refuses a lifetime the gateway would refuse, instead of printing a token that
// fails at the first request.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-command-'));
const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');

function token(...args: string[]) {
  return spawnSync(tsx, [path.join(__dirname, '..', 'scripts', 'token.ts'), '--role', 'caseworker', '--authority', '101', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

it('prints a token valid for the hours asked, up to the gateway ceiling of 12', () => {
  const run = token('--hours', '12');
  expect(run.status).toBe(0);
  const claims = decodeJwt(run.stdout.trim());
  expect(claims.exp! - claims.iat!).toBe(12 * 3600);
});

it.each(['24', 'abc', '0'])('refuses --hours %s with a message and no token', (hours) => {
  const run = token('--hours', hours);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('--hours must be a number above 0 and at most 12');
});
