/**
 * E2E of the "Entra setup" page in Chromium: a practice profile whose API app has its redirect URI
 * registered without the trailing slash; the audit signs in to Microsoft Graph through the harness's
 * pending sign-in (the page a person would see), and the checklist shows that one step failed with
 * the value to paste and the blade to open.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { expectToast } from './toasts';
import { createPracticeProfile, signInInPopup } from './practice';


// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });

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
  await expect(failed).toContainText('registered as https://octopus.contoso.com/octopus, without its trailing slash');
  await expect(failed).toContainText('add exactly https://octopus.contoso.com/octopus/');
  for (const title of API_PASSING) await expect(step(page, 'API app', title, 'Passed')).toBeVisible();
  for (const title of SAML_PASSING) await expect(step(page, 'SAML-OpenID app', title, 'Passed')).toBeVisible();
  await expect(page.getByText(/13 passed, 0 warning, 1 failed, 0 unknown/)).toBeVisible();

  // The value with its slash, and the exact blade (the app registration's Authentication, by appId).
  await expect(failed.locator('code')).toHaveText('https://octopus.contoso.com/octopus/');
  await failed.getByRole('button', { name: 'Copy Redirect URI' }).click();
  await expectToast(page, 'Copied Redirect URI.');
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
