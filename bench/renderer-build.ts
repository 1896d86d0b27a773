/**
 * Builds for the renderer benchmarks (renderer-weight, renderer-ready): the app with its own
 * vite.config.ts, and reference pages (one Fluent UI button, bare React) built by the same vite in
 * the same run, so a ratio compares like with like.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside node_modules so the reference pages resolve react and Fluent like the app does.
export const WORK = path.join(ROOT, 'node_modules', '.cache', 'fd-bench-renderer');

export const gzipBytes = (file: string): number => gzipSync(fs.readFileSync(file)).length;

/** The scripts a built index.html loads before anything runs: its entry and every modulepreload. */
export function firstScreenScripts(outDir: string): string[] {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return [...new Set(refs)];
}

/** Gzip bytes of the entry script and every modulepreload of a built index.html. */
export function firstScreenGzip(outDir: string): { bytes: number; files: number } {
  const scripts = firstScreenScripts(outDir);
  return { bytes: scripts.reduce((sum, ref) => sum + gzipBytes(path.join(outDir, ref)), 0), files: scripts.length };
}

/**
 * A production build, also inside vitest (which sets NODE_ENV=test, and vite respects a NODE_ENV
 * already set: React's development build would be measured).
 */
async function productionBuild(config: InlineConfig): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...config, mode: 'production', logLevel: 'silent' });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

export async function buildApp(name = 'app'): Promise<string> {
  const outDir = path.join(WORK, name);
  await productionBuild({ configFile: path.join(ROOT, 'vite.config.ts'), build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

/** A page of one module, `main.tsx`, built like the app (vite, the React plugin, base ./). */
export async function buildPage(name: string, mainTsx: string[]): Promise<string> {
  const src = path.join(WORK, `${name}-src`);
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'index.html'), '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>');
  fs.writeFileSync(path.join(src, 'main.tsx'), mainTsx.join('\n'));
  const outDir = path.join(WORK, name);
  await productionBuild({ root: src, base: './', configFile: false, plugins: [react()], build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

/** The reference for weight: Fluent UI v9's provider and one primary button. */
export const ONE_BUTTON_FLUENT_PAGE = [
  "import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';",
  "import { createRoot } from 'react-dom/client';",
  "createRoot(document.getElementById('root')!).render(<FluentProvider theme={webLightTheme}><Button appearance=\"primary\">OK</Button></FluentProvider>);",
];

/** The reference for time: React alone, rendering a heading and a button. */
export const BARE_REACT_PAGE = [
  "import { createRoot } from 'react-dom/client';",
  "createRoot(document.getElementById('root')!).render(<main><h2>Welcome</h2><button type=\"button\">Start</button></main>);",
];

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function cleanWork(): void {
  fs.rmSync(WORK, { recursive: true, force: true });
}
