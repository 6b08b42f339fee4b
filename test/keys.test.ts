// Keys as an operator sees them at start-up (`npm start` in child processes, real environment
// variables): a process started for production (PostgreSQL or NATS configured) refuses the
// generated dev keys unless ALLOW_DEV_KEYS=true, and every process logs which keys it uses, by
// fingerprint, so gateway and subgraphs can be checked against each other and against the IdP.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { cprPseudonymKey } from '../core/cpr-pseudonym';
import { dropPostgresDatabase } from '../core/db';
import { devKeyPair, keyFingerprint } from '../core/keys';
import { issueClientToken } from '../gateway/tokens';
import { startProcess, type LogLine, type StartedProcess } from './support/start-process';
import { postGraphQL, usingPostgres } from './support/system';

// Nothing listens on port 1: a start that gets past its keys fails there instead of touching a real server.
const UNREACHABLE_POSTGRES = 'postgres://postgres@127.0.0.1:1/unreachable';
const UNREACHABLE_NATS = '127.0.0.1:1';
// Each test starts processes that compile the sources with tsx: slow on a busy two-core machine.
jest.setTimeout(180_000);
const FATAL = 60;
const WARN = 40;

let dir: string;
const running: StartedProcess[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-keys-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(name: string, args: string[], env: Record<string, string>): StartedProcess {
  const started = startProcess({ args, env: { DATA_DIR: path.join(dir, name), PORT: '0', NOTIFICATIONS_PORT: '0', ...env } });
  running.push(started);
  return started;
}

const keyLines = (logs: LogLine[]) => logs.filter((l) => l.msg.startsWith('key in use'));

describe('a process started for production', () => {
  it('refuses a generated dev key, names the variable to set, and generates nothing', async () => {
    const identity = await generateKeyPair('ES256', { extractable: true });
    const cases: Array<{ name: string; args: string[]; env: Record<string, string>; unset: string }> = [
      { name: 'subgraph', args: ['--subgraph', 'person'], env: { DATABASE_URL: UNREACHABLE_POSTGRES }, unset: 'INTERNAL_IDENTITY_PUBLIC_KEY' },
      {
        name: 'subgraph-with-identity-key',
        args: ['--subgraph', 'absence'],
        env: { EVENT_BUS: 'nats', NATS_URL: UNREACHABLE_NATS, INTERNAL_IDENTITY_PUBLIC_KEY: await exportSPKI(identity.publicKey) },
        unset: 'CPR_PSEUDONYM_KEY',
      },
      { name: 'gateway', args: ['--gateway'], env: { EVENT_BUS: 'nats', NATS_URL: UNREACHABLE_NATS }, unset: 'INTERNAL_IDENTITY_PRIVATE_KEY' },
      {
        name: 'gateway-with-identity-key',
        args: ['--gateway'],
        env: { DATABASE_URL: UNREACHABLE_POSTGRES, INTERNAL_IDENTITY_PRIVATE_KEY: await exportPKCS8(identity.privateKey) },
        unset: 'JWT_JWKS_URL or JWT_PUBLIC_KEY',
      },
      { name: 'embedded', args: [], env: { PERSON_DATABASE_URL: UNREACHABLE_POSTGRES }, unset: 'INTERNAL_IDENTITY_PRIVATE_KEY' },
    ];
    await Promise.all(
      cases.map(async ({ name, args, env, unset }) => {
        const started = start(name, args, env);
        expect({ name, exit: await started.exited }).toEqual({ name, exit: 1 });
        const fatal = started.logs.filter((l) => l.level === FATAL).map((l) => l.msg);
        expect(fatal).toEqual([expect.stringContaining(`Set ${unset} (README, "Keys"), or ALLOW_DEV_KEYS=true`)]);
        expect(fs.existsSync(path.join(dir, name, 'keys'))).toBe(false);
      }),
    );
  });

  it('starts on generated keys when the operator says ALLOW_DEV_KEYS=true, warning with each fingerprint', async () => {
    const database = usingPostgres ? Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/dfdg_test_keys_${randomBytes(4).toString('hex')}` }).toString() : UNREACHABLE_POSTGRES;
    try {
      const started = start('allowed', ['--subgraph', 'person'], { PERSON_DATABASE_URL: database, ALLOW_DEV_KEYS: 'true' });
      // With a PostgreSQL server to test on it comes up; without one it fails on the database, past its keys.
      await (usingPostgres ? started.waitForLog('subgraph is up') : started.exited);
      const dataDir = path.join(dir, 'allowed');
      expect(keyLines(started.logs).map(({ level, key, source, fingerprint, unset }) => ({ level, key, source, fingerprint, unset }))).toEqual([
        {
          level: WARN,
          key: 'internal identity verification key',
          source: 'generated',
          fingerprint: await keyFingerprint((await devKeyPair(dataDir, 'internal-identity')).publicKey),
          unset: 'INTERNAL_IDENTITY_PUBLIC_KEY',
        },
        { level: WARN, key: 'CPR pseudonym key', source: 'generated', fingerprint: await keyFingerprint(cprPseudonymKey(dataDir, {})), unset: 'CPR_PSEUDONYM_KEY' },
      ]);
      expect(started.logs.filter((l) => l.level === FATAL)).toEqual([]);
    } finally {
      if (usingPostgres) {
        await Promise.all(running.splice(0).map((p) => p.stop()));
        await dropPostgresDatabase(database);
      }
    }
  });
});

describe('keys from the environment, as in the distributed mode', () => {
  it('are logged by fingerprint, the same identity key at gateway and subgraph, and calls go through', async () => {
    const identity = await generateKeyPair('ES256', { extractable: true });
    const idp = await generateKeyPair('ES256', { extractable: true });
    const pseudonymSecret = randomBytes(32);
    const subgraph = start('person', ['--subgraph', 'person'], {
      INTERNAL_IDENTITY_PUBLIC_KEY: await exportSPKI(identity.publicKey),
      CPR_PSEUDONYM_KEY: pseudonymSecret.toString('base64'),
    });
    const subgraphUp = await subgraph.waitForLog('subgraph is up');
    // No INTERNAL_IDENTITY_PUBLIC_KEY: the gateway's own notifications service uses its signing key's public half.
    const gateway = start('gateway', ['--gateway'], {
      INTERNAL_IDENTITY_PRIVATE_KEY: await exportPKCS8(identity.privateKey),
      JWT_PUBLIC_KEY: JSON.stringify(await exportJWK(idp.publicKey)),
      PERSON_URL: String(subgraphUp.url),
    });
    const gatewayUp = await gateway.waitForLog('gateway is up');

    const identityFingerprint = await keyFingerprint(identity.publicKey);
    const summary = (logs: LogLine[]) => keyLines(logs).map(({ key, source, variable, fingerprint }) => ({ key, source, variable, fingerprint }));
    expect(summary(subgraph.logs)).toEqual([
      { key: 'internal identity verification key', source: 'environment', variable: 'INTERNAL_IDENTITY_PUBLIC_KEY', fingerprint: identityFingerprint },
      { key: 'CPR pseudonym key', source: 'environment', variable: 'CPR_PSEUDONYM_KEY', fingerprint: await keyFingerprint(pseudonymSecret) },
    ]);
    expect(summary(gateway.logs)).toEqual([
      { key: 'internal identity signing key', source: 'environment', variable: 'INTERNAL_IDENTITY_PRIVATE_KEY', fingerprint: identityFingerprint },
      { key: 'client JWT verification key', source: 'environment', variable: 'JWT_PUBLIC_KEY', fingerprint: await keyFingerprint(idp.publicKey) },
    ]);
    // Neither process made a key of its own.
    expect(fs.existsSync(path.join(dir, 'person', 'keys'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'gateway', 'keys'))).toBe(false);

    const token = await issueClientToken(idp.privateKey, { role: 'caseworker', authority: '101' });
    const answer = await postGraphQL(String(gatewayUp.url), '{ persons(municipalityCode: "101", first: 5) { nodes { name } } }', {}, { authorization: `Bearer ${token}` });
    expect(answer).toEqual({ status: 200, data: { persons: { nodes: [] } } });
  });
});
