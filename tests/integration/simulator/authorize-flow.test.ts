import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, type HttpResponse } from '../../../electron/services/http';
import { recorded } from '../../fixtures/recorded/recorded';
import { authorizeUrl, claimsOf, expectEntraError, GRAPH_CLI, pkce, redeem, redirectParams, signInOverHttp, startSim, type Sim } from './sim-kit';

describe('authorization code + PKCE through the sign-in page', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim('healthy');
  });
  afterAll(() => sim.close());

  it('shows an accessible sign-in page with the practice accounts', async () => {
    const page = await sim.http.request(authorizeUrl(sim, { challenge: pkce().challenge }));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<label class="field" for="password">Password</label>');
    expect(page.body).toContain('value="adele.vance@contoso.com"');
    expect(page.body).toContain('<button type="submit">Sign in</button>');
  });

  it('redirects to the redirect URI with code and state, and the code redeems once for tokens with Entra v2 claims', async () => {
    const { verifier, challenge } = pkce();
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge, state: 'xyz', nonce: 'n-1' }));
    const params = redirectParams(result);
    expect(result.headers.location?.startsWith(sim.profile.webUrl)).toBe(true);
    expect(params.get('state')).toBe('xyz');
    const code = params.get('code') ?? '';
    const res = await redeem(sim, code, verifier, { client_info: '1' });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as Record<string, string>;
    expect(body.token_type).toBe('Bearer');
    expect(body.scope).toContain('User.Read');
    expect(body.refresh_token).toBeTruthy();
    expect(JSON.parse(Buffer.from(body.client_info ?? '', 'base64url').toString())).toEqual({ uid: '31fdaebd-a436-4c48-a7b5-9713bcff4b03', utid: sim.profile.tenantId });
    const id = claimsOf(body.id_token ?? '');
    expect(id).toMatchObject({
      iss: `${sim.authorityHost}/${sim.profile.tenantId}/v2.0`,
      aud: sim.profile.apiAppId,
      tid: sim.profile.tenantId,
      oid: '31fdaebd-a436-4c48-a7b5-9713bcff4b03',
      nonce: 'n-1',
      name: 'Adele Vance',
      preferred_username: 'adele.vance@contoso.com',
      email: 'adele.vance@contoso.com',
      ver: '2.0',
    });
    expect(typeof id.sub).toBe('string');
    expect(Number(id.exp)).toBeGreaterThan(Number(id.iat));
    expect(id.nbf).toBe(id.iat);
    const access = claimsOf(body.access_token ?? '');
    // Microsoft Graph's delegated tokens are v1.0: appid (not azp), the sts.windows.net issuer, no idtyp.
    expect(access).toMatchObject({ aud: 'https://graph.microsoft.com', scp: 'openid profile email User.Read', appid: sim.profile.apiAppId, ver: '1.0', iss: `https://sts.windows.net/${sim.profile.tenantId}/` });
    expect(access.idtyp).toBeUndefined();

    expectEntraError(await redeem(sim, code, verifier), 400, 'invalid_grant', 54005);
  });

  it('refuses a code whose PKCE verifier does not match with AADSTS501481', async () => {
    const { challenge } = pkce();
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge }));
    expectEntraError(await redeem(sim, redirectParams(result).get('code') ?? '', pkce().verifier), 400, 'invalid_grant', 501481);
  });

  it('refuses a code redeemed with another redirect_uri with AADSTS500112', async () => {
    const { verifier, challenge } = pkce();
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge }));
    expectEntraError(await redeem(sim, redirectParams(result).get('code') ?? '', verifier, { redirect_uri: 'https://octopus.contoso.com/other/' }), 400, 'invalid_grant', 500112);
  });

  it('refuses a made-up code with AADSTS9002313', async () => {
    expectEntraError(await redeem(sim, 'not-a-code', 'x'), 400, 'invalid_grant', 9002313);
  });

  it('answers response_mode=form_post with a page that posts code and state to the redirect URI', async () => {
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge: pkce().challenge, responseMode: 'form_post', state: 's-fp' }));
    expect(result.status).toBe(200);
    expect(result.body).toContain(`<form method="POST" name="hiddenform" action="${sim.profile.webUrl}">`);
    expect(result.body).toMatch(/name="code" value="[^"]+"/);
    expect(result.body).toContain('name="state" value="s-fp"');
    expect(result.headers['content-security-policy']).toContain('form-action https://octopus.contoso.com');
  });

  it('exchanges the refresh token for new tokens', async () => {
    const { verifier, challenge } = pkce();
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge }));
    const first = JSON.parse((await redeem(sim, redirectParams(result).get('code') ?? '', verifier)).body) as Record<string, string>;
    const res = await postForm(sim.http, `${sim.tenantUrl}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: sim.profile.apiAppId,
      client_secret: sim.profile.secret,
      refresh_token: first.refresh_token ?? '',
      scope: 'openid offline_access User.Read',
    });
    expect(res.status).toBe(200);
    expect(claimsOf((JSON.parse(res.body) as Record<string, string>).access_token ?? '').oid).toBe('31fdaebd-a436-4c48-a7b5-9713bcff4b03');
  });

  it('re-shows the page with AADSTS50126 for a wrong password', async () => {
    const { result } = await signInOverHttp(sim, authorizeUrl(sim), sim.signInUser.username, 'wrong password');
    expect(result.status).toBe(200);
    expect(result.body).toContain('Your account or password is incorrect');
    expect(result.body).toContain('AADSTS50126');
  });

  it('signs a returning browser in without the page, but shows the picker for prompt=select_account', async () => {
    const first = await signInOverHttp(sim, authorizeUrl(sim));
    expect(first.cookie).toMatch(/^fdsim_session=/);
    const silent = await sim.http.request(authorizeUrl(sim), { headers: { cookie: first.cookie } });
    expect(redirectParams(silent).get('code')).toBeTruthy();
    const picker = await sim.http.request(authorizeUrl(sim, { prompt: 'select_account' }), { headers: { cookie: first.cookie } });
    expect(picker.status).toBe(200);
    expect(picker.body).toContain('(signed in)');
    const none = await sim.http.request(authorizeUrl(sim, { prompt: 'none' }));
    expect(redirectParams(none).get('error')).toBe('login_required');
  });

  it('shows AADSTS50011 on an error page, without redirecting, for an unregistered redirect URI', async () => {
    const res = await sim.http.request(authorizeUrl(sim, { redirectUri: 'https://evil.example/' }));
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('AADSTS50011');
    expect(res.body).toMatch(/Request Id<\/dt><dd id="trace-id">[0-9a-f-]{36}/);
    expect(res.body).toMatch(/Correlation Id<\/dt><dd id="correlation-id">[0-9a-f-]{36}/);
    expect(res.body).toMatch(/Timestamp<\/dt><dd id="timestamp">\d{4}-/);
    expect(res.body).toMatch(/Trace ID: [0-9a-f-]{36}/);
  });

  it('shows AADSTS700016 on an error page for an unknown client', async () => {
    const res = await sim.http.request(authorizeUrl(sim, { clientId: '99999999-9999-4999-8999-999999999999' }));
    expect(res.body).toContain('AADSTS700016');
    expect(res.headers.location).toBeUndefined();
  });

  it('shows AADSTS50020 when a user of another tenant signs in', async () => {
    const { result } = await signInOverHttp(sim, authorizeUrl(sim), 'megan.bowen@fabrikam.com', 'Practice-Megan-1!');
    expect(result.status).toBe(200);
    expect(result.body).toContain('AADSTS50020');
  });

  it('signs a multi-tenant app in through organizations, for the user\'s home tenant', async () => {
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { tenant: 'organizations', clientId: GRAPH_CLI, redirectUri: 'http://localhost:53211', scope: 'openid User.Read' }));
    expect(redirectParams(result).get('code')).toBeTruthy();
  });

  it('refuses the single-tenant API app through common or organizations once the user signed in: AADSTS50194, as recorded', async () => {
    const want = recorded('authorize-error-50194-single-tenant-common').params ?? {};
    for (const tenant of ['common', 'organizations']) {
      const { page, result } = await signInOverHttp(sim, authorizeUrl(sim, { tenant, state: 's50194' }));
      expect(page.body).toContain('Password');
      const params = redirectParams(result);
      expect(params.get('error')).toBe(want.error);
      expect(params.get('error_description')).toMatch(/^AADSTS50194: Application '[0-9a-f-]{36}'\(Octopus - API\) is not configured as a multi-tenant application\./);
      expect(params.get('state')).toBe('s50194');
    }
  });
});

describe('sign-in fault scenarios', () => {
  const sims: Sim[] = [];
  const start = async (scenario: Parameters<typeof startSim>[0]) => {
    const s = await startSim(scenario);
    sims.push(s);
    return s;
  };
  afterAll(() => Promise.all(sims.map((s) => s.close())));

  it('redirect-no-trailing-slash stops at an AADSTS50011 error page', async () => {
    const sim = await start('redirect-no-trailing-slash');
    const res = await sim.http.request(authorizeUrl(sim));
    expect(res.status).toBe(200);
    expect(res.body).toContain('AADSTS50011');
    expect(res.body).toContain(`The redirect URI &#39;${sim.profile.webUrl}&#39;`);
  });

  it('user-not-assigned shows AADSTS50105 after the password', async () => {
    const sim = await start('user-not-assigned');
    const { result } = await signInOverHttp(sim, authorizeUrl(sim));
    expect(result.body).toContain('AADSTS50105');
  });

  /** Answer the consent prompt the way a person clicks Accept (optionally for the organization) or Cancel. */
  async function answerConsent(sim: Sim, prompt: HttpResponse, consent: 'accept' | 'cancel', forOrganization = false): Promise<HttpResponse> {
    const flow = /name="flow" value="([^"]+)"/.exec(prompt.body)?.[1] ?? '';
    const action = /<form method="post" action="([^"]+)"/.exec(prompt.body)?.[1] ?? '';
    return postForm(sim.http, `${sim.authorityHost}${action}`, { flow, consent, ...(forOrganization ? { consentForOrganization: '1' } : {}) });
  }

  it('consent-missing shows an admin the consent prompt, with "Consent on behalf of your organization"', async () => {
    const sim = await start('consent-missing');
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { state: 'c1' }));
    expect(result.status).toBe(200);
    expect(result.body).toContain('<h1 id="title">Permissions requested</h1>');
    expect(result.body).toContain('Consent on behalf of your organization');
    expect(result.body).not.toContain('AADSTS');
  });

  it('an admin who accepts for the organization gets the code, and the grant is there for everyone after', async () => {
    const sim = await start('consent-missing-non-admin');
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { state: 'c2' }), 'alex.wilber@contoso.com', 'Practice-Alex-1!');
    const params = redirectParams(await answerConsent(sim, result, 'accept', true));
    expect(params.get('code')).toBeTruthy();
    expect(params.get('state')).toBe('c2');
    // The user who met "Need admin approval" before now signs in without a prompt.
    const other = await signInOverHttp(sim, authorizeUrl(sim));
    expect(other.result.status).toBe(302);
  });

  it('an admin who cancels sends consent_required AADSTS65004 back, as recorded', async () => {
    const want = new URL(recorded('authorize-redirect-65004-consent-declined').redirect ?? '').searchParams;
    const sim = await start('consent-missing');
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { state: 'c3' }));
    const params = redirectParams(await answerConsent(sim, result, 'cancel'));
    expect(params.get('error')).toBe(want.get('error'));
    expect(params.get('error_description')).toMatch(/^AADSTS65004: User declined to consent to access the app\.\r\nTrace ID: /);
    expect(params.get('state')).toBe('c3');
  });

  it('a user who is not an admin meets "Need admin approval", AADSTS90094, on an error page', async () => {
    const sim = await start('consent-missing-non-admin');
    const { result } = await signInOverHttp(sim, authorizeUrl(sim));
    expect(result.status).toBe(200);
    expect(result.body).toContain('AADSTS90094');
    expect(result.body).toContain('Need admin approval');
  });

  it('app-disabled shows AADSTS7000112 after the password', async () => {
    const sim = await start('app-disabled');
    const { result } = await signInOverHttp(sim, authorizeUrl(sim));
    expect(result.body).toContain('AADSTS7000112');
  });

  it('mfa-required sends interaction_required AADSTS50076 back to the redirect URI', async () => {
    const sim = await start('mfa-required');
    const { result } = await signInOverHttp(sim, authorizeUrl(sim));
    const params = redirectParams(result);
    expect(params.get('error')).toBe('interaction_required');
    expect(params.get('error_description')).toMatch(/^AADSTS50076: /);
  });

  it('user-without-mail signs in but the ID token has no email claim', async () => {
    const sim = await start('user-without-mail');
    const { verifier, challenge } = pkce();
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge }));
    const body = JSON.parse((await redeem(sim, redirectParams(result).get('code') ?? '', verifier)).body) as Record<string, string>;
    const id = claimsOf(body.id_token ?? '');
    expect(id.preferred_username).toBe('adele.vance@contoso.com');
    expect(id).not.toHaveProperty('email');
  });

  it('a code sent to the Web redirect URI needs the secret (AADSTS7000218) whatever "Allow public client flows" says: Entra goes by the platform', async () => {
    for (const scenario of ['healthy', 'public-client-off']) {
      const sim = await start(scenario);
      const { verifier, challenge } = pkce();
      const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge }));
      expectEntraError(await redeem(sim, redirectParams(result).get('code') ?? '', verifier, { client_secret: '' }), 401, 'invalid_client', 7000218);
    }
  });

  it('a code sent to a Mobile-and-desktop localhost URI (any port) is redeemed without a secret, even with public client flows off', async () => {
    const sim = await start({ name: 'public-off-loopback', description: 'test', base: 'public-client-off', patch: [{ op: 'add', path: '/applications/1/publicClient', value: { redirectUris: ['http://localhost'] } }] });
    const { verifier, challenge } = pkce();
    const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge, redirectUri: 'http://localhost:53999' }));
    const res = await redeem(sim, redirectParams(result).get('code') ?? '', verifier, { client_secret: '', redirect_uri: 'http://localhost:53999' });
    expect(res.status).toBe(200);
  });

  it('a password grant in mfa-required fails with invalid_grant AADSTS50076 and suberror basic_action', async () => {
    const sim = await start('mfa-required');
    const res = await postForm(sim.http, `${sim.tenantUrl}/oauth2/v2.0/token`, {
      grant_type: 'password',
      client_id: sim.profile.apiAppId,
      client_secret: sim.profile.secret,
      username: sim.signInUser.username,
      password: sim.signInUser.password,
      scope: 'openid User.Read',
    });
    const body = expectEntraError(res, 400, 'invalid_grant', 50076);
    expect(body.suberror).toBe('basic_action');
  });
});
