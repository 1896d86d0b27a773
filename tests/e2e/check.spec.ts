import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { createPracticeProfile, signInInPopup, practiceUser } from './practice';


// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });

function row(page: Page, title: string, status: string) {
  return page.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: `${title}: ${status}` });
}

const ALL = ['Directory (tenant)', 'SAML-OpenID application', 'API application', 'Client secret', 'Interactive sign-in', 'Microsoft Graph profile'];

test('a healthy practice tenant passes every check, unlocks Federated identity, and the way back stays open', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Practice', 'healthy');
  await page.getByRole('tab', { name: 'Check Compatibility' }).click();
  const [user, password] = await practiceUser(page);
  for (const title of ALL) await expect(row(page, title, 'Not verified')).toBeVisible();
  const web = page.getByRole('group', { name: 'Web portal authentication mode' });
  await expect(web.getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
  await expect(web.getByText('Federated identity needs a passed check')).toBeVisible();

  await page.getByRole('button', { name: 'Check Compatibility' }).click();
  await signInInPopup(context, harness.url, user, password);
  for (const title of ALL) await expect(row(page, title, 'Passed')).toBeVisible();
  await screenshot(page, 'check-all-green');

  await web.getByRole('button', { name: 'Switch to Federated identity' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('users register again');
  await dialog.getByRole('button', { name: 'Switch' }).click();
  await expect(web.getByText('Federated identity', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mode history' }).getByRole('row')).toHaveCount(2);

  await web.getByRole('button', { name: 'Return to mode 2: Username; Password' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Switch' }).click();
  await expect(web.getByText('mode 2: Username; Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mode history' }).getByRole('row')).toHaveCount(3);

  const assignee = page.getByRole('group', { name: 'Assignee authentication mode' });
  await expect(assignee.getByRole('button', { name: 'Switch to Federated identity' })).toBeEnabled();

  // Editing what the sign-in depends on turns those checks back to "not verified" and locks Federated again.
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await page.getByLabel('Octopus Web URL').fill('https://octopus2.contoso.com/');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('tab', { name: 'Check Compatibility' }).click();
  await expect(row(page, 'Interactive sign-in', 'Not verified')).toBeVisible();
  await expect(row(page, 'Client secret', 'Passed')).toBeVisible();
  await expect(assignee.getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
});

test('a redirect URI registered without its trailing slash fails sign-in with AADSTS50011 and says exactly what to register', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'No slash', 'redirect-no-trailing-slash');
  await page.getByRole('tab', { name: 'Check Compatibility' }).click();
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check Compatibility' }).click();
  await signInInPopup(context, harness.url, user, password);

  const failed = row(page, 'Interactive sign-in', 'Failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('AADSTS50011');
  await expect(failed.getByRole('region', { name: 'How to fix' })).toContainText('add exactly https://octopus.contoso.com/octopus/');
  await expect(failed.getByRole('region', { name: "Entra's response" })).toContainText(/Trace ID[\s\S]*[0-9a-f]{8}-/);
  await expect(row(page, 'Microsoft Graph profile', 'Skipped')).toBeVisible();
  for (const title of ALL.slice(0, 4)) await expect(row(page, title, 'Passed')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Web portal authentication mode' }).getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
  await screenshot(page, 'check-one-red');
});
