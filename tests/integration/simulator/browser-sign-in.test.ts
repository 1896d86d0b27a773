import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeUrl, claimsOf, pkce, redeem, startSim, type Sim } from './sim-kit';

describe('sign-in in real Chromium', () => {
  let sim: Sim;
  let browser: Browser;
  beforeAll(async () => {
    [sim, browser] = await Promise.all([
      startSim('healthy'),
      chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('completes auth code + PKCE by picking the account and typing the password on the page', async () => {
    // Chromium cannot be told to trust one CA for one host, so this test alone ignores certificate errors.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    let redirected: URL | undefined;
    await page.route('https://octopus.contoso.com/**', async (route) => {
      redirected = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Octopus</h1>' });
    });
    const { verifier, challenge } = pkce();
    await page.goto(authorizeUrl(sim, { challenge, state: 'browser-state', nonce: 'browser-nonce' }));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('radio', { name: /Adele Vance/ }).check();
    await page.getByLabel('Password').fill(sim.signInUser.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Octopus' }).waitFor();
    expect(redirected?.origin + (redirected?.pathname ?? '')).toBe(sim.profile.webUrl);
    expect(redirected?.searchParams.get('state')).toBe('browser-state');

    const res = await redeem(sim, redirected?.searchParams.get('code') ?? '', verifier);
    expect(res.status).toBe(200);
    const id = claimsOf((JSON.parse(res.body) as { id_token: string }).id_token);
    expect(id).toMatchObject({ nonce: 'browser-nonce', preferred_username: sim.signInUser.username, aud: sim.profile.apiAppId });
    await context.close();
  });

  it('shows a wrong password on the page and an unregistered redirect URI as an error page', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(authorizeUrl(sim));
    await page.getByRole('radio', { name: /Use another account/ }).check();
    await page.getByLabel('Email address').fill(sim.signInUser.username);
    await page.getByLabel('Password').fill('not it');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('AADSTS50126');
    await page.goto(authorizeUrl(sim, { redirectUri: 'https://octopus.contoso.com' }));
    expect(await page.getByRole('alert').textContent()).toContain('AADSTS50011');
    expect(await page.locator('#correlation-id').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    await context.close();
  });
});
