/**
 * The one stand-in for the `electron` module (the binary cannot run here), used by every test of the
 * Electron glue: vitest tests mock 'electron' with `electronModule()`, and the bundle smoke test
 * loads it into plain Node through tests/electron/fixtures/electron-stub.cjs. It behaves like the
 * parts of Electron the app uses and records what the app asked for, so a test can act as Electron
 * (emit an app event, navigate a window, answer a permission request) and look at the effect.
 * Plain TypeScript without vitest, so the bundle's Node process can load it too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Listener = (...args: never[]) => unknown;
type Call = (...args: unknown[]) => unknown;

/** A webContents: its listeners, its window-open handler, and what its page would answer. */
export interface ContentsDouble {
  listeners: Map<string, Call>;
  openHandler: Call | undefined;
  sent: { channel: string; args: unknown[] }[];
  pageText: string;
  pageConfig: unknown;
}

/** A BrowserWindow: its options, listeners, what it loaded, and the state a person would see. */
export interface WindowDouble {
  options: Record<string, unknown>;
  listeners: Map<string, Call>;
  contents: ContentsDouble;
  loaded: string[];
  destroyed: boolean;
  minimized: boolean;
  focused: boolean;
  visible: boolean;
}

/** A session: its permission handlers, certificate check and request filter. */
export interface SessionDouble {
  permissionRequest: Call | undefined;
  permissionCheck: Call | undefined;
  certificateVerify: Call | undefined;
  beforeRequest: Call | undefined;
  filter: unknown;
}

export interface ElectronState {
  userData: string;
  singleInstanceLock: boolean;
  appListeners: Map<string, Call[]>;
  calls: { enableSandbox: number; quit: number; setAppUserModelId: string[]; openExternal: string[] };
  windows: WindowDouble[];
  handlers: Map<string, Call>;
  privileged: { scheme: string; privileges: Record<string, unknown> }[];
  defaultSession: SessionDouble;
  partitions: { name: string; options: unknown; session: SessionDouble }[];
  notifications: { supported: boolean; shown: { title: string; body: string }[]; listeners: Map<string, Call> };
  /** Preload side: what contextBridge exposed, the ipcRenderer listeners, and the invocations. */
  exposed: Map<string, unknown>;
  rendererListeners: Map<string, Call[]>;
  invoked: { channel: string; payload: unknown }[];
  invokeResult: (channel: string, payload: unknown) => unknown;
}

export interface ElectronDouble {
  state: ElectronState;
  /** The module object `import ... from 'electron'` receives in the main process. */
  electron: Record<string, unknown>;
  /** What a preload script receives instead: only the renderer side (contextBridge, ipcRenderer), as in Electron. */
  renderer: Record<string, unknown>;
  /** Resolve app.whenReady(). */
  ready(): void;
  /** Emit an app event as Electron would (second-instance, web-contents-created, …). */
  emitApp(event: string, ...args: unknown[]): void;
  /** Deliver an event to the preload's ipcRenderer listeners. */
  deliver(channel: string, ...args: unknown[]): void;
}

function sessionDouble(): { state: SessionDouble; api: Record<string, unknown> } {
  const state: SessionDouble = { permissionRequest: undefined, permissionCheck: undefined, certificateVerify: undefined, beforeRequest: undefined, filter: undefined };
  const api = {
    setPermissionRequestHandler: (h: Call) => void (state.permissionRequest = h),
    setPermissionCheckHandler: (h: Call) => void (state.permissionCheck = h),
    setCertificateVerifyProc: (h: Call | null) => void (state.certificateVerify = h ?? undefined),
    resolveProxy: async () => 'DIRECT',
    webRequest: {
      onBeforeRequest: (filter: unknown, l?: Call) => {
        if (filter === null) state.beforeRequest = undefined;
        else {
          state.filter = filter;
          state.beforeRequest = l;
        }
      },
    },
  };
  return { state, api };
}

let made = 0;

export function createElectronDouble(options: { userData?: string } = {}): ElectronDouble {
  const state: ElectronState = {
    userData: options.userData ?? path.join(os.tmpdir(), `fd-electron-${process.pid}-${++made}`),
    singleInstanceLock: true,
    appListeners: new Map(),
    calls: { enableSandbox: 0, quit: 0, setAppUserModelId: [], openExternal: [] },
    windows: [],
    handlers: new Map(),
    privileged: [],
    defaultSession: sessionDouble().state,
    partitions: [],
    notifications: { supported: true, shown: [], listeners: new Map() },
    exposed: new Map(),
    rendererListeners: new Map(),
    invoked: [],
    invokeResult: (channel) => ({ ok: true, value: channel }),
  };
  const defaultSession = sessionDouble();
  state.defaultSession = defaultSession.state;
  let resolveReady: () => void = () => {};
  const whenReady = new Promise<void>((r) => (resolveReady = r));
  const on = <K>(map: Map<K, Call[]>, key: K, l: Call) => map.set(key, [...(map.get(key) ?? []), l]);

  class BrowserWindow {
    readonly record: WindowDouble;
    readonly webContents: Record<string, unknown>;
    constructor(opts: Record<string, unknown>) {
      const contents: ContentsDouble = { listeners: new Map(), openHandler: undefined, sent: [], pageText: '', pageConfig: null };
      const record: WindowDouble = { options: opts, listeners: new Map(), contents, loaded: [], destroyed: false, minimized: false, focused: false, visible: opts.show !== false };
      this.record = record;
      state.windows.push(record);
      this.webContents = {
        on: (e: string, l: Call) => void contents.listeners.set(e, l),
        once: (e: string, l: Call) => void contents.listeners.set(e, l),
        setWindowOpenHandler: (h: Call) => void (contents.openHandler = h),
        isDestroyed: () => record.destroyed,
        send: (channel: string, ...args: unknown[]) => void contents.sent.push({ channel, args }),
        getURL: () => record.loaded.at(-1) ?? '',
        executeJavaScript: async () => ({ text: contents.pageText, config: contents.pageConfig }),
      };
    }
    static getAllWindows() {
      return state.windows;
    }
    on(e: string, l: Call) {
      this.record.listeners.set(e, l);
      return this;
    }
    once(e: string, l: Call) {
      return this.on(e, l);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
    close() {
      this.record.destroyed = true;
    }
    isMinimized() {
      return this.record.minimized;
    }
    minimize() {
      this.record.minimized = true;
      this.record.focused = false;
    }
    restore() {
      this.record.minimized = false;
    }
    focus() {
      this.record.focused = true;
    }
    show() {
      this.record.visible = true;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1200, height: 800 };
    }
  }

  class Notification {
    static isSupported() {
      return state.notifications.supported;
    }
    constructor(private readonly o: { title: string; body: string }) {}
    on(event: string, fn: Call) {
      state.notifications.listeners.set(event, fn);
      return this;
    }
    show() {
      state.notifications.shown.push({ title: this.o.title, body: this.o.body });
    }
  }

  const electron: Record<string, unknown> = {
    app: {
      requestSingleInstanceLock: () => state.singleInstanceLock,
      quit: () => void state.calls.quit++,
      // The installed CLI mode (main.ts --fd-cli) ends with the CLI's exit code.
      exit: (code?: number) => process.exit(code),
      on: (e: string, l: Call) => void on(state.appListeners, e, l),
      once: (e: string, l: Call) => void on(state.appListeners, e, l),
      enableSandbox: () => void state.calls.enableSandbox++,
      setAppUserModelId: (id: string) => void state.calls.setAppUserModelId.push(id),
      whenReady: () => whenReady,
      getPath: () => {
        fs.mkdirSync(state.userData, { recursive: true });
        return state.userData;
      },
      setPath: () => {},
      getVersion: () => '0.1.0',
      getName: () => 'Federation Desk',
      getAppPath: () => process.cwd(),
      isPackaged: false,
    },
    BrowserWindow,
    ipcMain: { handle: (name: string, fn: Call) => void state.handlers.set(name, fn), on: () => {} },
    protocol: { registerSchemesAsPrivileged: (s: ElectronState['privileged']) => void state.privileged.push(...s), handle: () => {} },
    session: {
      defaultSession: defaultSession.api,
      fromPartition: (name: string, opts: unknown) => {
        const s = sessionDouble();
        state.partitions.push({ name, options: opts, session: s.state });
        return s.api;
      },
    },
    shell: { openExternal: async (url: string) => void state.calls.openExternal.push(url) },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system', on: () => {} },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (s: string) => Buffer.from(s).reverse(),
      decryptStringAsync: async (b: Buffer) => ({ result: Buffer.from(b).reverse().toString(), shouldReEncrypt: false }),
    },
    Notification,
    webContents: { getAllWebContents: () => [] },
    powerMonitor: { on: () => {} },
  };
  const renderer: Record<string, unknown> = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void state.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        state.invoked.push({ channel, payload });
        return state.invokeResult(channel, payload);
      },
      on: (channel: string, l: Call) => void on(state.rendererListeners, channel, l),
      removeListener: (channel: string, l: Call) => void state.rendererListeners.set(channel, (state.rendererListeners.get(channel) ?? []).filter((x) => x !== l)),
    },
  };

  return {
    state,
    electron,
    renderer,
    ready: () => resolveReady(),
    emitApp: (event, ...args) => (state.appListeners.get(event) ?? []).forEach((l) => l(...args)),
    deliver: (channel, ...args) => (state.rendererListeners.get(channel) ?? []).forEach((l) => l(...args)),
  };
}

/** The double of this test file (vitest isolates modules per file, so each file has its own). */
export const double = createElectronDouble();

/** For `vi.mock('electron', …)`: the module with its default export, as the main process or a preload script sees it. */
export function electronModule(side: 'main' | 'renderer' = 'main'): Record<string, unknown> {
  const mod = side === 'main' ? double.electron : double.renderer;
  return { ...mod, default: mod };
}
