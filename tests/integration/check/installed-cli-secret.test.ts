/**
 * The installed CLI (the app's executable with --fd-cli) hands the app's vault to the CLI's services:
 * `check --profile NAME` then proves the secret the app stored, as the app does, and never prints it.
 * Without that vault (the CLI from a checkout) the same command line says how to pass the secret.
 * The vault here is the harness's test vault standing in for safeStorage; one key for app and CLI,
 * as DPAPI gives one user's processes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useAppVault } from '../../../electron/cli/cli-services';
import type { RunningSimulator } from '../../../electron/simulator';
import { EMPTY_DRAFT } from '../../../shared/profile';
import { ephemeralKeyVault } from '../../harness/test-vault';
import { testAppServices } from '../../helpers/app-services';
import { runCliInProcess } from '../../helpers/run-cli';
import { dataDir, startSim } from './check-kit';

let sim: RunningSimulator;
let dir: string;
const vault = ephemeralKeyVault();

beforeAll(async () => {
  sim = await startSim('healthy');
  dir = fs.mkdtempSync(path.join(dataDir, 'installed-'));
  const app = testAppServices(dir, { vault });
  const { tenantId, samlAppId, apiAppId, webUrl, secret } = sim.profile;
  await app.profiles.save({ draft: { ...EMPTY_DRAFT, name: 'Contoso', tenantId, samlAppId, clientId: apiAppId, webUrl }, secret: { action: 'replace', value: secret ?? '' } });
});
afterAll(async () => {
  await sim.close();
});

const argv = () => ['check', '--profile', 'Contoso', '--data-dir', dir, '--authority-host', sim.authorityHost, '--ca-file', sim.caCertPath, '--json'];
const secretRow = (stdout: string) => (JSON.parse(stdout) as { results: { id: string; status: string; summary: string }[] }).results.find((r) => r.id === 'secret');

it('from a checkout (no app vault), says how to pass the secret', async () => {
  const run = await runCliInProcess(argv());
  expect(secretRow(run.stdout)).toMatchObject({ status: 'failed' });
  expect(secretRow(run.stdout)?.summary).toMatch(/--secret-stdin|--secret-env/);
});

it('as the installed CLI, proves the stored secret without printing it', async () => {
  useAppVault(vault);
  const run = await runCliInProcess(argv());
  expect(secretRow(run.stdout)).toMatchObject({ status: 'passed' });
  expect(run.code).toBe(0);
  const secret = sim.profile.secret ?? '';
  expect(secret.length).toBeGreaterThan(8);
  expect(run.stdout).not.toContain(secret);
  expect(run.stderr).not.toContain(secret);
});
