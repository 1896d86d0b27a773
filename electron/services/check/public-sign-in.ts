/**
 * The CLI's `--sign-in browser`: the API app signs the admin in as a public client, in the system
 * browser, with MSAL's own loopback server receiving the answer (msal-node docs/v6-migration.md in AzureAD/microsoft-authentication-library-for-js: MSAL Node 7
 * always uses form_post there and advertises http://localhost). It needs http://localhost registered
 * under "Mobile and desktop applications" and public client flows allowed. It cannot prove the
 * Octopus Web URL redirect (only the app's sign-in window can), and the probe says so.
 */
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
import { createMsalNetworkModule } from '../http';
import { capturingHttp } from './api-app-client';
import type { EntraErrorBody } from './entra-response';
import { authorityUrl, type ProbeContext } from './probe-context';

export interface PublicSignIn {
  readonly name: string;
  signIn(ctx: ProbeContext, discoveryRaw: string, scopes: string[]): Promise<{ result: AuthenticationResult | null; lastError: EntraErrorBody | null; error: unknown }>;
}

const DONE = '<!doctype html><meta charset="utf-8"><title>Federation Desk</title><p style="font-family:sans-serif">Signed in. You can close this tab and return to the terminal.</p>';
const FAILED = '<!doctype html><meta charset="utf-8"><title>Federation Desk</title><p style="font-family:sans-serif">The sign-in did not complete. The terminal says why.</p>';

/** `openBrowser` shows the authorize URL to the person (the OS browser; a test drives it itself). */
export function browserPublicSignIn(openBrowser: (url: string) => Promise<void>): PublicSignIn {
  return {
    name: 'system browser (public client, http://localhost)',
    async signIn(ctx, discoveryRaw, scopes) {
      const { http, lastError } = capturingHttp(ctx);
      const pca = new PublicClientApplication({
        auth: { clientId: ctx.target.clientId, authority: authorityUrl(ctx), knownAuthorities: [new URL(ctx.endpoints.authorityHost).host], authorityMetadata: discoveryRaw },
        system: {
          networkClient: createMsalNetworkModule(http, { signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs }),
          loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => {} },
        },
      });
      let opened: URL | null = null;
      // MSAL's loopback server waits for an answer; on cancel, give it one so it closes its port.
      const onAbort = () => {
        const redirect = opened?.searchParams.get('redirect_uri');
        const state = opened?.searchParams.get('state');
        if (!redirect || !state) return;
        void fetch(`http://127.0.0.1:${new URL(redirect).port}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ error: 'access_denied', error_description: 'Cancelled.', state }).toString(),
        }).catch(() => undefined);
      };
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        const result = await pca.acquireTokenInteractive({
          scopes,
          prompt: 'select_account',
          successTemplate: DONE,
          errorTemplate: FAILED,
          openBrowser: async (url) => {
            opened = new URL(url);
            await openBrowser(url);
          },
        });
        return { result, lastError: lastError(), error: null };
      } catch (error) {
        return { result: null, lastError: lastError(), error };
      } finally {
        ctx.signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
