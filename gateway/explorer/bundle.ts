// Builds the explorer's JavaScript and CSS with esbuild, in memory, once per process. Building at
// start rather than checking in a bundle keeps the repository free of generated megabytes, and
// everything comes from node_modules: no CDN, so the explorer works on a closed network.
import path from 'node:path';
import { build } from 'esbuild';

export interface ExplorerAssets {
  js: string;
  css: string;
}

let assets: Promise<ExplorerAssets> | null = null;

export function explorerAssets(): Promise<ExplorerAssets> {
  assets ??= buildAssets().catch((error: unknown) => {
    assets = null;
    throw error;
  });
  return assets;
}

async function buildAssets(): Promise<ExplorerAssets> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'app.tsx')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    outdir: 'out',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: file('.js'), css: file('.css') };
}
