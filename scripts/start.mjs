#!/usr/bin/env node
// `npm start`: make sure Electron's binary is there, build, and open the app in it.
//
// The `electron` npm package ships without its binary: its install script downloads it from GitHub
// (or ELECTRON_MIRROR) with @electron/get, and node_modules/electron/index.js tries again on first
// use (https://www.electronjs.org/docs/latest/tutorial/installation). Offline, both end in a stack
// trace ("TypeError: fetch failed") and advice that needs the network. This wrapper tries the
// download once, quietly, and when the binary is still missing prints one paragraph that says what
// happened and how to get the binary, then exits 1. Nothing is faked: the app only starts in a real
// Electron.
//
// FD_ELECTRON_PACKAGE_DIR points at another `electron` package folder (the tests use a stand-in).
// FD_START_SKIP_BUILD=1 skips the build step (the tests, and a second start after a build).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function electronPackageDir() {
  if (process.env.FD_ELECTRON_PACKAGE_DIR) return path.resolve(process.env.FD_ELECTRON_PACKAGE_DIR);
  return path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('electron/package.json'));
}

/** The executable the package's install script writes (path.txt), or null when it is missing. */
function installedBinary(dir) {
  const pathTxt = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const relative = fs.readFileSync(pathTxt, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** The last line of the installer's output that says what went wrong, without its stack. */
function reasonOf(output) {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  const error = lines.reverse().find((l) => /error|fail|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|certificate/i.test(l));
  return error ? error.slice(0, 200) : null;
}

function missingBinaryParagraph(version, reason) {
  return [
    `Federation Desk cannot start: Electron's binary (electron ${version}) is not installed, and it could not be downloaded${reason ? ` (${reason})` : ''}.`,
    'npm installs the electron package without its binary and fetches it from github.com/electron/electron/releases on first use.',
    'To get it: run `npm install` again where the machine can reach GitHub; or set ELECTRON_MIRROR to a mirror your network allows',
    '(e.g. an internal copy of the release files) and run `node node_modules/electron/install.js`; or copy Electron\'s download cache from a',
    'machine that has it (%LOCALAPPDATA%\\electron\\Cache on Windows, ~/.cache/electron on Linux, ~/Library/Caches/electron on macOS),',
    'point electron_config_cache at that folder and run the same command.',
    'Without Electron you can still use the CLI (`npx federation-desk --help`) and run every test (`npm test`: the UI is tested in Chromium).',
  ].join(' ');
}

function runBuild() {
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

const dir = electronPackageDir();
const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
let binary = installedBinary(dir);
if (!binary) {
  process.stderr.write(`Electron ${version}'s binary is not installed yet; downloading it...\n`);
  const install = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', env: process.env });
  binary = install.status === 0 ? installedBinary(dir) : null;
  if (!binary) {
    process.stderr.write(`\n${missingBinaryParagraph(version, reasonOf(`${install.stdout ?? ''}\n${install.stderr ?? ''}\n${install.error?.message ?? ''}`))}\n`);
    process.exit(1);
  }
}

if (process.env.FD_START_SKIP_BUILD !== '1') {
  const built = runBuild();
  if (built !== 0) process.exit(built);
}

const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
