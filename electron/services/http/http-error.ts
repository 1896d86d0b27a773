/** The error every request of the HTTPS client fails with when no HTTP response came. */

/** Why a request got no HTTP response. */
export type HttpFailure = 'timeout' | 'aborted' | 'tls' | 'connect' | 'proxy' | 'too-large' | 'network';

/** A request that did not produce an HTTP response; `kind` says why, `code` is Node's error code. */
export class HttpRequestError extends Error {
  constructor(
    readonly kind: HttpFailure,
    message: string,
    readonly url: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}
