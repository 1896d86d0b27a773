/**
 * The practice tenant's token-signing key: RS256 with a kid, published as a JWKS the way Entra does
 * (kty, use, kid, x5t, n, e, x5c, issuer), and used to sign and verify real JWTs with jose.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { createSigningCertificate, processRsaKeyPair } from './certificates';

/** The signing key and its published form. */
export interface TokenSigner {
  kid: string;
  /** JWKS entry without `issuer` (that depends on the tenant). */
  jwk: JWK;
  /** Every published key: the signing key first, then the next one (Entra publishes several at once for rollover). */
  jwks: JWK[];
  sign(claims: JWTPayload): Promise<string>;
  /** Verify signature and times against `now`: the claims, or why not. */
  verify(token: string, now: Date): Promise<{ payload: JWTPayload } | { problem: 'expired' | 'invalid' }>;
}

async function publishedKey(purpose: string, now: Date): Promise<{ keys: Awaited<ReturnType<typeof processRsaKeyPair>>; kid: string; jwk: JWK }> {
  const keys = await processRsaKeyPair(purpose);
  const cert = await createSigningCertificate(keys, 'CN=accounts.practice.federation-desk.local', new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 365 * 86_400_000));
  const kid = Buffer.from(cert.sha1Thumbprint, 'hex').toString('base64url');
  const pub = await exportJWK(keys.publicKey);
  return { keys, kid, jwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, n: pub.n, e: pub.e, x5c: [cert.base64Der] } };
}

/**
 * An RS256 signing key (one per process) with a fresh self-signed certificate for x5c, published
 * next to a second key that signs nothing yet, as Entra's JWKS lists several keys at once
 * (tests/fixtures/recorded/jwks-common-several-keys.json): a client must pick the key by kid.
 */
export async function createTokenSigner(now: Date): Promise<TokenSigner> {
  const [current, next] = await Promise.all([publishedKey('token', now), publishedKey('token-next', now)]);
  const { keys, kid, jwk } = current;
  return {
    kid,
    jwk,
    jwks: [jwk, next.jwk],
    async sign(claims) {
      return new SignJWT({ ...claims, uti: claims.uti ?? randomUUID().replace(/-/g, '').slice(0, 22) })
        .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid, x5t: kid } as { alg: string; typ: string; kid: string })
        .sign(keys.privateKey);
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, keys.publicKey, { algorithms: ['RS256'], currentDate: now, clockTolerance: 300 });
        return { payload };
      } catch (error) {
        return { problem: (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
      }
    },
  };
}
