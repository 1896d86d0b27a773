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
import { formParams, isRedirectTo, pageOutcome, redirectParams, type SignInDriver, type SignInOutcome } from '../services/check/sign-in-driver';
import { denyPermissions } from './security';

const CLOSED = 'Sign-in window closed before completion';

/**
 * Runs in the page: resolves with its visible text and the error fields of Entra's `$Config`
 * (tests/fixtures/recorded/error-page-config-fields.json) once the page shows an error, or the
 * consent prompt when asked to stop there; until then it watches the page change. Never resolves
 * on a page that stays a sign-in form (the next page load starts a new watch).
 */
export function watchPageScript(stopAtConsent: boolean): string {
  return `new Promise((resolve) => {
  const fields = ['sErrorCode', 'iErrorCode', 'strServiceExceptionMessage', 'strMainMessage', 'correlationId', 'sessionId', 'pgid'];
  const read = () => {
    const c = typeof window.$Config === 'object' && window.$Config !== null ? window.$Config : null;
    const config = c ? Object.fromEntries(fields.filter((f) => c[f] !== undefined && c[f] !== null && c[f] !== '').map((f) => [f, c[f]])) : null;
    return { text: document.body ? document.body.innerText : '', config };
  };
  const shows = (r) => (r.config && (r.config.sErrorCode || r.config.strServiceExceptionMessage)) || (/AADSTS\\d{4,}/.test(r.text) && /(Trace|Correlation|Request) ID/i.test(r.text)) || (${stopAtConsent} && /Permissions requested|Need admin approval/i.test(r.text));
  const check = () => { const r = read(); if (shows(r)) { observer.disconnect(); resolve(r); } };
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  check();
})`;
}

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
    signIn: ({ authorizeUrl, redirectUri, signal, stopAtConsent }) =>
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
        // Each loaded page is watched until it shows an error (or, for the check, the consent
        // prompt): Entra renders some errors after load, or only in its $Config script object.
        win.webContents.on('did-finish-load', () => {
          void win.webContents
            .executeJavaScript(watchPageScript(stopAtConsent === true), false)
            .then((reading: unknown) => {
              const page = reading !== null && typeof reading === 'object' ? (reading as { text?: unknown; config?: unknown }) : {};
              const outcome = pageOutcome({ text: typeof page.text === 'string' ? page.text : '', config: page.config }, stopAtConsent === true);
              if (outcome) finish(outcome);
            })
            .catch(() => {});
        });
        win.on('closed', () => finish({ kind: 'cancelled', reason: CLOSED }));
        signal.addEventListener('abort', () => finish({ kind: 'cancelled', reason: 'Cancelled.' }), { once: true });
        void win.loadURL(authorizeUrl).catch(() => {});
      }),
  };
}
