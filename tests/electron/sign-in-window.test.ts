// @vitest-environment node
/**
 * The app's sign-in window with a stubbed `electron`: it must catch the redirect to the Octopus Web
 * URL without loading it (query and form_post), hand back Entra's error page, say "closed before
 * completion" when the person closes it, and keep its session in memory.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../helpers/electron-double')).electronModule());
const { state } = (await import('../helpers/electron-double')).double;

const { electronSignInDriver, watchPageScript } = await import('../../electron/platform/sign-in-window');
const { errorFromPageText } = await import('../../electron/services/check/sign-in-probe');
const { pageOutcome } = await import('../../electron/services/check/sign-in-driver');
const REDIRECT = 'https://octopus.contoso.com/';

function start(o: { stopAtConsent?: boolean } = {}) {
  const driver = electronSignInDriver(() => undefined, null);
  const controller = new AbortController();
  const promise = driver.signIn({ authorizeUrl: 'https://login.microsoftonline.com/t/oauth2/v2.0/authorize?x=1', redirectUri: REDIRECT, signal: controller.signal, ...o });
  const win = state.windows.at(-1);
  if (!win) throw new Error('no window');
  return { promise, win, controller };
}

beforeEach(() => {
  state.windows.length = 0;
});

describe('sign-in window', () => {
  it('opens the authorize URL in an in-memory, sandboxed session of its own', () => {
    const { win } = start();
    expect(win.loaded).toEqual(['https://login.microsoftonline.com/t/oauth2/v2.0/authorize?x=1']);
    expect(state.partitions.at(-1)?.name).toMatch(/^auth-[0-9a-f-]{36}$/);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('catches a query redirect to the Octopus Web URL and never loads it', async () => {
    const { promise, win } = start();
    const preventDefault = vi.fn();
    win.contents.listeners.get('will-redirect')?.({ url: `${REDIRECT}?code=abc&state=s1`, preventDefault });
    expect(await promise).toEqual({ kind: 'redirect', params: { code: 'abc', state: 's1' } });
    expect(preventDefault).toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it('ignores redirects elsewhere (Entra moving between its own pages)', async () => {
    const { promise, win, controller } = start();
    const preventDefault = vi.fn();
    win.contents.listeners.get('will-redirect')?.({ url: 'https://login.microsoftonline.com/common/reprocess', preventDefault });
    expect(preventDefault).not.toHaveBeenCalled();
    controller.abort();
    expect(await promise).toEqual({ kind: 'cancelled', reason: 'Cancelled.' });
  });

  it('reads a form_post body at the redirect URI and blocks the request', async () => {
    const { promise } = start();
    expect(state.partitions.at(-1)?.session.filter).toEqual({ urls: [`${REDIRECT}*`] });
    const callback = vi.fn();
    state.partitions.at(-1)?.session.beforeRequest?.({ url: REDIRECT, uploadData: [{ bytes: Buffer.from('code=xyz&state=s2') }] }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(await promise).toEqual({ kind: 'redirect', params: { code: 'xyz', state: 's2' } });
  });

  it("hands back Entra's error page text", async () => {
    const { promise, win } = start();
    win.contents.pageText = 'Sorry, but we’re having trouble signing you in.\nAADSTS50011: The redirect URI ...\nTrace ID: 11111111-2222-3333-4444-555555555555';
    win.contents.listeners.get('did-finish-load')?.();
    expect(await promise).toMatchObject({ kind: 'error-page', text: expect.stringContaining('AADSTS50011') });
  });

  it("reads the error from Entra's $Config when the visible text does not show it", async () => {
    const { promise, win } = start();
    win.contents.pageText = 'Sorry, but we’re having trouble signing you in.\nTroubleshooting details';
    win.contents.pageConfig = { sErrorCode: '700016', strServiceExceptionMessage: "AADSTS700016: Application with identifier 'x' was not found.", correlationId: '4a778a9e-653e-41c0-9f69-ce5256018e27', unrelated: { a: 1 } };
    win.contents.listeners.get('did-finish-load')?.();
    const outcome = await promise;
    expect(outcome).toMatchObject({ kind: 'error-page' });
    expect(outcome.kind === 'error-page' && errorFromPageText(outcome.text)).toMatchObject({ code: 700016, correlationId: '4a778a9e-653e-41c0-9f69-ce5256018e27' });
  });

  it('stops at the consent prompt when the check asks it to, and hands the page back', async () => {
    const { promise, win } = start({ stopAtConsent: true });
    win.contents.pageText = 'Permissions requested\nOctopus - API needs permission to:\nConsent on behalf of your organization\nAccept Cancel';
    win.contents.listeners.get('did-finish-load')?.();
    expect(await promise).toMatchObject({ kind: 'error-page', text: expect.stringContaining('Permissions requested') });
  });

  it('says the window was closed before completion', async () => {
    const { promise, win } = start();
    win.listeners.get('closed')?.();
    expect(await promise).toEqual({ kind: 'cancelled', reason: 'Sign-in window closed before completion' });
  });
});

describe('the practice CA in the sign-in window', async () => {
  const { createCertificateAuthority, issueServerCertificate } = await import('../../electron/simulator/certificates');
  const { practiceCertificateCheck } = await import('../../electron/platform/sign-in-window');
  const DAY = 86_400_000;
  const ca = await createCertificateAuthority('Practice CA');
  const other = await createCertificateAuthority('Someone else');
  const leafPem = (pem: string) => pem.split(/(?<=-----END CERTIFICATE-----)\s*/)[0] ?? '';
  const leaf = leafPem((await issueServerCertificate(ca)).certPem);
  const pinned = { caPem: ca.certPem, hosts: ['127.0.0.1:51234'] };
  const UNKNOWN_ISSUER = 'net::ERR_CERT_AUTHORITY_INVALID';

  it('accepts only the unknown-issuer verdict, for the pinned host:port, for a leaf our CA signed', () => {
    const check = practiceCertificateCheck(pinned);
    expect(check('https://127.0.0.1:51234/t/oauth2/v2.0/authorize', UNKNOWN_ISSUER, { data: leaf })).toBe(true);
    expect(check('https://127.0.0.1:51235/t/oauth2/v2.0/authorize', UNKNOWN_ISSUER, { data: leaf })).toBe(false);
    expect(check('https://127.0.0.1/', UNKNOWN_ISSUER, { data: leaf })).toBe(false);
    for (const verdict of ['net::ERR_CERT_DATE_INVALID', 'net::ERR_CERT_COMMON_NAME_INVALID', 'net::ERR_CERT_REVOKED', 'net::ERR_CERT_INVALID'])
      expect(check('https://127.0.0.1:51234/', verdict, { data: leaf })).toBe(false);
  });

  it('refuses a leaf from another CA, an expired one, and one that does not name the host', async () => {
    const check = practiceCertificateCheck(pinned);
    expect(check('https://127.0.0.1:51234/', UNKNOWN_ISSUER, { data: leafPem((await issueServerCertificate(other)).certPem) })).toBe(false);
    expect(check('https://127.0.0.1:51234/', UNKNOWN_ISSUER, { data: leafPem((await issueServerCertificate(ca, new Date(Date.now() - 60 * DAY))).certPem) })).toBe(false);
    const named = practiceCertificateCheck({ caPem: ca.certPem, hosts: ['tenant.example.test:8443'] });
    expect(named('https://tenant.example.test:8443/', UNKNOWN_ISSUER, { data: leaf })).toBe(false);
    expect(check('https://127.0.0.1:51234/', UNKNOWN_ISSUER, { data: 'not a certificate' })).toBe(false);
  });

  it('the window answers certificate errors itself and only in a practice sign-in', async () => {
    const driver = electronSignInDriver(() => undefined, { pinnedCa: pinned });
    const controller = new AbortController();
    const done = driver.signIn({ authorizeUrl: 'https://127.0.0.1:51234/t/oauth2/v2.0/authorize', redirectUri: REDIRECT, signal: controller.signal });
    const win = state.windows.at(-1);
    const onError = win?.contents.listeners.get('certificate-error');
    const answer = (url: string) => {
      const callback = vi.fn();
      const preventDefault = vi.fn();
      onError?.({ preventDefault }, url, UNKNOWN_ISSUER, { data: leaf }, callback);
      expect(preventDefault).toHaveBeenCalled();
      return callback.mock.calls[0]?.[0];
    };
    expect(answer('https://127.0.0.1:51234/t/login')).toBe(true);
    expect(answer('https://127.0.0.1:9/t/login')).toBe(false);
    controller.abort();
    await done;
    start();
    expect(state.windows.at(-1)?.contents.listeners.has('certificate-error')).toBe(false);
  });
});

describe('the page watch the sign-in window runs in each page (in Chromium)', () => {
  it("waits for an error rendered after load, and reads Entra's $Config with it", async () => {
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      // A page whose error arrives after load, as Entra's does, with the error fields in $Config.
      await page.setContent(`<body><p>Signing you in...</p><script>
        $Config = { sErrorCode: '50011', strServiceExceptionMessage: "AADSTS50011: The redirect URI 'https://octopus.contoso.com/octopus' specified in the request does not match.", correlationId: '6b3474d8-233e-463f-b0a3-86433d8ba889', pgid: 'ConvergedError' };
        requestAnimationFrame(() => { document.body.innerHTML = '<div>Request Id: 4457d068-2a03-42b2-97f2-d55325289d86</div>'; });
      </script></body>`);
      const reading = (await page.evaluate(watchPageScript(false))) as { text: string; config: unknown };
      const outcome = pageOutcome(reading, false);
      expect(outcome?.kind).toBe('error-page');
      expect(outcome?.kind === 'error-page' && errorFromPageText(outcome.text)).toMatchObject({ code: 50011, correlationId: '6b3474d8-233e-463f-b0a3-86433d8ba889' });
      // A sign-in form is not an error: the watch keeps waiting (checked by racing it with a page change).
      const form = await browser.newPage();
      await form.setContent('<body><form><label>Password <input type="password"></label></form></body>');
      const watching = form.evaluate(watchPageScript(true));
      await form.evaluate("document.body.innerHTML = '<h1>Permissions requested</h1>'");
      expect(pageOutcome((await watching) as { text: string; config: unknown }, true)).toMatchObject({ kind: 'error-page', text: expect.stringContaining('Permissions requested') });
    } finally {
      await browser.close();
    }
  }, 30_000);
});
