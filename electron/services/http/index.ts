/** The HTTPS client, its proxy support and its MSAL adapter. */
export { createHttpClient, postForm, hostPort, HttpRequestError, type HttpClient, type HttpClientOptions, type HttpRequestOptions, type HttpResponse, type HttpFailure, type PinnedCa } from './https-client';
export { proxyForDisplay, proxyFromEnv, registerProxyCredentials, shouldBypassProxy, type ProxyConfig } from './proxy-tunnel';
export { createMsalNetworkModule, type MsalNetworkOptions } from './msal-network-module';
