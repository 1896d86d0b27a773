// @vitest-environment node
/**
 * Packaging, here, without Electron's binary: electron-builder builds the unpacked app (`--dir`)
 * exactly as the installers pack it (build/electron-builder.mjs: the same files, asar, extra
 * resources), against a stand-in Electron distribution (`electronDist`). Fuses are left out of this
 * run only: flipping them needs the real binary's sentinel; the configuration's fuse values are
 * asserted instead. Needs `npm run build` first (npm test builds before the unit tests).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc';

const ROOT = path.resolve(__dirname, '../..');
const BUILT = ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist-cli/cli.mjs', 'dist/renderer/index.html'].every((f) => fs.existsSync(path.join(ROOT, f)));
/** The asar holds bundles only: main, preload, CLI and renderer are about 8 MB today. */
const ASAR_BUDGET_BYTES = 12 * 1024 * 1024;

interface BuilderConfig {
  appId: string;
  directories: Record<string, string>;
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  win: { target: { target: string }[] };
}
type AsarModule = { listPackage(file: string, options: { isPack: boolean }): string[]; extractAll(archive: string, dest: string): void };

let work: string;
let appDir: string;
let config: BuilderConfig;
let addCliToMsiPath: (wxs: string) => string;
let asar: AsarModule;
let entries: string[];

beforeAll(async () => {
  const mod = (await import(pathToFileURL(path.join(ROOT, 'build/electron-builder.mjs')).href)) as { default: BuilderConfig; addCliToMsiPath: (wxs: string) => string };
  config = mod.default;
  addCliToMsiPath = mod.addCliToMsiPath;
  if (!BUILT) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-pack-'));
  // A stand-in for Electron's unpacked release: what electron-builder copies around the app.
  const dist = path.join(work, 'electron-dist');
  fs.mkdirSync(path.join(dist, 'locales'), { recursive: true });
  fs.mkdirSync(path.join(dist, 'resources'));
  fs.writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dist, 'locales', 'en-US.pak'), '');
  fs.writeFileSync(path.join(dist, 'LICENSE'), '');
  fs.writeFileSync(path.join(dist, 'version'), '45.3.4');
  const { build, Platform } = await import('electron-builder');
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { ...(config as object), electronDist: dist, electronVersion: '45.3.4', electronFuses: null, npmRebuild: false, directories: { ...config.directories, output: path.join(work, 'out') } },
  });
  appDir = path.join(work, 'out', 'linux-unpacked');
  asar = (await import('@electron/asar')) as unknown as AsarModule;
  entries = asar.listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false }).map((e) => e.replaceAll('\\', '/'));
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the installer configuration', () => {
  it('uses the AppUserModelId main.ts sets, so toasts come from the Start-menu shortcut', () => {
    const main = fs.readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');
    expect(main).toContain(`const APP_USER_MODEL_ID = '${config.appId}'`);
  });

  it('builds a per-user NSIS installer without elevation and a per-machine MSI, both with versioned names and a Start-menu shortcut', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, createStartMenuShortcut: true, deleteAppDataOnUninstall: false });
    expect(config.msi).toMatchObject({ perMachine: true, createStartMenuShortcut: true });
    for (const target of [config.nsis, config.msi]) expect(String(target.artifactName)).toContain('${version}');
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; the app only from an integrity-checked asar; cookies encrypted', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('puts the CLI folder on the machine PATH in the MSI, once, and off again on uninstall', () => {
    const wxs = '<Wix><Product><ComponentGroup Id="ProductComponents" Directory="APPLICATIONFOLDER"><Component/></ComponentGroup></Product></Wix>';
    const out = addCliToMsiPath(wxs);
    expect(out).toMatch(/<Environment Id="FederationDeskCliPath" Name="PATH" Value="\[APPLICATIONFOLDER\]resources\\bin" Part="last" Action="set" System="yes" Permanent="no"\/>\s*<\/Component>\s*<\/ComponentGroup>/);
    expect(addCliToMsiPath(out)).toBe(out);
  });
});

describe.skipIf(!BUILT)('the packed app (run `npm run build` first)', () => {
  it('holds main, preload, the CLI and the renderer only: no node_modules, sources, tests or source maps', () => {
    const files = entries.filter((e) => path.posix.extname(e) !== '' || e === '/package.json');
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist-electron/main.cjs', '/dist-electron/preload.cjs', '/dist-cli/cli.mjs', '/dist/renderer/index.html']));
    const allowed = [/^\/package\.json$/, /^\/dist-electron\/(main|preload)\.cjs$/, /^\/dist-cli\/cli\.mjs$/, /^\/dist-cli\/chunks\/[\w-]+\.mjs$/, /^\/dist\/renderer\/[\w./-]+$/];
    expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
    expect(entries.filter((e) => /node_modules|\.map$|\.tsx?$|\/tests?\/|\/electron\/|\/shared\//.test(e))).toEqual([]);
  });

  it('ships a package.json without scripts or development dependencies', () => {
    const dir = fs.mkdtempSync(path.join(work, 'extract-'));
    asar.extractAll(path.join(appDir, 'resources', 'app.asar'), dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
  });

  it('stays within its size budget', () => {
    const size = fs.statSync(path.join(appDir, 'resources', 'app.asar')).size;
    expect(size).toBeLessThanOrEqual(ASAR_BUDGET_BYTES);
  });

  it('starts from the unpacked asar with nothing but Electron: every handler registered, no module missing', () => {
    const dir = fs.mkdtempSync(path.join(work, 'run-'));
    asar.extractAll(path.join(appDir, 'resources', 'app.asar'), dir);
    const out = execFileSync(process.execPath, ['-r', path.join(ROOT, 'tests/electron/fixtures/electron-stub.cjs'), path.join(dir, 'dist-electron', 'main.cjs')], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, NODE_PATH: '' } });
    const record = JSON.parse(out) as { handlers: string[]; errors: string[] };
    expect(record.errors).toEqual([]);
    expect(record.handlers.filter((h) => h !== '__ELECTRON_LOG__').sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('runs the CLI headless from the packed app (--fd-cli), with one JSON document and the CLI\'s exit codes', () => {
    const dir = fs.mkdtempSync(path.join(work, 'cli-'));
    asar.extractAll(path.join(appDir, 'resources', 'app.asar'), dir);
    const cli = (args: string[]) => spawnSync(process.execPath, ['-r', path.join(ROOT, 'tests/electron/fixtures/electron-stub.cjs'), path.join(dir, 'dist-electron', 'main.cjs'), '--fd-cli', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH } });
    const version = cli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const data = fs.mkdtempSync(path.join(work, 'data-'));
    const created = cli(['profiles', 'create', '--name', 'Prod', '--tenant', 'contoso.onmicrosoft.com', '--saml-app', '11111111-2222-3333-4444-555555555555', '--api-app', '11111111-2222-3333-4444-666666666666', '--web-url', 'https://contoso.octopus-itsm.com/octopus/', '--data-dir', data, '--json']);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ created: { name: 'Prod' } });
    const missing = cli(['profiles', 'show', 'Nope', '--data-dir', data, '--json']);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { exitCode: 1 } });
  });

  it('puts the CLI shim beside the app, running the app executable in CLI mode', () => {
    const shim = fs.readFileSync(path.join(appDir, 'resources', 'bin', 'federation-desk.cmd'), 'utf8');
    expect(shim).toContain('"%~dp0..\\..\\Federation Desk.exe" --fd-cli %*');
    expect(shim).toContain('exit /b %ERRORLEVEL%');
  });
});
