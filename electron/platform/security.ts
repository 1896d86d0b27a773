/**
 * Window hardening in one place (Electron security guide, https://www.electronjs.org/docs/latest/tutorial/security): the webPreferences
 * every app window gets, the Content Security Policy, and the session-wide denials.
 */
import type { Session, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Styles: Fluent UI's Griffel inserts style rules at run time, hence 'unsafe-inline' for style-src only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Deny every permission request (camera, notifications from web content, ...) and check. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * True when `url` (a URL or an origin) is exactly our app's origin, app://desk: compared as a parsed
 * scheme and host, so app://desk.example or app://desk@elsewhere is not ours.
 */
export function isAppOrigin(url: string | undefined): boolean {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The app window's session: every permission denied except writing text to the clipboard (the copy
 * buttons) from our own app:// page.
 */
export function appSessionPermissions(session: Session): void {
  const allowed = (permission: string, origin: string | undefined) => permission === 'clipboard-sanitized-write' && isAppOrigin(origin);
  session.setPermissionRequestHandler((wc, permission, callback, details) => callback(allowed(permission, details?.requestingUrl ?? wc?.getURL())));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}

/** No navigation away from the app, no new windows, no webviews. Links go through shell:open-external. */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (details) => {
    if (!isAppOrigin(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isAppOrigin(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** True when the IPC sender is our own app page's main frame (Electron security guide, "Validate the sender of all IPC messages"). */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return !!frame && !frame.parent && isAppOrigin(frame.url);
}
