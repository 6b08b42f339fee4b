// A hub of CPR data on a closed network reaches nothing it was not configured to reach: the whole
// embedded system (`npm start` in a child process, everything real) is started, asked a question
// and stopped with every outbound connection attempt recorded, and none goes beyond loopback, even
// with an Apollo key in its environment. Apollo's libraries once probed cloud metadata addresses at
// start and reported to Apollo on stop (gateway/no-phoning-home.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import type { OutboundAttempt } from './support/record-outbound';
import { startProcess } from './support/start-process';
import { postGraphQL } from './support/system';

const RECORDER = path.join(__dirname, 'support', 'record-outbound.ts');

function isLoopback({ host, path: socketPath }: OutboundAttempt): boolean {
  if (socketPath) return true;
  return host === 'localhost' || host === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(host ?? '');
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-outbound-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('starts, answers and stops connecting to nothing but loopback', async () => {
  const record = path.join(dir, 'outbound.jsonl');
  const dataDir = path.join(dir, 'data');
  const started = startProcess({
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
  try {
    const up = await started.waitForLog('gateway and five subgraphs are up');
    const token = await issueClientToken(await devClientSigningKey(dataDir), { role: 'caseworker', authority: '101' });
    const answer = await postGraphQL<{ persons: { nodes: unknown[] } }>(String(up.url), '{ persons(municipalityCode: "101", first: 5) { nodes { name } } }', {}, { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
    expect(answer.data?.persons.nodes).toEqual([]);
  } finally {
    await started.stop();
  }
  const attempts = fs.readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as OutboundAttempt);
  // The recorder saw the gateway's own calls to its subgraphs, so it was listening.
  expect(attempts.filter((a) => a.kind === 'connect' && isLoopback(a)).length).toBeGreaterThan(0);
  expect(attempts.filter((a) => !isLoopback(a))).toEqual([]);
}, 120_000);
