/**
 * Benchmark: the JavaScript a first screen needs, as a ratio to a one-button Fluent UI v9 page built
 * by the same vite in the same run (target <= 1.5, i.e. about 135 KB gzip), plus the sizes of
 * preload.cjs (no schema library in it) and the minified main.cjs. "First screen" is what
 * index.html loads before anything is clicked: its entry script and every module it preloads.
 * What the app fetches right after (the profile form, asked for once the welcome or the list is
 * painted) is measured in Chromium by renderer-ready.bench.ts. Run alone with `npm run bench -- renderer-weight`.
 * The byte budget itself is a test: tests/unit/renderer-weight.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchLine } from './run';
import { ONE_BUTTON_FLUENT_PAGE, ROOT, buildApp, buildPage, cleanWork, firstScreenGzip, kb } from './renderer-build';

export async function run(): Promise<BenchLine[]> {
  try {
    const app = firstScreenGzip(await buildApp('weight-app'));
    const baseline = firstScreenGzip(await buildPage('one-button', ONE_BUTTON_FLUENT_PAGE));
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
    return lines;
  } finally {
    cleanWork();
  }
}
