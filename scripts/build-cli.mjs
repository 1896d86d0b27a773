// Bundles the CLI (electron/cli.ts) once with esbuild, as main and preload are: ES modules for Node 20,
// everything bundled (no tsx, no node_modules needed at run time), one chunk per command so that
// `federation-desk --version` or `diagnose` loads only its own code (electron/cli/commands.ts
// imports each command with a dynamic import()).
//
// Files are written to a temporary name and renamed into place, chunks before the entry, so a CLI
// started while another process rebuilds always sees a complete bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUTDIR = path.join(ROOT, 'dist-cli');
export const CLI_ENTRY = path.join(CLI_OUTDIR, 'cli.mjs');

export async function buildCli({ outdir = CLI_OUTDIR, quiet = false } = {}) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'electron/cli.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    legalComments: 'none',
    // Bundled CommonJS dependencies (MSAL, conf's helpers) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __fdCreateRequire } from 'node:module'; const require = __fdCreateRequire(import.meta.url);" },
    write: false,
    logLevel: quiet ? 'error' : 'warning',
  });
  const files = [...result.outputFiles].sort((a, b) => Number(path.basename(a.path) === 'cli.mjs') - Number(path.basename(b.path) === 'cli.mjs'));
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, file.contents);
    fs.renameSync(temp, file.path);
  }
  return files.map((f) => f.path);
}

/** Chunks left by earlier builds (their names carry a content hash); only when building on purpose. */
function removeStaleChunks(keep) {
  const dir = path.join(CLI_OUTDIR, 'chunks');
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (!keep.has(path.join(dir, name))) fs.rmSync(path.join(dir, name), { force: true });
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  try {
    await import('esbuild');
  } catch {
    // `npm install --omit=dev` runs prepare too: without esbuild there is nothing to build with, and
    // the install must not fail for it. bin/federation-desk.mjs says what to do if the bundle is missing.
    console.log('esbuild is not installed (development dependencies omitted): the CLI bundle was not built.');
    process.exit(0);
  }
  const files = await buildCli();
  removeStaleChunks(new Set(files));
  console.log(`built ${path.relative(ROOT, CLI_ENTRY)} and ${files.length - 1} command chunks`);
}
