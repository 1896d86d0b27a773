import fs from 'node:fs';
import { testAppServices } from '../helpers/app-services';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/ipc-handlers';
import { CHANNEL_NAMES, IpcErrorSchema } from '../../shared/ipc';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-ipc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const opened: string[] = [];
const services = testAppServices(dir, {
  openExternal: async (url) => {
    opened.push(url);
  },
});
const table = createHandlers(services);

describe('IPC contract', () => {
  it('has a handler for every channel and no handler without a channel', () => {
    expect(Object.keys(table).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  const malformed: [string, unknown][] = [
    ['a number', 42],
    ['a string', 'profiles'],
    ['an array', [1, 2]],
    ['an object with an unknown key', { unexpected: { nested: true }, __proto__x: 1 }],
  ];
  for (const name of CHANNEL_NAMES) {
    it.each(malformed)(`${name} rejects %s with a typed invalid-payload error`, async (_label, payload) => {
      const envelope = await dispatch(table, name, payload);
      expect(envelope.ok).toBe(false);
      if (envelope.ok) return;
      expect(IpcErrorSchema.parse(envelope.error).code).toBe('invalid-payload');
      expect(envelope.error.message).toContain(name);
    });
  }

  it('names the bad field of a malformed profile', async () => {
    const envelope = await dispatch(table, 'profiles:save', { draft: { name: 'x', cloud: 'mars' }, secret: { action: 'keep' } });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.paths).toEqual(expect.arrayContaining(['draft.cloud', 'draft.tenantId']));
  });

  it('answers an unknown channel with an error instead of throwing', async () => {
    expect(await dispatch(table, 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('opens only https links to Microsoft hosts', async () => {
    expect(await dispatch(table, 'shell:open-external', { url: 'https://entra.microsoft.com/#view/x' })).toEqual({ ok: true, value: { ok: true } });
    for (const url of ['http://entra.microsoft.com/', 'https://evil.example/', 'file:///etc/passwd', 'https://entra.microsoft.com.evil.example/', 'javascript:alert(1)']) {
      expect(await dispatch(table, 'shell:open-external', { url })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(opened).toEqual(['https://entra.microsoft.com/#view/x']);
  });

  it('turns a refused save into a validation error that carries the field issues', async () => {
    const envelope = await dispatch(table, 'profiles:save', {
      draft: { name: 'P', cloud: 'global', tenantId: 'common', samlAppId: '', clientId: '', webUrl: '', allowedDomains: '', secretExpiresAt: '' },
      secret: { action: 'keep' },
    });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('validation');
      expect(envelope.error.issues?.map((i) => i.field)).toEqual(expect.arrayContaining(['samlAppId', 'clientId', 'webUrl', 'allowedDomains']));
    }
  });

  it('answers not-found for a profile that does not exist', async () => {
    expect(await dispatch(table, 'profiles:delete', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
