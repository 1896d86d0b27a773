/**
 * settings.json under faults: the app and CLI commands write it at once, and a file that cannot be
 * read. Nothing a user saved may be lost or silently changed (README, "Where data lives").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import type { Logger } from '../../electron/services/ports';
import { SettingsService } from '../../electron/services/settings-service';
import { raceTsProcesses } from '../helpers/child-output';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-settings-faults-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const settingsFile = () => path.join(dir, 'settings.json');
const warnings: string[] = [];
const logger: Logger = { info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} };

describe('settings written by several processes at once', () => {
  it('loses no change when 3 processes each change their own section 40 times', { timeout: 120_000 }, async () => {
    const sections = ['network', 'appearance', 'updates'];
    const results = await raceTsProcesses(sections.map((s) => ['tests/helpers/settings-writer.ts', dir, s, '40']));
    for (const r of results) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: 'ready\n40 0\n', stderr: '' });
    // Each section holds the last value its writer wrote (i = 39).
    expect(JSON.parse(fs.readFileSync(settingsFile(), 'utf8'))).toEqual({
      network: { proxyMode: 'manual', proxyUrl: 'http://proxy-39.contoso.com:8080', noProxy: '', caFile: '' },
      appearance: { theme: 'system' },
      updates: { automatic: true },
    });
    // The lock is released and nothing else is left in the folder.
    expect(fs.readdirSync(dir).sort()).toEqual(['settings.json']);
  });
});

describe('a settings file that cannot be read', () => {
  it.each([
    ['not JSON', '{"appearance": {"theme": "dark"'],
    ['null', 'null'],
    ['an array', '[{"theme": "dark"}]'],
  ])('holding %s is kept unchanged by reads, and moved aside (not written over) by the next change', (_label, content) => {
    fs.writeFileSync(settingsFile(), content);
    const settings = new SettingsService(confDocumentFiles(dir), logger);
    expect(settings.appearance()).toEqual({ theme: 'system' });
    expect(fs.readFileSync(settingsFile(), 'utf8')).toBe(content);
    expect(settings.setAppearance({ theme: 'light' })).toEqual({ theme: 'light' });
    const aside = fs.readdirSync(dir).filter((f) => /^settings\.corrupt-.*\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe(content);
    expect(JSON.parse(fs.readFileSync(settingsFile(), 'utf8'))).toEqual({ appearance: { theme: 'light' } });
    expect(warnings.join('\n')).toContain(aside[0]);
  });

  it('keeps the sections it does not change, and keys it does not know, exactly as they were', () => {
    fs.writeFileSync(settingsFile(), '\uFEFF{"updates":{"automatic":false},"fromANewerVersion":{"x":1}}');
    new SettingsService(confDocumentFiles(dir), logger).setAppearance({ theme: 'dark' });
    expect(JSON.parse(fs.readFileSync(settingsFile(), 'utf8'))).toEqual({ updates: { automatic: false }, fromANewerVersion: { x: 1 }, appearance: { theme: 'dark' } });
  });
});
