// A process loads the code of what it runs and nothing else: one subgraph's process loads neither
// the gateway nor another subgraph (issue 17: one composition root, modules loaded by name).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** The project files (relative) a fresh Node process has loaded after running `script`. */
function loadedAfter(script: string): string[] {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', `${script}; console.log(JSON.stringify(Object.keys(require.cache)))`], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout.trim().split('\n').pop()!) as string[]).filter((f) => !f.includes('node_modules')).map((f) => path.relative(root, f));
}

it("loads only person's code (and the shared contracts) for a person process", () => {
  const loaded = loadedAfter("require('./launcher/subgraph-process'); require('./launcher/modules').loadSubgraphModule('person')");
  expect(loaded).toContain(path.join('subgraphs', 'person', 'index.ts'));
  const foreign = loaded.filter((f) => f.startsWith('subgraphs') && !f.startsWith(path.join('subgraphs', 'person')) && !f.startsWith(path.join('subgraphs', 'common')));
  expect(foreign).toEqual([]);
  expect(loaded.filter((f) => f.startsWith('gateway') && f !== path.join('gateway', 'subgraph-list.ts'))).toEqual([]);
});

it('loads no subgraph for the gateway process', () => {
  const loaded = loadedAfter("require('./launcher/gateway-process')");
  expect(loaded).toContain(path.join('gateway', 'server.ts'));
  expect(loaded.filter((f) => f.startsWith('subgraphs'))).toEqual([]);
});

it('refuses an unknown subgraph by name', () => {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', "require('./launcher/modules').loadSubgraphModule('persons')"], { cwd: root, encoding: 'utf8' });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('Unknown subgraph "persons"; expected one of person, absence, plan, recruitment, payment');
});
