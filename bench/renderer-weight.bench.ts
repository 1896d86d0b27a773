/**
 * Benchmark: the JavaScript a first screen needs, as a ratio to a one-button Fluent UI v9 page built
 * by the same vite in the same run (target <= 1.5, i.e. about 135 KB gzip), plus the sizes of
 * preload.cjs (no schema library in it) and the minified main.cjs. "First screen" is what
 * index.html loads before anything is clicked: its entry script and every module it preloads.
 * Run alone with `npm run bench -- renderer-weight`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { BenchLine } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside node_modules so the baseline page resolves react and Fluent like the app does.
const WORK = path.join(ROOT, 'node_modules', '.cache', 'fd-bench-weight');

/** Gzip bytes of the entry script and every modulepreload of a built index.html. */
function firstScreenGzip(outDir: string): { bytes: number; files: number } {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const unique = [...new Set(refs)];
  const bytes = unique.reduce((sum, ref) => sum + gzipSync(fs.readFileSync(path.join(outDir, ref))).length, 0);
  return { bytes, files: unique.length };
}

async function buildApp(): Promise<string> {
  const outDir = path.join(WORK, 'app');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

async function buildOneButtonPage(): Promise<string> {
  const src = path.join(WORK, 'one-button');
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>');
  fs.writeFileSync(
    path.join(src, 'main.tsx'),
    [
      "import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';",
      "import { createRoot } from 'react-dom/client';",
      "createRoot(document.getElementById('root')!).render(<FluentProvider theme={webLightTheme}><Button appearance=\"primary\">OK</Button></FluentProvider>);",
    ].join('\n'),
  );
  const outDir = path.join(WORK, 'one-button-dist');
  await build({ root: src, base: './', configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function run(): Promise<BenchLine[]> {
  const app = firstScreenGzip(await buildApp());
  const baseline = firstScreenGzip(await buildOneButtonPage());
  const lines: BenchLine[] = [
    {
      name: 'renderer weight: first-screen JavaScript (gzip) vs a one-button Fluent UI page',
      ratio: app.bytes / baseline.bytes,
      target: 1.5,
      detail: `${kb(app.bytes)} in ${app.files} files vs ${kb(baseline.bytes)}`,
    },
  ];
  const preload = path.join(ROOT, 'dist-electron', 'preload.cjs');
  const main = path.join(ROOT, 'dist-electron', 'main.cjs');
  if (fs.existsSync(preload) && fs.existsSync(main))
    lines.push({ name: 'electron bundles (npm run build:electron)', detail: `preload.cjs ${kb(fs.statSync(preload).size)}, main.cjs ${kb(fs.statSync(main).size)} minified` });
  fs.rmSync(WORK, { recursive: true, force: true });
  return lines;
}
