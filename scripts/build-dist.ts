// `npm run build:dist`: compiles the TypeScript into dist/ with the same folder layout and copies
// the files read at run time (schema files, the supergraph, warm-up operations, the explorer's
// source, which esbuild bundles on first request), so `node dist/scripts/start.js` runs the
// system without a TypeScript loader in memory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');

// From scratch: a file deleted from the sources must not live on in dist/ (a stale `x.js` beside
// a new `x/index.js` would win the require).
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

function copyAssets(dir: string): void {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '__tests__') copyAssets(relative);
    } else if (entry.name.endsWith('.graphql') || entry.name.endsWith('.tsx') || entry.name.endsWith('.json')) {
      fs.mkdirSync(path.join(dist, dir), { recursive: true });
      fs.copyFileSync(path.join(root, relative), path.join(dist, relative));
    }
  }
}

for (const dir of ['core', 'gateway', 'subgraphs']) copyAssets(dir);
fs.copyFileSync(path.join(root, 'supergraph.graphql'), path.join(dist, 'supergraph.graphql'));
console.log(`built ${path.relative(process.cwd(), dist)}/`);
