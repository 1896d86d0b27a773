// @vitest-environment node
/**
 * Loads the real electron/main.ts with a stubbed `electron` module (the binary cannot run here) and
 * checks what a user's safety depends on: hardened windows, a validated handler for every channel,
 * and the navigation, window and permission denials.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc';
import type { PracticeTenantInfo } from '../../shared/ipc-simulator';
import { practiceDraft } from '../../shared/practice-draft';
import { EMPTY_DRAFT } from '../../shared/profile';
import { listening } from '../helpers/listening';

vi.mock('electron', async () => (await import('../helpers/electron-double')).electronModule());
vi.mock('electron-log/main', () => ({ default: { hooks: [], info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

const { double } = await import('../helpers/electron-double');
const { default: log } = await import('electron-log/main');

const { state } = double;

beforeAll(async () => {
  await import('../../electron/main');
  double.ready();
  // main opens its window once app.whenReady() resolves.
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
});
afterAll(() => fs.rmSync(state.userData, { recursive: true, force: true }));

const trusted = { senderFrame: { url: 'app://desk/index.html', parent: null } };

describe('Electron main process (stubbed electron)', () => {
  it('opens one window with the hardened webPreferences and the bundled preload', () => {
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(state.calls.enableSandbox).toBe(1);
  });

  it('registers a handler for every channel of the contract', () => {
    expect([...state.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses requests from any frame but our own main frame', async () => {
    const handler = state.handlers.get('profiles:list');
    expect(await handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.({ senderFrame: { url: 'app://desk/index.html', parent: {} } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.(trusted, {})).toMatchObject({ ok: true, value: { profiles: [] } });
  });

  it('validates payloads behind the sender check', async () => {
    expect(await state.handlers.get('profiles:save')?.(trusted, { draft: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('denies new windows, navigation away from the app, and every permission', () => {
    const contents = state.windows[0]?.contents;
    expect(contents?.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const prevented = vi.fn();
    contents?.listeners.get('will-navigate')?.({ url: 'https://evil.example/', preventDefault: prevented });
    expect(prevented).toHaveBeenCalledTimes(1);
    const allowed = vi.fn();
    contents?.listeners.get('will-navigate')?.({ url: 'app://desk/index.html', preventDefault: allowed });
    expect(allowed).not.toHaveBeenCalled();
    const callback = vi.fn();
    state.defaultSession.permissionRequest?.({ getURL: () => 'app://desk/index.html' }, 'media', callback, { requestingUrl: 'app://desk/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(state.defaultSession.permissionCheck?.({}, 'notifications', 'app://desk')).toBe(false);
    // The copy buttons may write text to the clipboard, from our own page only.
    expect(state.defaultSession.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(state.defaultSession.permissionCheck?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(state.defaultSession.permissionCheck?.({}, 'clipboard-read', 'app://desk')).toBe(false);
  });

  it('serves the renderer from a privileged app:// scheme rather than file://, with V8 code cache between launches', () => {
    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true, standard: true, codeCache: true }) })]);
    expect(state.windows[0]?.options.webPreferences).not.toHaveProperty('nodeIntegration', true);
  });

  it('keeps a single instance: a second launch restores the minimized first window and focuses it', () => {
    const win = state.windows[0];
    if (!win) throw new Error('no window');
    win.minimized = true;
    win.focused = false;
    double.emitApp('second-instance', {}, ['federation-desk'], process.cwd());
    expect(win).toMatchObject({ minimized: false, focused: true });
    // Only the one window: the second launch opens none of its own.
    expect(state.windows).toHaveLength(1);
  });

  // Last: it quits the app's services.
  it('stops the practice tenants when the app quits', async () => {
    const call = (channel: string, payload: unknown) => state.handlers.get(channel)?.(trusted, payload) as Promise<{ ok: boolean; value?: unknown }>;
    const values = await call('practice:values', { scenario: 'healthy' });
    expect(values.ok).toBe(true);
    const { draft, secret } = practiceDraft({ ...EMPTY_DRAFT, name: 'Practice at quit' }, values.value as PracticeTenantInfo);
    const saved = await call('profiles:save', { draft, secret: { action: 'replace', value: secret } });
    expect(saved.ok).toBe(true);
    // Reading its SAML certificates starts the scenario's tenant, which then waits out its idle time.
    expect((await call('expiry:status', { profileId: (saved.value as { id: string }).id, refresh: true })).ok).toBe(true);
    const started = vi.mocked(log.info).mock.calls.map((c) => String(c[0])).find((m) => m.startsWith('Practice tenant "healthy" started on '));
    const port = Number(/:(\d+)\.$/.exec(started ?? '')?.[1]);
    expect(await listening(port)).toBe(true);
    double.emitApp('before-quit', {});
    await vi.waitFor(async () => expect(await listening(port)).toBe(false), { timeout: 10_000 });
  });
});

describe('app protocol', () => {
  it('never serves a file outside the renderer folder', async () => {
    const { resolveInside } = await import('../../electron/platform/app-protocol');
    const root = path.join(os.tmpdir(), 'renderer');
    expect(resolveInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/../secrets.json')).toBe(path.join(root, 'secrets.json'));
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });
});
