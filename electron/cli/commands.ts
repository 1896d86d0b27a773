/** Every CLI command, in the order `--help` lists them. Each lives in its own file under electron/cli/. */
import type { CliCommand } from './io';
import { auditCommand } from './audit-command';
import { checkCommand } from './check-command';
import { diagnoseCommand } from './diagnose-command';
import { expiryCommand } from './expiry-command';
import { profilesCommand } from './profiles-command';
import { simulateCommand } from './simulate-command';

export const COMMANDS: CliCommand[] = [
  auditCommand,
  checkCommand,
  diagnoseCommand,
  expiryCommand,
  profilesCommand,
  simulateCommand,
];
