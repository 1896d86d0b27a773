/**
 * E2E helpers for the practice tenant: create a practice profile through the form, and be the person
 * at the sign-in page the harness publishes (the app's sign-in window stands there in Electron).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

export interface PendingSignIn {
  id: string;
  authorizeUrl: string;
  redirectUri: string;
}

/**
 * Fill the form with a practice scenario's IDs and create the profile; `webUrl` replaces the
 * scenario's Octopus Web URL (the audit then finds it is not the registered redirect URI).
 */
export async function createPracticeProfile(page: Page, name: string, scenario: string, webUrl?: string): Promise<void> {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption(scenario);
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await expect(page.getByText(/Sign in to the practice tenant as/)).toBeVisible();
  await expect(page.getByLabel('Octopus Web URL')).not.toHaveValue('');
  if (webUrl !== undefined) await page.getByLabel('Octopus Web URL').fill(webUrl);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name, exact: true })).toBeVisible();
}

/** The practice account the check page (or Entra setup: "Sign in to Microsoft Graph as") tells the admin to sign in with. */
export async function practiceUser(page: Page): Promise<[string, string]> {
  const text = await page.getByText(/Sign in (to Microsoft Graph )?as \S+ with the password/).innerText();
  const m = /Sign in (?:to Microsoft Graph )?as (\S+) with the password (\S+?)\.?$/.exec(text.trim());
  expect(m, text).not.toBeNull();
  return [m?.[1] ?? '', m?.[2] ?? ''];
}

/**
 * What a person does in the sign-in window: pick the account, type the password. The test catches
 * what reaches the redirect URI (query or form_post), or Entra's error page, and hands it back.
 */
export async function signInInPopup(context: BrowserContext, harnessUrl: string, username: string, password: string): Promise<PendingSignIn> {
  let pending: PendingSignIn[] = [];
  await expect
    .poll(async () => {
      pending = (await (await fetch(`${harnessUrl}__harness/sign-in`)).json()) as PendingSignIn[];
      return pending.length;
    })
    .toBeGreaterThan(0);
  const request = pending[0] as PendingSignIn;
  const popup = await context.newPage();
  let reached: { url: string; body: string | null } | null = null;
  await popup.route(
    (url) => url.href.startsWith(request.redirectUri),
    async (route) => {
      reached = { url: route.request().url(), body: route.request().postData() };
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Redirect</title><p>Redirect caught by the test.</p>' });
    },
  );
  await popup.goto(request.authorizeUrl);
  // Entra shows some errors (50011, 700016...) before any sign-in form.
  if (await popup.getByLabel('Password').isVisible()) {
    await popup.getByLabel('Use another account').check();
    await popup.getByLabel('Email address').fill(username);
    await popup.getByLabel('Password').fill(password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
  }
  // The check stops at Entra's consent prompt as at an error page (the app's window does the same).
  await expect.poll(async () => reached !== null || /AADSTS\d+|Permissions requested/.test(await popup.locator('body').innerText())).toBe(true);
  const caught = reached as { url: string; body: string | null } | null;
  const outcome = caught
    ? { kind: 'redirect', params: Object.fromEntries(caught.body ? new URLSearchParams(caught.body) : new URL(caught.url).searchParams) }
    : { kind: 'error-page', text: await popup.locator('body').innerText() };
  await fetch(`${harnessUrl}__harness/sign-in/${request.id}`, { method: 'POST', body: JSON.stringify(outcome) });
  await popup.close();
  return request;
}
