/**
 * The services as the CLI sees them: the app's own data folder through `conf`. In plain Node there
 * is no access to the app's safeStorage encryption, which commands that need the secret say. The
 * installed CLI is the app's own executable in CLI mode (electron/main.ts, `--fd-cli`): it hands in
 * the app's safeStorage vault with `useAppVault`, so `check --profile NAME` can use the stored secret
 * as the same Windows user (docs/ARCHITECTURE.md, "Installed CLI").
 */
import fs from 'node:fs';
import { createAppServices, type AppServices } from '../app-services';
import { confDocumentFiles } from '../services/conf-document-file';
import { defaultDataDir } from '../services/data-dir';
import { systemClock, type Clock, type SecretVault } from '../services/ports';
import { redact } from '../services/redact';
import { proxyFromEnv } from '../services/http';
import { APP_VERSION } from '../../shared/version';
import { UsageError } from './io';
import type { NetworkOverrides } from '../services/run-environment';

const noVault: SecretVault = {
  status: async () => ({ persistent: false, backend: 'none (the CLI cannot open the app’s encrypted secrets)' }),
  encrypt: async () => {
    throw new Error('The CLI does not store secrets. Pass the secret with --secret-stdin or --secret-env VAR.');
  },
  decrypt: async () => {
    throw new Error("The CLI cannot decrypt the app's stored secret. Pass it with --secret-stdin or --secret-env VAR.");
  },
};

/**
 * The CLI's composition root: the app's services (createAppServices, the same wiring as the app) over
 * plain-Node ports; `network` carries a command's --authority-host, --ca-file and --proxy.
 * `--data-dir DIR` must name a folder that exists, unless the command is one that adds profiles
 * (`creates`): a typo would otherwise read as "no profiles" from a new empty folder, and a
 * scheduled `expiry --all` would report OK about nothing.
 */
let appVault: SecretVault | null = null;

/** Called once by the installed app's CLI mode, before any command runs. */
export function useAppVault(vault: SecretVault): void {
  appVault = vault;
}

/** True inside the installed app's CLI mode: the services can open the secrets the app stored. */
export function appVaultActive(): boolean {
  return appVault !== null;
}

export function cliServices(options: { dataDir?: string; stderr: NodeJS.WritableStream; clock?: Clock; creates?: boolean; network?: NetworkOverrides }): AppServices {
  if (options.dataDir !== undefined && !options.creates && !fs.existsSync(options.dataDir)) {
    throw new UsageError(`The data folder ${options.dataDir} (--data-dir) does not exist. Check the path; the app's own folder is ${defaultDataDir()}.`);
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  const warn = (m: string) => options.stderr.write(`warning: ${redact(m)}\n`);
  return createAppServices({
    dataDir,
    version: APP_VERSION,
    platform: process.platform,
    files: confDocumentFiles(dataDir),
    vault: appVault ?? noVault,
    clock: options.clock ?? systemClock,
    logger: { info: () => {}, warn, error: warn },
    openExternal: async () => {},
    emit: () => {},
    resolveSystemProxy: async () => proxyFromEnv(process.env),
    ...(options.network ? { network: options.network } : {}),
  });
}
