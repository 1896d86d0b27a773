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
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const [user, password] = await practiceUser(page);
  for (const title of ALL) await expect(row(page, title, 'Not verified')).toBeVisible();
  const web = page.getByRole('group', { name: 'Web portal authentication mode' });
  await expect(web.getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
  await expect(web.getByText('Locked until Check compatibility passes')).toBeVisible();
  // Locked, but a keyboard user reaches it and hears why.
  await web.getByRole('button', { name: 'Switch to Federated identity' }).focus();
  await expect(web.getByRole('button', { name: 'Switch to Federated identity' })).toBeFocused();
  await expect(web.getByRole('button', { name: 'Switch to Federated identity' })).toHaveAccessibleDescription(/Locked until Check compatibility passes/);

  await page.getByRole('button', { name: 'Check compatibility' }).click();
  await signInInPopup(context, harness.url, user, password);
  for (const title of ALL) await expect(row(page, title, 'Passed')).toBeVisible();
  await screenshot(page, 'check-all-green');

  await web.getByRole('button', { name: 'Switch to Federated identity' }).click();
  const dialog = page.getByRole('dialog');
  // Federation Desk records the switch; the admin makes it in Octopus, with these steps.
  await expect(dialog).toContainText('register again');
  await expect(dialog.getByRole('list', { name: 'Steps in Octopus' })).toContainText('Tools > Identity federation configuration');
  await expect(dialog.getByRole('list', { name: 'Steps in Octopus' })).toContainText('set Web portal authentication mode to "Federated identity"');
  await dialog.getByRole('button', { name: 'Done in Octopus' }).click();
  await expect(web.getByText('Federated identity', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mode history' }).getByRole('row')).toHaveCount(2);

  await web.getByRole('button', { name: 'Return to mode 2: Username; Password' }).click();
  await expect(page.getByRole('dialog').getByRole('list', { name: 'Steps in Octopus' })).toContainText('"Return to mode 2: Username; Password"');
  await page.getByRole('dialog').getByRole('button', { name: 'Done in Octopus' }).click();
  await expect(web.getByText('mode 2: Username; Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mode history' }).getByRole('row')).toHaveCount(3);

  const assignee = page.getByRole('group', { name: 'Assignee authentication mode' });
  await expect(assignee.getByRole('button', { name: 'Switch to Federated identity' })).toBeEnabled();

  // Editing what the sign-in depends on turns those checks back to "not verified" and locks Federated again.
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await page.getByLabel('Octopus Web URL').fill('https://octopus2.contoso.com/');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  await expect(row(page, 'Interactive sign-in', 'Not verified')).toBeVisible();
  await expect(row(page, 'Client secret', 'Passed')).toBeVisible();
  await expect(assignee.getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
});

test('a redirect URI registered without its trailing slash fails sign-in with AADSTS50011 and leads with exactly what to register', async ({ page, context, harness }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto(harness.url);
  await createPracticeProfile(page, 'No slash', 'redirect-no-trailing-slash');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check compatibility' }).click();
  await signInInPopup(context, harness.url, user, password);

  const failed = row(page, 'Interactive sign-in', 'Failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('AADSTS50011');
  const fix = failed.getByRole('region', { name: 'How to fix' });
  await expect(fix).toContainText('add exactly https://octopus.contoso.com/octopus/');
  // The fix, with the value to paste, is on screen at 1024x640 without scrolling.
  await screenshot(page, 'check-fix-1024');
  await expect(fix).toBeInViewport({ ratio: 1 });
  await expect(fix.getByRole('button', { name: 'Copy https://octopus.contoso.com/octopus/' })).toBeVisible();
  // Microsoft's own text and IDs wait under Details.
  await expect(failed.getByRole('region', { name: "Entra's response" })).toHaveCount(0);
  await failed.getByRole('button', { name: 'Details', exact: true }).click();
  await expect(failed.getByRole('region', { name: "Entra's response" })).toContainText(/Trace ID[\s\S]*[0-9a-f]{8}-/);
  await expect(row(page, 'Microsoft Graph profile', 'Skipped')).toBeVisible();
  for (const title of ALL.slice(0, 4)) await expect(row(page, title, 'Passed')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Web portal authentication mode' }).getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
  await screenshot(page, 'check-one-red');
});

test('missing admin consent: the check stops at the consent prompt, grants nothing, and says an admin must consent', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'No consent', 'consent-missing');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const [user, password] = await practiceUser(page);
  for (let run = 0; run < 2; run++) {
    await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
    await signInInPopup(context, harness.url, user, password);
    const failed = row(page, 'Interactive sign-in', 'Failed');
    await expect(failed).toBeVisible();
    await expect(failed).toContainText('Admin consent is missing');
    await expect(failed.getByRole('region', { name: 'How to fix' })).toContainText('Grant admin consent');
    await expect(page.getByRole('button', { name: 'Check compatibility', exact: true })).toBeEnabled();
    // The second run fails the same way: the first one granted nothing.
  }
  await screenshot(page, 'check-consent-missing');
});
