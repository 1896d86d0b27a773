/**
 * Expiry watch's NotificationPort over Electron's main-process Notification. On Windows a toast
 * needs the AppUserModelID main.ts sets and the installer gives
 * the Start-menu shortcut (https://www.electronjs.org/docs/latest/tutorial/notifications#windows); where notifications are not supported
 * this returns false and the in-app banner remains the warning.
 */
import { Notification } from 'electron';
import type { NotificationPort } from '../services/expiry';

export interface ElectronNotificationOptions {
  /** Clicking the notification (e.g. show and focus the main window). */
  onClick?(): void;
}

/** A NotificationPort that shows OS notifications through Electron. */
export function electronNotifications(options: ElectronNotificationOptions = {}): NotificationPort {
  return {
    notify(title, body) {
      if (!Notification.isSupported()) return false;
      const n = new Notification({ title, body });
      if (options.onClick) n.on('click', options.onClick);
      n.show();
      return true;
    },
  };
}
