/**
 * The app's sign-in driver: a modal window, in its own in-memory session, that loads Entra's
 * authorize URL and intercepts the redirect to the Octopus Web URL (will-redirect / will-navigate for
 * response_mode=query, webRequest for form_post) so the Octopus page itself is never loaded. When
 * Entra shows an error page instead, its text is handed back for the AADSTS code and IDs.
 * For the practice tenant, its CA is trusted in this window only, for its own host:port only.
 */
import { randomUUID, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { BrowserWindow, session, type WebContents } from 'electron';
import { hostPort, type PinnedCa } from '../services/http';
import { formParams, isRedirectTo, redirectParams, type SignInDriver, type SignInOutcome } from '../services/check/sign-in-driver';
import { denyPermissions } from './security';

const CLOSED = 'Sign-in window closed before completion';

/** What Electron hands the 'certificate-error' event: the leaf as PEM (Electron's Certificate). */
export interface PresentedCertificate {
  data: string;
}

/**
 * Whether to accept a certificate Chromium refused, for the practice tenant only. Chromium has
 * verified the chain; only its "unknown issuer" verdict (net::ERR_CERT_AUTHORITY_INVALID) is ever
 * overridden, for a URL whose host:port is pinned, and only for a leaf our CA signed that is valid
 * now and names that host: Chromium reports one error per certificate and the authority error
 * hides a name or date error, so those are checked here as Node's TLS does for the HTTPS client.
 */
export function practiceCertificateCheck(ca: PinnedCa, now: () => Date = () => new Date()): (url: string, error: string, certificate: PresentedCertificate) => boolean {
  const caCert = new X509Certificate(ca.caPem);
  const pinned = new Set(ca.hosts.map((h) => h.toLowerCase()));
  return (url, error, certificate) => {
    if (error !== 'net::ERR_CERT_AUTHORITY_INVALID') return false;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return false;
    }
    if (target.protocol !== 'https:' || !pinned.has(hostPort(target))) return false;
    try {
      const leaf = new X509Certificate(certificate.data);
      if (!leaf.checkIssued(caCert) || !leaf.verify(caCert.publicKey)) return false;
      const t = now().getTime();
      if (t < Date.parse(leaf.validFrom) || t > Date.parse(leaf.validTo)) return false;
      const host = target.hostname.replace(/^\[|\]$/g, '');
      return isIP(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
    } catch {
      return false;
    }
  };
}

/** Trusts the practice CA in this window only, through Chromium's certificate-error event (it carries the port). */
function trustPracticeCa(contents: WebContents, ca: PinnedCa): void {
  const accept = practiceCertificateCheck(ca);
  contents.on('certificate-error', (event, url, error, certificate, callback) => {
    event.preventDefault();
    callback(accept(url, error, certificate));
  });
}

export function electronSignInDriver(parent: () => BrowserWindow | undefined, practice: { pinnedCa: PinnedCa } | null): SignInDriver {
  return {
    name: 'sign-in window',
    signIn: ({ authorizeUrl, redirectUri, signal }) =>
      new Promise<SignInOutcome>((resolve) => {
        // No "persist:" prefix: cookies and cache live in memory and vanish with the window.
        const ses = session.fromPartition(`auth-${randomUUID()}`, { cache: false });
        denyPermissions(ses);
        const owner = parent();
        const win = new BrowserWindow({
          ...(owner ? { parent: owner, modal: true } : {}),
          width: 520,
          height: 720,
          title: 'Sign in with Microsoft – Federation Desk',
          autoHideMenuBar: true,
          webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
        });
        if (practice) trustPracticeCa(win.webContents, practice.pinnedCa);
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
