#!/usr/bin/env node
// The federation-desk CLI: runs the esbuild bundle in dist-cli/ (built by `npm install`'s prepare
// step and by `npm run build`). In a checkout whose sources are newer than the bundle (or that has
// none), it rebuilds the bundle first with esbuild, a development dependency; where esbuild is not
// installed either, it runs the sources through tsx when that is there, and otherwise says what to
// run. An installed package without sources just runs its bundle: the check costs one stat.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Ctrl+C (and SIGTERM) from the first line: until the CLI listens itself, Node's default would kill
// the process (130, no document, a rebuild's temporary files left half-written). The CLI takes what
// came meanwhile as its first stop, so the command ends as cancelled with its own exit code
// (electron/cli.ts, main).
const received = [];
const hold = (signal) => received.push(signal);
process.on('SIGINT', hold);
process.on('SIGTERM', hold);
const held = {
  received,
  release() {
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
  },
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist-cli', 'cli.mjs');
const SOURCES = ['electron', 'shared'].map((d) => path.join(ROOT, d));

/** The newest modification time under the CLI's source folders (0 where there are none). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCES) if (fs.existsSync(dir)) walk(dir);
  return newest;
}

function bundleIsCurrent() {
  let built;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  return !fs.existsSync(SOURCES[0]) || newestSource() <= built;
}

async function loadCli() {
  if (bundleIsCurrent()) return import(pathToFileURL(BUNDLE).href);
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    process.stderr.write('federation-desk: building the CLI from the changed sources (dist-cli/)...\n');
    await buildCli({ quiet: true });
    return import(pathToFileURL(BUNDLE).href);
  } catch (buildError) {
    try {
      const { register } = await import('tsx/esm/api');
      register();
      return import(pathToFileURL(path.join(ROOT, 'electron', 'cli.ts')).href);
    } catch {
      process.stderr.write(
        `federation-desk: the CLI bundle (dist-cli/cli.mjs) is missing or older than its sources, and it could not be built: ${buildError instanceof Error ? buildError.message : String(buildError)}\n` +
          'Run "npm install" (or "npm run build:cli") in the Federation Desk folder.\n',
      );
      process.exit(1);
    }
  }
}

const { main } = await loadCli();
await main(held);
