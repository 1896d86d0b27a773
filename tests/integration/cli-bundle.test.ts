/**
 * The CLI as users run it: one esbuild bundle (scripts/build-cli.mjs) whose commands load only when
 * they run. Built here into a temporary folder so the test needs no earlier build; then each
 * command's chunk is removed in turn to show what a command line really loads.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
let outdir: string;

/** Runs the bundle's main() with these arguments, as bin/federation-desk.mjs does. */
function runBundle(args: string[]) {
  const runner = path.join(outdir, 'run.mjs');
  fs.writeFileSync(runner, "const { main } = await import('./cli.mjs');\nawait main();\n");
  return spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH } });
}

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-cli-bundle-'));
  const { buildCli } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-cli.mjs')).href)) as { buildCli(o: { outdir: string; quiet: boolean }): Promise<string[]> };
  await buildCli({ outdir, quiet: true });
}, 120_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const chunk = (command: string) => fs.readdirSync(path.join(outdir, 'chunks')).find((f) => f.startsWith(`${command}-command-`));

describe('the CLI bundle', () => {
  it('holds each command in a chunk of its own', () => {
    for (const command of ['audit', 'check', 'diagnose', 'expiry', 'profiles', 'simulate']) expect(chunk(command), command).toBeDefined();
  });

  it('answers --version and explains a pasted error without loading the other commands', () => {
    for (const command of ['audit', 'check', 'expiry', 'profiles', 'simulate']) fs.renameSync(path.join(outdir, 'chunks', chunk(command) ?? ''), path.join(outdir, `${command}.removed`));
    const version = runBundle(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const diagnose = runBundle(['diagnose', 'AADSTS50011: The redirect URI does not match.', '--json']);
    expect(diagnose.stderr).toBe('');
    expect(diagnose.status).toBe(0);
    expect(JSON.parse(diagnose.stdout)).toMatchObject({ findings: [expect.objectContaining({ code: 50011 })] });
  });

  it('runs from bin/federation-desk.mjs, with --json usage errors as one document', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/federation-desk.mjs'), '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const bad = spawnSync(process.execPath, [path.join(ROOT, 'bin/federation-desk.mjs'), 'nope', '--json'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { kind: 'usage', exitCode: 2 } });
  });
});
