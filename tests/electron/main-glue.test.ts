// @vitest-environment node
/**
 * Loads the real electron/main.ts with a stubbed `electron` module (the binary cannot run here) and
 * checks what a user's safety depends on: hardened windows, a validated handler for every channel,
 * and the navigation, window and permission denials.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const stub = vi.hoisted(() => {
  const userData = `${process.env.TMPDIR ?? '/tmp'}/fd-glue-${process.pid}`;
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const windows: { options: Record<string, unknown>; contents: { listeners: Map<string, Listener>; openHandler?: Listener } }[] = [];
  const appListeners = new Map<string, Listener>();
  let lock = true;
  const session = { permissionRequest: undefined as Listener | undefined, permissionCheck: undefined as Listener | undefined };
  const privileged: unknown[] = [];
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => {
    readyResolve = r;
  });
  class BrowserWindow {
    webContents: { listeners: Map<string, Listener>; openHandler?: Listener; on: (e: string, l: Listener) => void; setWindowOpenHandler: (h: Listener) => void; isDestroyed: () => boolean; send: () => void };
    constructor(options: Record<string, unknown>) {
      const contents = {
        listeners: new Map<string, Listener>(),
        openHandler: undefined as Listener | undefined,
        on(e: string, l: Listener) {
          contents.listeners.set(e, l);
        },
        setWindowOpenHandler(h: Listener) {
          contents.openHandler = h;
        },
        isDestroyed: () => false,
        send: () => {},
      };
      this.webContents = contents;
      windows.push({ options, contents });
    }
    static getAllWindows() {
      return windows;
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => lock,
      quit: vi.fn(),
      on: (e: string, l: Listener) => appListeners.set(e, l),
      enableSandbox: vi.fn(),
      setAppUserModelId: vi.fn(),
      whenReady: () => ready,
      getPath: () => userData,
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    ipcMain: { handle: (name: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => handlers.set(name, fn), on: vi.fn() },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => privileged.push(...s), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (session.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (session.permissionCheck = h),
      },
    },
    shell: { openExternal: vi.fn(async () => {}) },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system', on: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (s: string) => Buffer.from(s).reverse(),
      decryptStringAsync: async (b: Buffer) => ({ result: Buffer.from(b).reverse().toString(), shouldReEncrypt: false }),
    },
  };
  return { electron, handlers, windows, appListeners, session, privileged, readyResolve, setLock: (v: boolean) => (lock = v), userData };
});

vi.mock('electron', () => ({ ...stub.electron, default: stub.electron }));
vi.mock('electron-log/main', () => ({ default: { hooks: [], info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

beforeAll(async () => {
  fs.mkdirSync(stub.userData, { recursive: true });
  await import('../../electron/main');
  stub.readyResolve();
  await new Promise((r) => setTimeout(r, 50));
});

const trusted = { senderFrame: { url: 'app://desk/index.html', parent: null } };

describe('Electron main process (stubbed electron)', () => {
  it('opens one window with the hardened webPreferences and the bundled preload', () => {
    expect(stub.windows).toHaveLength(1);
    const prefs = stub.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(stub.electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('registers a handler for every channel of the contract', () => {
    expect([...stub.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses requests from any frame but our own main frame', async () => {
    const handler = stub.handlers.get('profiles:list');
    expect(await handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.({ senderFrame: { url: 'app://desk/index.html', parent: {} } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.(trusted, {})).toMatchObject({ ok: true, value: { profiles: [] } });
  });

  it('validates payloads behind the sender check', async () => {
    expect(await stub.handlers.get('profiles:save')?.(trusted, { draft: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('denies new windows, navigation away from the app, and every permission', () => {
    const contents = stub.windows[0]?.contents;
    expect(contents?.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const prevented = vi.fn();
    contents?.listeners.get('will-navigate')?.({ url: 'https://evil.example/', preventDefault: prevented });
    expect(prevented).toHaveBeenCalledTimes(1);
    const allowed = vi.fn();
    contents?.listeners.get('will-navigate')?.({ url: 'app://desk/index.html', preventDefault: allowed });
    expect(allowed).not.toHaveBeenCalled();
    const callback = vi.fn();
    stub.session.permissionRequest?.({ getURL: () => 'app://desk/index.html' }, 'media', callback, { requestingUrl: 'app://desk/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(stub.session.permissionCheck?.({}, 'notifications', 'app://desk')).toBe(false);
    // The copy buttons may write text to the clipboard, from our own page only.
    expect(stub.session.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(stub.session.permissionCheck?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(stub.session.permissionCheck?.({}, 'clipboard-read', 'app://desk')).toBe(false);
  });

  it('serves the renderer from a privileged app:// scheme rather than file://', () => {
    expect(stub.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true, standard: true }) })]);
    expect(stub.windows[0]?.options.webPreferences).not.toHaveProperty('nodeIntegration', true);
  });

  it('keeps a single instance: a second launch focuses the first window', () => {
    expect(stub.appListeners.has('second-instance')).toBe(true);
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
