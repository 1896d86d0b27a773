/**
 * E2E of the "Entra setup" page in Chromium: a practice profile whose API app has its redirect URI
 * registered without the trailing slash; the audit signs in to Microsoft Graph through the harness's
 * pending sign-in (the page a person would see), and the checklist shows that one step failed with
 * the value to paste and the blade to open.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

interface Pending {
  id: string;
  authorizeUrl: string;
  redirectUri: string;
}

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });

async function createPracticeProfile(page: Page, name: string, scenario: string) {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption(scenario);
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await expect(page.getByLabel('Octopus Web URL')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name, exact: true })).toBeVisible();
}

/** A person signs in on the page the harness publishes; the redirect to http://localhost/ is caught and handed back. */
async function signInInPopup(context: BrowserContext, harnessUrl: string, username: string, password: string): Promise<Pending> {
  let pending: Pending[] = [];
  await expect
    .poll(async () => {
      pending = (await (await fetch(`${harnessUrl}__harness/sign-in`)).json()) as Pending[];
      return pending.length;
    })
    .toBeGreaterThan(0);
  const request = pending[0] as Pending;
  const popup = await context.newPage();
  let reached: string | null = null;
  await popup.route(
    (url) => url.href.startsWith(request.redirectUri),
    async (route) => {
      reached = route.request().url();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>localhost</title><p>Redirect caught by the test.</p>' });
    },
  );
  await popup.goto(request.authorizeUrl);
  if (await popup.getByLabel('Password').isVisible()) {
    await popup.getByLabel('Use another account').check();
    await popup.getByLabel('Email address').fill(username);
    await popup.getByLabel('Password').fill(password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect.poll(() => reached).not.toBeNull();
  const outcome = { kind: 'redirect', params: Object.fromEntries(new URL(reached as unknown as string).searchParams) };
  await fetch(`${harnessUrl}__harness/sign-in/${request.id}`, { method: 'POST', body: JSON.stringify(outcome) });
  await popup.close();
  return request;
}

function step(page: Page, list: 'API app' | 'SAML-OpenID app', title: string, status: string) {
  return page.getByRole('list', { name: `${list} steps` }).getByRole('listitem', { name: `${title}: ${status}` });
}

const API_PASSING = ['Allow public client flows', 'Client secret', 'API permission User.Read', 'Admin consent', 'Application ID URI', 'Enterprise application', 'Users and groups', 'Optional claim: email', 'Implicit grant off'];
const SAML_PASSING = ['Enterprise application', 'Single sign-on mode SAML', 'SAML signing certificate', 'Users and groups'];

test('the Entra setup checklist names the redirect URI registered without its slash, with the value to paste and the blade to fix it', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'No slash', 'redirect-no-trailing-slash');
  await page.getByRole('tab', { name: 'Entra setup' }).click();

  // Before the first audit: every step "Not audited", the guide's values already there to copy.
  await expect(step(page, 'API app', 'Web redirect URI', 'Not audited')).toBeVisible();
  await expect(step(page, 'API app', 'Application ID URI', 'Not audited')).toContainText('api://fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9');
  const hint = page.getByText(/Sign in to Microsoft Graph as \S+ with the password/);
  await expect(hint).toBeVisible();
  const m = /as (\S+) with the password (\S+?)\.?$/.exec((await hint.innerText()).trim());
  expect(m).not.toBeNull();

  await page.getByRole('button', { name: 'Sign in to Microsoft Graph and audit' }).click();
  const pending = await signInInPopup(context, harness.url, m?.[1] ?? '', m?.[2] ?? '');
  expect(pending.redirectUri).toBe('http://localhost/');
  expect(new URL(pending.authorizeUrl).searchParams.get('client_id')).toBe('14d82eec-204b-4c2f-b7e8-296a70dab67e');

  const failed = step(page, 'API app', 'Web redirect URI', 'Failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('registered as https://octopus.contoso.com, without its trailing slash');
  await expect(failed).toContainText('add exactly https://octopus.contoso.com/');
  for (const title of API_PASSING) await expect(step(page, 'API app', title, 'Passed')).toBeVisible();
  for (const title of SAML_PASSING) await expect(step(page, 'SAML-OpenID app', title, 'Passed')).toBeVisible();
  await expect(page.getByText(/13 passed, 0 warning, 1 failed, 0 unknown/)).toBeVisible();

  // The value with its slash, and the exact blade (the app registration's Authentication, by appId).
  await expect(failed.locator('code')).toHaveText('https://octopus.contoso.com/');
  await failed.getByRole('button', { name: 'Copy Redirect URI' }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'Copied Redirect URI.' })).toBeVisible();
  await failed.getByRole('button', { name: /^Open in Entra admin center/ }).click();
  await expect
    .poll(async () => (await (await fetch(`${harness.url}__harness/opened`)).json()) as string[])
    .toContain('https://entra.microsoft.com/5542c6c8-6bff-45d1-9ead-269c6efef1b0/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9');
  // Enterprise-app blades carry the service principal's object id that Graph returned.
  await step(page, 'API app', 'Users and groups', 'Passed').getByRole('button', { name: /^Open in Entra admin center/ }).click();
  await expect
    .poll(async () => (await (await fetch(`${harness.url}__harness/opened`)).json()) as string[])
    .toContain('https://entra.microsoft.com/5542c6c8-6bff-45d1-9ead-269c6efef1b0/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Users/objectId/5a1d6820-71c1-40b2-914a-60f87f8f4860/appId/fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9');

  await page.getByRole('button', { name: 'Sign in to Microsoft Graph and audit' }).focus();
  await screenshot(page, 'entra-setup');
  await page.getByRole('heading', { name: 'SAML-OpenID app' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'entra-setup-saml');
});
