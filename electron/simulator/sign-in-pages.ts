/**
 * The practice tenant's HTML: the sign-in page (account picker and password, with real labels so a
 * person, a screen reader or Playwright's getByLabel/getByRole can drive it), Entra-style error
 * pages with their troubleshooting details, and the form_post auto-submit page.
 */
import { entraTimestamp, type EntraError, type ErrorContext } from './entra-errors';
import { escapeHtml as e } from './exchange';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"Segoe UI",system-ui,-apple-system,sans-serif;background:#f2f2f2;color:#1b1b1b}
main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.banner{font-size:13px;color:#5c2d91;font-weight:600;margin-bottom:12px}
h1{font-size:24px;font-weight:600;margin:0 0 8px}p{margin:0 0 16px;font-size:15px}
fieldset{border:0;padding:0;margin:0 0 16px}legend{font-weight:600;margin-bottom:8px}
.account{display:flex;gap:10px;align-items:center;padding:8px;border:1px solid #ddd;margin-bottom:6px;cursor:pointer}
.account small{display:block;color:#555}
label.field{display:block;font-size:14px;margin:12px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;padding:6px 0;font-size:15px;border:0;border-bottom:1px solid #666}
button{margin-top:20px;background:#0067b8;color:#fff;border:0;padding:8px 32px;font-size:15px;cursor:pointer}
.error{color:#e81123;font-size:14px;margin:8px 0}
dl{font-size:13px;display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;word-break:break-all}dt{font-weight:600}
pre{white-space:pre-wrap;font-size:12px;background:#f6f6f6;padding:8px}
.hint{font-size:12px;color:#555;margin-top:24px}`;

/**
 * CSP of the sign-in and error pages: no script at all. No form-action: Chromium applies it to the
 * redirect after the form post too, and that redirect goes to the app's (any) redirect URI.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

export interface AccountChoice {
  username: string;
  displayName: string;
  signedIn: boolean;
}

export interface SignInPageModel {
  action: string;
  flowId: string;
  tenantName: string;
  appName: string;
  accounts: AccountChoice[];
  selected: string | undefined;
  error: { message: string; code: number } | undefined;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body><main aria-labelledby="title">${body}</main></body></html>`;
}

/** The sign-in page: pick a practice account (or type one), enter its password. */
export function signInPage(m: SignInPageModel): string {
  const chosenKnown = m.accounts.some((a) => a.username.toLowerCase() === m.selected?.toLowerCase());
  const radios = m.accounts
    .map((a, i) => {
      const checked = a.username.toLowerCase() === m.selected?.toLowerCase() ? ' checked' : '';
      return `<label class="account" for="account-${i}"><input type="radio" id="account-${i}" name="account" value="${e(a.username)}"${checked}>
<span>${e(a.displayName)} <small>${e(a.username)}${a.signedIn ? ' (signed in)' : ''}</small></span></label>`;
    })
    .join('\n');
  const otherChecked = !chosenKnown ? ' checked' : '';
  return page(
    'Sign in to your account',
    `<div class="banner">Practice tenant: ${e(m.tenantName)}</div>
<h1 id="title">Sign in</h1>
<p>to continue to ${e(m.appName)}</p>
<form method="post" action="${e(m.action)}" novalidate>
<input type="hidden" name="flow" value="${e(m.flowId)}">
<fieldset><legend>Pick an account</legend>
${radios}
<label class="account" for="account-other"><input type="radio" id="account-other" name="account" value=""${otherChecked}><span>Use another account</span></label>
</fieldset>
<label class="field" for="username">Email address</label>
<input type="email" id="username" name="username" autocomplete="username" value="${!chosenKnown && m.selected ? e(m.selected) : ''}">
<label class="field" for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password">
${m.error ? `<div class="error" role="alert">${e(m.error.message)} (AADSTS${m.error.code})</div>` : ''}
<button type="submit">Sign in</button>
</form>
<p class="hint">This is the Federation Desk practice tenant, a simulator on your own computer. No data leaves it. The practice accounts' passwords are printed by <code>federation-desk simulate</code>.</p>`,
  );
}

/** Entra's "Sorry, but we're having trouble signing you in" page, with the troubleshooting details. */
export function errorPage(err: EntraError, ctx: ErrorContext, app?: { appId: string; displayName: string }): string {
  const ts = entraTimestamp(ctx.now);
  const details = `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${ctx.traceId}\r\nCorrelation ID: ${ctx.correlationId}\r\nTimestamp: ${ts}`;
  return page(
    'Sign in to your account',
    `<div class="banner">Practice tenant</div>
<h1 id="title">Sorry, but we’re having trouble signing you in.</h1>
<p role="alert" id="error-message">AADSTS${err.code}: ${e(err.message)}</p>
<h2 style="font-size:16px">Troubleshooting details</h2>
<dl aria-label="Troubleshooting details">
<dt>Error code</dt><dd id="error-code">AADSTS${err.code}</dd>
<dt>Request Id</dt><dd id="trace-id">${e(ctx.traceId)}</dd>
<dt>Correlation Id</dt><dd id="correlation-id">${e(ctx.correlationId)}</dd>
<dt>Timestamp</dt><dd id="timestamp">${e(ctx.now.toISOString())}</dd>
${app ? `<dt>App name</dt><dd>${e(app.displayName)}</dd><dt>App id</dt><dd>${e(app.appId)}</dd>` : ''}
</dl>
<pre aria-label="Error details">${e(details)}</pre>`,
  );
}

export interface ConsentPageModel {
  action: string;
  flowId: string;
  appName: string;
  username: string;
  permissions: string[];
  /** Admins may consent for everyone in the tenant. */
  forOrganization: boolean;
}

/**
 * Entra's consent prompt, "Permissions requested": the permissions, for an admin the "Consent on
 * behalf of your organization" box, and Accept / Cancel (Microsoft Learn, "Microsoft Entra
 * application consent experiences").
 */
export function consentPage(m: ConsentPageModel): string {
  const items = m.permissions.map((p) => `<li>${e(p)}</li>`).join('');
  return page(
    'Permissions requested',
    `<div class="banner">Practice tenant</div>
<h1 id="title">Permissions requested</h1>
<p>${e(m.username)}</p>
<p>${e(m.appName)} needs permission to:</p>
<ul>${items}</ul>
<form method="post" action="${e(m.action)}">
<input type="hidden" name="flow" value="${e(m.flowId)}">
${m.forOrganization ? '<label class="field"><input type="checkbox" name="consentForOrganization" value="1"> Consent on behalf of your organization</label>' : ''}
<p>Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</p>
<button type="submit" name="consent" value="accept">Accept</button>
<button type="submit" name="consent" value="cancel">Cancel</button>
</form>`,
  );
}

/** The page that posts a response to the redirect URI (response_mode=form_post). */
export function formPostPage(redirectUri: string, fields: Record<string, string>, nonce: string): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working...</title></head>
<body><form method="POST" name="hiddenform" action="${e(redirectUri)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><button type="submit">Submit</button></noscript></form>
<script nonce="${e(nonce)}">document.forms[0].submit();</script></body></html>`;
}
