// `npm run token`: refuses a lifetime the gateway would refuse, names the wrong value and what is
// allowed, documents itself in --help, never prints a stack, and signs only with a key the running
// system has: run where no key exists, it names the folders it looked in instead of making one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { devKeyPair } from '../core/keys';

const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const script = path.join(__dirname, '..', 'scripts', 'token.ts');
const folders: string[] = [];
const tempFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-command-'));
  folders.push(dir);
  return dir;
};
/** The key folder of a running system: npm start made its key there. */
const dataDir = tempFolder();
beforeAll(() => devKeyPair(dataDir, 'client-jwt'));
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function run(args: string[], env: NodeJS.ProcessEnv = { DATA_DIR: dataDir }, cwd = process.cwd()) {
  return spawnSync(tsx, [script, ...args], { env: { ...process.env, DATA_DIR: undefined, JWT_PUBLIC_KEY: undefined, JWT_JWKS_URL: undefined, LOG_LEVEL: 'silent', ...env }, cwd, encoding: 'utf8' });
}
const token = (...args: string[]) => run(['--role', 'caseworker', '--authority', '101', ...args]);

it('prints a token valid for the hours asked, up to the gateway ceiling of 12, and 8 by default', () => {
  const twelve = token('--hours', '12');
  expect(twelve.status).toBe(0);
  const claims = decodeJwt(twelve.stdout.trim());
  expect(claims.exp! - claims.iat!).toBe(12 * 3600);
  const byDefault = decodeJwt(token().stdout.trim());
  expect(byDefault.exp! - byDefault.iat!).toBe(8 * 3600);
});

it.each(['24', 'abc', '0'])('refuses --hours %s with a message and no token or stack', (hours) => {
  const refused = token('--hours', hours);
  expect(refused.status).toBe(2);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toContain('--hours must be a number above 0 and at most 12');
  expect(refused.stderr).not.toMatch(/\n\s+at /);
});

it('names the wrong value, role or authority, and what is allowed', () => {
  const role = run(['--role', 'boss', '--authority', '101']);
  expect(role.status).toBe(2);
  expect(role.stderr).toContain('--role "boss" is not a role: use caseworker, akasse, analyst, system.');
  const authority = run(['--role', 'caseworker', '--authority', '1011']);
  expect(authority.status).toBe(2);
  expect(authority.stderr).toContain('--authority "1011" does not fit --role caseworker');
  expect(authority.stderr).toContain('3-digit municipality code');
  const missing = run(['--role', 'analyst']);
  expect(missing.stderr).toContain('--authority is missing: for --role analyst it is STAR.');
  for (const refused of [role, authority, missing]) expect(refused.stdout).toBe('');
});

it('refuses an unknown flag without a stack trace', () => {
  const refused = token('--hour', '3');
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain("Unknown option '--hour'");
  expect(refused.stderr).toContain('--help');
  expect(refused.stderr).not.toMatch(/\n\s+at /);
});

it('documents its flags and the default lifetime in --help', () => {
  const help = run(['--help']);
  expect(help.status).toBe(0);
  for (const flag of ['--role', '--authority', '--subject', '--hours', '--new-key', 'default 8', 'DATA_DIR']) expect(help.stdout).toContain(flag);
});

it('does not silently make a key the running system lacks: it names the folder, and --new-key makes one with a warning', () => {
  const empty = tempFolder();
  const refused = run(['--role', 'caseworker', '--authority', '101'], { DATA_DIR: empty });
  expect(refused.status).toBe(2);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toContain(path.join(empty, 'keys', 'client-jwt.json'));
  expect(refused.stderr).toContain('--new-key');
  expect(fs.existsSync(path.join(empty, 'keys'))).toBe(false);

  const made = run(['--role', 'caseworker', '--authority', '101', '--new-key'], { DATA_DIR: empty });
  expect(made.status).toBe(0);
  expect(made.stderr).toContain('warning: creating a new key');
  expect(fs.existsSync(path.join(empty, 'keys', 'client-jwt.json'))).toBe(true);
});

it('run from another folder without DATA_DIR, it uses the checkout\'s key folder or names it, and creates nothing where it runs', () => {
  const elsewhere = tempFolder();
  const result = run(['--role', 'caseworker', '--authority', '101'], {}, elsewhere);
  const checkoutKeys = path.join(__dirname, '..', 'data', 'keys');
  expect(result.stderr).toContain(path.resolve(checkoutKeys));
  // Which of the two depends on whether this checkout has started the system; neither makes a key here.
  const outcome = result.status === 0 ? `token for ${String(decodeJwt(result.stdout.trim()).role)}` : `refused with ${result.status}`;
  expect(['token for caseworker', 'refused with 2']).toContain(outcome);
  expect(fs.existsSync(path.join(elsewhere, 'data'))).toBe(false);
});
