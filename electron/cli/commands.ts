/**
 * Every CLI command, in the order `--help` lists them. Each lives in its own file under
 * electron/cli/ and is loaded only when it runs (a dynamic import, a chunk of its own in the bundle),
 * so `--version` and `diagnose` do not pay for the check's HTTP, MSAL and simulator code
 * (docs/ARCHITECTURE.md, "CLI").
 */
import type { CliCommand } from './io';

export interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'audit', load: async () => (await import('./audit-command')).auditCommand },
  { name: 'check', load: async () => (await import('./check-command')).checkCommand },
  { name: 'diagnose', load: async () => (await import('./diagnose-command')).diagnoseCommand },
  { name: 'expiry', load: async () => (await import('./expiry-command')).expiryCommand },
  { name: 'profiles', load: async () => (await import('./profiles-command')).profilesCommand },
  { name: 'simulate', load: async () => (await import('./simulate-command')).simulateCommand },
];
