/**
 * The API app as an MSAL confidential client, the way Octopus uses it: the run's discovery document
 * as authorityMetadata (no second discovery request), our HTTPS client as network module, and the
 * last Entra error body kept aside so a failure can be reported with its code and IDs (MSAL's own
 * error text drops the trace ID).
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { createMsalNetworkModule, type HttpClient, type HttpResponse } from '../http';
import { parseEntraError, type EntraErrorBody } from './entra-response';
import { authorityUrl, type ProbeContext } from './probe-context';

export interface CapturedError {
  body: EntraErrorBody;
  res: HttpResponse;
}

/** The run's HTTP client, remembering the last Entra error body it carried. */
export function capturingHttp(ctx: ProbeContext): { http: HttpClient; lastError(): EntraErrorBody | null; lastResponse(): CapturedError | null } {
  let last: CapturedError | null = null;
  const http: HttpClient = {
    request: async (url, options) => {
      const res = await ctx.http.request(url, options);
      const body = res.status >= 400 ? parseEntraError(res.body) : null;
      if (body) last = { body, res };
      return res;
    },
  };
  return { http, lastError: () => last?.body ?? null, lastResponse: () => last };
}

export function apiAppClient(ctx: ProbeContext, secret: string, discoveryRaw: string): { app: ConfidentialClientApplication; lastError(): CapturedError | null } {
  const { http: capturing, lastResponse } = capturingHttp(ctx);
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: ctx.target.clientId,
      authority: authorityUrl(ctx),
      clientSecret: secret,
      knownAuthorities: [new URL(ctx.endpoints.authorityHost).host],
      authorityMetadata: discoveryRaw,
    },
    system: {
      networkClient: createMsalNetworkModule(capturing, { signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs }),
      loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => {} },
    },
  });
  return { app, lastError: lastResponse };
}
