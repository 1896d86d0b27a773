/**
 * The app's sign-in driver: a modal window, in its own in-memory session, that loads Entra's
 * authorize URL and intercepts the redirect to the Octopus Web URL (will-redirect / will-navigate for
 * response_mode=query, webRequest for form_post) so the Octopus page itself is never loaded. When
 * Entra shows an error page instead, its text is handed back for the AADSTS code and IDs.
 * For the practice tenant, its CA is trusted in this session only, and only for its own host.
 */
import { randomUUID, X509Certificate } from 'node:crypto';
import { BrowserWindow, session } from 'electron';
import type { PinnedCa } from '../services/http';
import { formParams, isRedirectTo, redirectParams, type SignInDriver, type SignInOutcome } from '../services/check/sign-in-driver';
import { denyPermissions } from './security';

const CLOSED = 'Sign-in window closed before completion';

function pinnedVerifier(ca: PinnedCa): (hostname: string, issuerPem: string | undefined) => boolean {
  const caFingerprint = new X509Certificate(ca.caPem).fingerprint256;
  const hosts = new Set(ca.hosts.map((h) => h.replace(/:\d+$/, '').toLowerCase()));
  return (hostname, issuerPem) => {
    if (!hosts.has(hostname.toLowerCase()) || !issuerPem) return false;
    try {
      return new X509Certificate(issuerPem).fingerprint256 === caFingerprint;
    } catch {
      return false;
    }
  };
}

export function electronSignInDriver(parent: () => BrowserWindow | undefined, practice: { pinnedCa: PinnedCa } | null): SignInDriver {
  return {
    name: 'sign-in window',
    signIn: ({ authorizeUrl, redirectUri, signal }) =>
      new Promise<SignInOutcome>((resolve) => {
        // No "persist:" prefix: cookies and cache live in memory and vanish with the window.
        const ses = session.fromPartition(`auth-${randomUUID()}`, { cache: false });
        denyPermissions(ses);
        if (practice) {
          const trusted = pinnedVerifier(practice.pinnedCa);
          ses.setCertificateVerifyProc((request, callback) => callback(trusted(request.hostname, request.certificate.issuerCert?.data) ? 0 : -3));
        }
        const owner = parent();
        const win = new BrowserWindow({
          ...(owner ? { parent: owner, modal: true } : {}),
          width: 520,
          height: 720,
          title: 'Sign in with Microsoft – Federation Desk',
          autoHideMenuBar: true,
          webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
        });
        let done = false;
        const finish = (outcome: SignInOutcome) => {
          if (done) return;
          done = true;
          ses.webRequest.onBeforeRequest(null);
          if (!win.isDestroyed()) win.destroy();
          resolve(outcome);
        };
        const onNavigation = (details: { url: string; preventDefault: () => void }) => {
          if (!isRedirectTo(details.url, redirectUri)) return;
          details.preventDefault();
          finish({ kind: 'redirect', params: redirectParams(details.url) });
        };
        win.webContents.on('will-redirect', onNavigation);
        win.webContents.on('will-navigate', onNavigation);
        // form_post arrives as a POST navigation to the redirect URI: read its body and block it.
        ses.webRequest.onBeforeRequest({ urls: [`${redirectUri}*`] }, (details, callback) => {
          callback({ cancel: true });
          if (!isRedirectTo(details.url, redirectUri)) return;
          const body = (details.uploadData ?? []).map((d) => d.bytes?.toString('utf8') ?? '').join('');
          finish({ kind: 'redirect', params: body ? formParams(body) : redirectParams(details.url) });
        });
        win.webContents.on('did-finish-load', () => {
          void win.webContents
            .executeJavaScript('document.body ? document.body.innerText : ""', false)
            .then((text: unknown) => {
              if (typeof text === 'string' && /AADSTS\d{4,}/.test(text) && /(Trace|Correlation|Request) ID/i.test(text)) finish({ kind: 'error-page', text });
            })
            .catch(() => {});
        });
        win.on('closed', () => finish({ kind: 'cancelled', reason: CLOSED }));
        signal.addEventListener('abort', () => finish({ kind: 'cancelled', reason: 'Cancelled.' }), { once: true });
        void win.loadURL(authorizeUrl).catch(() => {});
      }),
  };
}
