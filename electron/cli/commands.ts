/** Every CLI command, in the order `--help` lists them. Each lives in its own file under electron/cli/. */
import type { CliCommand } from './io';

export const COMMANDS: CliCommand[] = [];
