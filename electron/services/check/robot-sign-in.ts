/**
 * The practice tenant's sign-in robot: drives the simulator's HTML sign-in page over HTTP as a person
 * would (pick the account, type the password, submit) and stops at the redirect. Only for the
 * simulator: it refuses any other host, so it can never type a password into the real Entra.
 */
import { XMLParser } from 'fast-xml-parser';
import type { HttpClient, HttpResponse } from '../http';
import { formParams, isRedirectTo, redirectParams, type SignInDriver, type SignInOutcome, type SignInRequest } from './sign-in-driver';

interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

/** The first <form> of a page with its hidden and prefilled inputs (regex-free, via the XML parser in HTML mode). */
export function readForm(html: string, baseUrl: string): HtmlForm | null {
  const formMatch = /<form\b[^>]*>[\s\S]*?<\/form>/i.exec(html);
  if (!formMatch) return null;
  const parser = new XMLParser({ ignoreAttributes: false, unpairedTags: ['input', 'br', 'meta', 'img', 'hr'], stopNodes: ['*.script', '*.style'], htmlEntities: true, processEntities: true });
  type Node = Record<string, unknown>;
  const tree = parser.parse(formMatch[0]) as Node;
  const form = tree.form as Node | undefined;
  if (!form) return null;
  const fields: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === 'input') {
        for (const input of Array.isArray(value) ? value : [value]) {
          const attrs = input as Node;
          const name = attrs['@_name'];
          const type = String(attrs['@_type'] ?? 'text');
          if (typeof name !== 'string') continue;
          if (type === 'radio' && attrs['@_checked'] === undefined) continue;
          fields[name] = String(attrs['@_value'] ?? '');
        }
      } else if (!key.startsWith('@_')) visit(value);
    }
  };
  visit(form);
  return { action: new URL(String(form['@_action'] ?? baseUrl), baseUrl).toString(), method: String(form['@_method'] ?? 'GET').toUpperCase(), fields };
}

function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h\d|li|tr|dt|dd)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*/g, '\n')
    .trim();
}

export interface RobotOptions {
  http: HttpClient;
  /** The simulator's origin, e.g. https://127.0.0.1:51234. Any other host is refused. */
  simulatorOrigin: string;
  username: string;
  password: string;
}

export function robotSignInDriver(options: RobotOptions): SignInDriver {
  return {
    name: 'robot (practice tenant)',
    async signIn(request: SignInRequest): Promise<SignInOutcome> {
      if (new URL(request.authorizeUrl).origin !== new URL(options.simulatorOrigin).origin)
        throw new Error('The sign-in robot only signs in to the practice tenant (the Entra simulator). Use --sign-in browser for a real tenant.');
      const cookies = new Map<string, string>();
      const send = async (url: string, init: { method: 'GET' | 'POST'; body?: string }): Promise<HttpResponse> => {
        const res = await options.http.request(url, {
          method: init.method,
          signal: request.signal,
          headers: {
            ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
            ...(init.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(init.body !== undefined ? { body: init.body } : {}),
        });
        for (const line of (res.headers['set-cookie'] ?? '').split('\n')) {
          const m = /^([^=;\s]+)=([^;]*)/.exec(line.trim());
          if (m?.[1]) cookies.set(m[1], m[2] ?? '');
        }
        return res;
      };
      let res = await send(request.authorizeUrl, { method: 'GET' });
      let posted = false;
      for (let step = 0; step < 8; step++) {
        if (request.signal.aborted) return { kind: 'cancelled', reason: 'The check was cancelled.' };
        if (res.status >= 300 && res.status < 400) {
          const location = new URL(res.headers.location ?? '', res.url).toString();
          if (isRedirectTo(location, request.redirectUri)) return { kind: 'redirect', params: redirectParams(location) };
          res = await send(location, { method: 'GET' });
          continue;
        }
        const form = readForm(res.body, res.url);
        if (form && isRedirectTo(form.action, request.redirectUri)) return { kind: 'redirect', params: formParams(new URLSearchParams(form.fields).toString()) };
        if (form && 'password' in form.fields && !posted) {
          posted = true;
          const fields = { ...form.fields, account: options.username, username: options.username, password: options.password };
          res = await send(form.action, { method: 'POST', body: new URLSearchParams(fields).toString() });
          continue;
        }
        return { kind: 'error-page', text: visibleText(res.body) };
      }
      return { kind: 'error-page', text: 'The sign-in did not reach the redirect URI after 8 steps.' };
    },
  };
}
