/**
 * One name for the check in every face of the product: the app's tab, heading and button say
 * "Check compatibility" (sentence case, as the Microsoft Writing Style Guide asks of UI text:
 * "Capitalization"), so the CLI's help, the services' messages that reach the app or the CLI, and
 * the README and docs that quote them say it the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/run-cli';

const ROOT = path.resolve(__dirname, '../../..');

function filesUnder(dir: string, exts: readonly string[]): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && exts.some((x) => e.name.endsWith(x)))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the check is named as the app names it', () => {
  it('in the CLI help', async () => {
    for (const argv of [['--help'], ['check', '--help']]) {
      const run = await runCliInProcess(argv);
      expect(run.stdout, argv.join(' ')).toContain('Check compatibility');
      expect(run.stdout, argv.join(' ')).not.toMatch(/Check Compatibility/);
    }
  });

  it('the audit as the app names its page, "Entra setup", in the help and the report', async () => {
    for (const argv of [['--help'], ['audit', '--help']]) {
      const run = await runCliInProcess(argv);
      expect(run.stdout, argv.join(' ')).toContain('Entra setup audit');
      expect(run.stdout, argv.join(' ')).not.toMatch(/Registration audit/i);
    }
  });

  it('in every message of the app, the services, the CLI, the README and docs/', () => {
    const files = [
      ...['electron', 'shared', 'renderer/src'].flatMap((dir) => filesUnder(dir, ['.ts', '.tsx', '.json'])),
      ...filesUnder('docs', ['.md']),
      path.join(ROOT, 'README.md'),
    ];
    expect(files.length).toBeGreaterThan(50);
    const titleCase = files.filter((f) => fs.readFileSync(f, 'utf8').includes('Check Compatibility')).map((f) => path.relative(ROOT, f));
    expect(titleCase).toEqual([]);
  });
});
