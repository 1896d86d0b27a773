import { ConfidentialClientApplication, CryptoProvider, ServerError, LogLevel } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMsalNetworkModule } from '../../../electron/services/http';
import { redirectParams, signInOverHttp, startSim, type Sim } from './sim-kit';

function cca(sim: Sim, secret = sim.profile.secret): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: sim.profile.apiAppId,
      authority: `${sim.authorityHost}/${sim.profile.tenantId}`,
      knownAuthorities: [`127.0.0.1:${sim.port}`],
      clientSecret: secret,
    },
    system: { networkClient: createMsalNetworkModule(sim.http), loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false } },
  });
}

describe('MSAL Node against the practice tenant', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim('healthy');
  });
  afterAll(() => sim.close());

  it('completes client credentials through discovery with knownAuthorities and our networkClient', async () => {
    const result = await cca(sim).acquireTokenByClientCredential({ scopes: [`api://${sim.profile.apiAppId}/.default`], skipCache: true });
    expect(result?.accessToken).toMatch(/^eyJ/);
    const claims = JSON.parse(Buffer.from(result?.accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    // requestedAccessTokenVersion unset: a v1.0 token whose audience is the Application ID URI.
    expect(claims).toMatchObject({ tid: sim.profile.tenantId, aud: `api://${sim.profile.apiAppId}`, idtyp: 'app', ver: '1.0' });
  });

  it('completes auth code + PKCE: getAuthCodeUrl, the sign-in page, then acquireTokenByCode', async () => {
    const app = cca(sim);
    const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
    const url = await app.getAuthCodeUrl({ scopes: ['User.Read'], redirectUri: sim.profile.webUrl, codeChallenge: challenge, codeChallengeMethod: 'S256', state: 'msal-state', nonce: 'msal-nonce' });
    expect(url.startsWith(`${sim.tenantUrl}/oauth2/v2.0/authorize?`)).toBe(true);
    const { result } = await signInOverHttp(sim, url);
    const params = redirectParams(result);
    expect(params.get('state')).toBe('msal-state');
    const tokens = await app.acquireTokenByCode(
      // MSAL 7.2.1 only checks the ID token's nonce when the request itself names it.
      { scopes: ['User.Read'], redirectUri: sim.profile.webUrl, code: params.get('code') ?? '', codeVerifier: verifier, state: 'msal-state', nonce: 'msal-nonce' },
      { code: params.get('code') ?? '', state: 'msal-state', nonce: 'msal-nonce' },
    );
    expect(tokens.account?.username).toBe('adele.vance@contoso.com');
    expect(tokens.account?.tenantId).toBe(sim.profile.tenantId);
    expect(tokens.idTokenClaims).toMatchObject({ email: 'adele.vance@contoso.com', nonce: 'msal-nonce', aud: sim.profile.apiAppId });
    expect(tokens.scopes).toContain('User.Read');
  });

  it('surfaces a wrong secret as a ServerError with Entra\'s code and correlation id', async () => {
    const error = await cca(sim, 'not-the-secret-value-at-all')
      .acquireTokenByClientCredential({ scopes: [`api://${sim.profile.apiAppId}/.default`], skipCache: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).errorCode).toBe('invalid_client');
    // msal-common types errorNo as string, but it is Entra's number from error_codes[0].
    expect(String((error as ServerError).errorNo)).toBe('7000215');
    expect((error as ServerError).correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
