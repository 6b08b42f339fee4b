// A hub of CPR data on a closed network reaches nothing it was not configured to reach: the whole
// embedded system (`npm start` in a child process, everything real) is started on a fresh data
// folder, asked a question and stopped with every outbound connection attempt recorded, and none
// goes beyond loopback, even with an Apollo key in its environment. Apollo's libraries once probed
// cloud metadata addresses at start and reported to Apollo on stop (gateway/no-phoning-home.ts).
// The same start shows `npm start` on a fresh machine: keys generated, each logged by fingerprint.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cprPseudonymKey } from '../core/cpr-pseudonym';
import { devKeyPair, keyFingerprint } from '../core/keys';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import type { OutboundAttempt } from './support/record-outbound';
import { startProcess, type StartedProcess } from './support/start-process';
import { postGraphQL } from './support/system';

const RECORDER = path.join(__dirname, 'support', 'record-outbound.ts');
jest.setTimeout(120_000);

function isLoopback({ host, path: socketPath }: OutboundAttempt): boolean {
  if (socketPath) return true;
  return host === 'localhost' || host === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(host ?? '');
}

let dir: string;
let dataDir: string;
let record: string;
let started: StartedProcess;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-outbound-'));
  dataDir = path.join(dir, 'data');
  record = path.join(dir, 'outbound.jsonl');
  started = startProcess({
    nodeFlags: ['--import', RECORDER],
    env: {
      OUTBOUND_RECORD_FILE: record,
      DATA_DIR: dataDir,
      PORT: '0',
      // A deployment template may carry these; Apollo's usage reporting must not act on them.
      APOLLO_KEY: 'service:dfdg:not-a-real-key',
      APOLLO_GRAPH_REF: 'dfdg@production',
    },
  });
});
afterAll(async () => {
  await started.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('starts on a fresh data folder with generated keys, each logged by fingerprint, and answers', async () => {
  const up = await started.waitForLog('gateway and five subgraphs are up');
  const identity = await keyFingerprint((await devKeyPair(dataDir, 'internal-identity')).publicKey);
  const client = await keyFingerprint((await devKeyPair(dataDir, 'client-jwt')).publicKey);
  const keys = started.logs.filter((l) => l.msg === 'key in use').map(({ key, source, fingerprint }) => ({ key, source, fingerprint }));
  expect(keys).toEqual([
    { key: 'internal identity signing key', source: 'generated', fingerprint: identity },
    { key: 'client JWT verification key', source: 'generated', fingerprint: client },
    { key: 'internal identity verification key', source: 'generated', fingerprint: identity },
    { key: 'CPR pseudonym key', source: 'generated', fingerprint: await keyFingerprint(cprPseudonymKey(dataDir, {})) },
  ]);

  const token = await issueClientToken(await devClientSigningKey(dataDir), { role: 'caseworker', authority: '101' });
  const answer = await postGraphQL(String(up.url), '{ persons(municipalityCode: "101", first: 5) { nodes { name } } }', {}, { authorization: `Bearer ${token}` });
  expect(answer).toEqual({ status: 200, data: { persons: { nodes: [] } } });
});

it('stops on SIGTERM with exit code 0 (drained), having connected to nothing but loopback', async () => {
  expect(await started.stop()).toBe(0);
  expect(started.logs.some((l) => l.msg.startsWith('draining'))).toBe(true);
  const attempts = fs.readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as OutboundAttempt);
  // The recorder saw the gateway's own calls to its subgraphs, so it was listening.
  expect(attempts.filter((a) => a.kind === 'connect' && isLoopback(a)).length).toBeGreaterThan(0);
  expect(attempts.filter((a) => !isLoopback(a))).toEqual([]);
});
