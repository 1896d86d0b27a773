/**
 * Federation Desk's main process: app lifecycle, the window, and the wiring of services to their
 * Electron adapters. The only place that creates services for the app.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, nativeTheme, session, shell } from 'electron';
import log from 'electron-log/main';
import { createAppServices } from './app-services';
import { holdStopSignals, runCliProcess } from './cli';
import { useAppVault } from './cli/cli-services';
import { createHandlers } from './ipc-handlers';
import { registerAppScheme, serveRenderer } from './platform/app-protocol';
import { electronDocumentFiles } from './platform/electron-document-files';
import { registerIpcHandlers, sendEvent } from './platform/ipc-main';
import { safeStorageVault } from './platform/safe-storage-vault';
import { electronSignInDriver } from './platform/sign-in-window';
import { electronNotifications } from './platform/notifications';
import { resolveSystemProxy } from './platform/system-proxy';
import { startUpdater } from './platform/updater';
import { APP_ORIGIN, appSessionPermissions, hardenedWebPreferences, lockNavigation } from './platform/security';
import { restoreBounds, trackWindowState } from './platform/window-state';
import { systemClock, type Logger } from './services/ports';
import { redact } from './services/redact';

const APP_USER_MODEL_ID = 'com.federationdesk.app';

let mainWindow: BrowserWindow | undefined;

/** Every log line passes through the one redaction function. */
function createLogger(): Logger {
  log.hooks.push((message) => ({ ...message, data: message.data.map((d) => (typeof d === 'string' ? redact(d) : d)) }));
  return { info: (m, ...r) => log.info(m, ...r), warn: (m, ...r) => log.warn(m, ...r), error: (m, ...r) => log.error(m, ...r) };
}

function createWindow(files: ReturnType<typeof electronDocumentFiles>): BrowserWindow {
  const stateFile = files('window-state');
  const { maximized, ...bounds } = restoreBounds(stateFile);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Federation Desk',
    // The page's own background (Fluent's neutral background 1), so no white flash in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#292929' : '#ffffff',
    webPreferences: hardenedWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  lockNavigation(win.webContents);
  trackWindowState(win, stateFile);
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.enableSandbox();
  registerAppScheme();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  // Any webContents created later (sign-in windows included) gets the same navigation lock-down.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(() => {
    const logger = createLogger();
    const dataDir = app.getPath('userData');
    const files = electronDocumentFiles(dataDir);
    appSessionPermissions(session.defaultSession);
    serveRenderer(path.join(__dirname, '..', 'dist', 'renderer'));
    const services = createAppServices({
      dataDir,
      version: app.getVersion(),
      platform: process.platform,
      files,
      vault: safeStorageVault(),
      clock: systemClock,
      logger,
      openExternal: (url) => shell.openExternal(url),
      emit: (event, payload) => sendEvent(mainWindow?.webContents, event, payload),
      signInDriver: (practice) => electronSignInDriver(() => mainWindow, practice),
      resolveSystemProxy,
      // https://www.electronjs.org/docs/latest/api/native-theme#nativethemethemesource: 'system' follows the OS, and
      // the renderer's prefers-color-scheme follows themeSource.
      chooseFile: async (o) => {
        const options = { title: o.title, filters: o.filters, properties: ['openFile' as const] };
        const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      applyTheme: (theme) => {
        nativeTheme.themeSource = theme;
      },
    });
    nativeTheme.themeSource = services.settings.appearance().theme;
    app.on('before-quit', () => void services.practice.stop());
    registerIpcHandlers(createHandlers(services), (m) => services.ports.logger.warn(m));
    // Expiry warnings as OS notifications: at start and once a day, never twice for a threshold.
    const stopExpiryWatch = services.startExpiryWatch(
      electronNotifications({
        onClick: () => {
          mainWindow?.show();
          mainWindow?.focus();
        },
      }),
    );
    app.on('will-quit', stopExpiryWatch);
    const stopUpdater = startUpdater({
      enabled: () => services.settings.updates().automatic,
      busy: () => services.checks.busy || services.audit.busy,
      window: () => mainWindow,
      logger,
    });
    app.on('will-quit', stopUpdater);
    mainWindow = createWindow(files);
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(files);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/**
 * The installed CLI: `Federation Desk.exe --fd-cli ARGS`, which build/cli/federation-desk.cmd runs
 * from the user's PATH. The app's own executable, headless (no window, no single-instance lock, so
 * it runs beside an open app), with the app's safeStorage vault: `check --profile NAME` can use the
 * secret the app stored, as the same Windows user (DPAPI). Output and exit code are the CLI's, from
 * the same bundle code as `npx federation-desk` (docs/ARCHITECTURE.md, "Installed CLI").
 */
const CLI_FLAG = '--fd-cli';

async function runInstalledCli(argv: string[]): Promise<void> {
  // A Ctrl+C while Electron gets ready is the command's first stop, not the end of the process.
  const held = holdStopSignals(process);
  await app.whenReady();
  useAppVault(safeStorageVault());
  const code = await runCliProcess(argv, held);
  app.exit(code);
}

const cliAt = process.argv.indexOf(CLI_FLAG);
if (cliAt >= 0) void runInstalledCli(process.argv.slice(cliAt + 1));
else start();
