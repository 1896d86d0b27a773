/**
 * MSAL Node's INetworkModule over our HTTPS client (msal-node docs/configuration.md, `system.networkClient`): since msal-node 5 the only
 * way to trust the practice tenant's CA or add a proxy is a custom networkClient. Mirrors MSAL's
 * own fetch-based client: lower-case headers, body parsed as JSON, AuthError on timeout / network
 * failure / unparseable body.
 */
import { ClientAuthError, ClientAuthErrorCodes, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { HttpRequestError, type HttpClient } from './https-client';

export interface MsalNetworkOptions {
  /** Timeout for requests MSAL sends without one (its POSTs). Default: the client's. */
  timeoutMs?: number;
  /** Cancels every request MSAL makes through this module (e.g. the user pressed Cancel). */
  signal?: AbortSignal;
}

/** An INetworkModule for `system.networkClient` in an MSAL configuration. */
export function createMsalNetworkModule(client: HttpClient, options: MsalNetworkOptions = {}): INetworkModule {
  async function send<T>(method: 'GET' | 'POST', url: string, req: NetworkRequestOptions | undefined, timeout: number | undefined): Promise<NetworkResponse<T>> {
    const correlationId = req?.correlationId ?? '';
    let res;
    try {
      res = await client.request(url, {
        method,
        headers: req?.headers ?? {},
        ...(method === 'POST' ? { body: req?.body ?? '' } : {}),
        timeoutMs: timeout ?? options.timeoutMs,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof HttpRequestError && error.kind === 'timeout') throw new ClientAuthError(ClientAuthErrorCodes.networkError, correlationId, 'Request timeout');
      const message = error instanceof Error ? error.message : String(error);
      const wrapped = new ClientAuthError(ClientAuthErrorCodes.networkError, correlationId, `Network request failed: ${message}`);
      if (error instanceof Error) wrapped.cause = error;
      throw wrapped;
    }
    let body: T;
    try {
      body = JSON.parse(res.body) as T;
    } catch (error) {
      throw new ClientAuthError(ClientAuthErrorCodes.tokenParsingError, correlationId, `Failed to parse response: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { headers: res.headers, body, status: res.status };
  }
  return {
    sendGetRequestAsync: <T>(url: string, req?: NetworkRequestOptions, timeout?: number) => send<T>('GET', url, req, timeout),
    sendPostRequestAsync: <T>(url: string, req?: NetworkRequestOptions) => send<T>('POST', url, req, undefined),
  };
}
