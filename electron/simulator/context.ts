/**
 * What every endpoint shares while the simulator runs: the scenario's directory, the signing key,
 * the SAML certificates, the clock, and the in-memory session state (pending sign-ins, codes,
 * refresh tokens, browser sessions). Nothing here is persisted.
 */
import { randomBytes } from 'node:crypto';
import type { Directory } from './directory';
import type { Scenario } from './scenario-schema';
import type { TokenSigner } from './token-signer';

/** A validated /authorize request waiting for the user to sign in. */
export interface PendingSignIn {
  id: string;
  tenantSegment: string;
  /** Resolved tenant, or null for common/organizations (then the user's home tenant). */
  tenantId: string | null;
  clientId: string;
  redirectUri: string;
  responseMode: 'query' | 'form_post' | 'fragment';
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  prompt: string | undefined;
  loginHint: string | undefined;
  expiresAt: number;
  /** Set once the user signed in and Entra shows them the consent prompt. */
  consentUserId?: string;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  userId: string;
  tenantId: string;
  expiresAt: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  clientId: string;
  userId: string;
  tenantId: string;
  scopes: string[];
  expiresAt: number;
}

export interface SamlCertificate {
  base64Der: string;
  sha1Thumbprint: string;
  notBefore: string;
  notAfter: string;
  active: boolean;
  displayName: string;
  /** keyId of the private (Sign) key and of its passwordCredential, which share it. */
  keyId: string;
  /** keyId of the public (Verify) key. */
  verifyKeyId: string;
}

/** Opaque random text, base64url. */
export function opaque(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export class SimulatorState {
  readonly pending = new Map<string, PendingSignIn>();
  readonly codes = new Map<string, AuthCode>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  /** Browser sessions (cookie value -> signed-in user ids), like Entra's ESTSAUTH cookie. */
  readonly sessions = new Map<string, Set<string>>();
  /** Microsoft Graph requests answered so far (for the scenario's throttling). */
  graphRequests = 0;

  /** Forget what has expired, so a long demo run does not grow without bound. */
  sweep(now: number): void {
    for (const [k, v] of this.pending) if (v.expiresAt < now) this.pending.delete(k);
    for (const [k, v] of this.codes) if (v.expiresAt + 3_600_000 < now) this.codes.delete(k);
    for (const [k, v] of this.refreshTokens) if (v.expiresAt < now) this.refreshTokens.delete(k);
  }
}

export interface SimulatorContext {
  scenario: Scenario;
  dir: Directory;
  signer: TokenSigner;
  state: SimulatorState;
  /** SAML signing certificates by appId (lower case). */
  samlCertificates: Map<string, SamlCertificate[]>;
  now(): Date;
  /** The simulator's own origins (127.0.0.1, localhost, [::1] with its port); the first is canonical. */
  origins: string[];
}
