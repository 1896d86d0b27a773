/**
 * Updates of the installed app with electron-updater (https://www.electron.build/auto-update): the
 * feed is the one the installer was built with (build/electron-builder.mjs writes it to
 * resources/app-update.yml); without one, and in development, nothing happens.
 *
 * Looked for at start and once a day, only while the Settings switch is on, and never while a check
 * or an audit runs (it waits for the next turn). A downloaded update installs when the app quits;
 * restarting sooner is the user's choice in a notice, offered only when nothing is running.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../services/ports';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UpdaterOptions {
  /** The Settings switch, read at every turn. */
  enabled(): boolean;
  /** True while a check or an audit runs. */
  busy(): boolean;
  window(): BrowserWindow | undefined;
  logger: Logger;
}

/** Starts the daily look for updates; returns the function that stops it. */
export function startUpdater(o: UpdaterOptions): () => void {
  if (!app.isPackaged) return () => {};
  if (!fs.existsSync(path.join(process.resourcesPath, 'app-update.yml'))) {
    o.logger.info('Updates: this build has no update feed; not looking for updates.');
    return () => {};
  }
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = { info: (m: unknown) => o.logger.info(`Updates: ${String(m)}`), warn: (m: unknown) => o.logger.warn(`Updates: ${String(m)}`), error: (m: unknown) => o.logger.error(`Updates: ${String(m)}`), debug: () => {} };

  const turn = () => {
    if (!o.enabled() || o.busy()) return;
    autoUpdater.checkForUpdates().catch((error: unknown) => o.logger.warn(`Updates: could not look for an update: ${String(error)}`));
  };

  autoUpdater.on('update-downloaded', (info: { version: string }) => {
    const win = o.window();
    const message = `Federation Desk ${info.version} is downloaded. It is installed when you quit the app.`;
    const detail = o.busy() ? 'A check or an audit is running: it will be installed when you quit, after it ends.' : 'Restart now to install it? Unsaved work in the app is kept; a running check or audit would stop.';
    const buttons = o.busy() ? ['OK'] : ['Restart now', 'Later'];
    const options = { type: 'info' as const, title: 'Update ready', message, detail, buttons, defaultId: buttons.length - 1, cancelId: buttons.length - 1, noLink: true };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)).then(({ response }) => {
      if (buttons[response] === 'Restart now' && !o.busy()) autoUpdater.quitAndInstall();
    });
  });

  turn();
  const timer = setInterval(turn, DAY_MS);
  return () => clearInterval(timer);
}
