/** Every CLI command, in the order `--help` lists them. Each lives in its own file under electron/cli/. */
import type { CliCommand } from './io';
import { simulateCommand } from './simulate-command';

export const COMMANDS: CliCommand[] = [simulateCommand];
