/**
 * A first launch: the welcome offers a real profile or the practice tenant, tabbing through the empty
 * form marks nothing red, one click makes a practice profile that passes every check, and an expired
 * secret is announced on every page in the past tense.
 */
import type { Page } from '@playwright/test';
import type { DeskApi } from '../../shared/ipc';
import { expect, screenshot, test } from './fixtures';
import { practiceUser, signInInPopup } from './practice';

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function seedExpired(page: Page): Promise<void> {
  const envelope = await page.evaluate(
    (expires) =>
      (globalThis as unknown as { api: DeskApi }).api.invoke('profiles:save', {
        draft: {
          name: 'Legacy',
          cloud: 'global',
          tenantId: 'contoso.onmicrosoft.com',
          samlAppId: '11111111-2222-3333-4444-555555555555',
          clientId: '99999999-8888-7777-6666-555555555555',
          webUrl: 'https://octopus.contoso.com/',
          allowedDomains: '',
          secretExpiresAt: expires,
        },
        secret: { action: 'replace', value: 'Old8Q~e2eSecretValue0123456789abcdefghijk' },
      }),
    inDays(-3),
  );
  expect(envelope.ok).toBe(true);
}

test('first launch: tabbing marks nothing red, and one click makes a practice profile that passes every check', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  const welcome = page.getByRole('region', { name: 'Welcome to Federation Desk' });
  await expect(welcome).toBeVisible();
  await screenshot(page, 'first-run');

  // "Create a profile" takes the keyboard to the form; tabbing through it turns nothing red.
  await welcome.getByRole('button', { name: 'Create a profile' }).click();
  await expect(page.getByLabel('Profile name')).toBeFocused();
  // A full focus ring around the field, not only Fluent's underline.
  await expect(page.locator('.fui-Input').filter({ has: page.getByLabel('Profile name') })).toHaveCSS('outline-style', 'solid');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  await expect(page.locator('.fui-Field__validationMessage')).toHaveCount(0);
  // Submitting shows every missing field at once.
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.locator('.fui-Field__validationMessage').first()).toBeVisible();

  await welcome.getByRole('button', { name: 'Try the practice tenant' }).click();
  await expect(page.getByRole('heading', { name: 'Check compatibility', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Profile', { exact: true }).locator('option:checked')).toHaveText('Practice tenant');
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
  await signInInPopup(context, harness.url, user, password);
  await expect(page.getByRole('status').filter({ hasText: 'Check finished: 6 passed' })).toBeAttached();
  await expect(page.getByRole('group', { name: 'Web portal authentication mode' }).getByRole('button', { name: 'Switch to Federated identity' })).toBeEnabled();
});

test('an expired secret is announced on every page, in the past tense, and leads to its profile', async ({ page, harness }) => {
  await page.goto(harness.url);
  await seedExpired(page);
  await page.reload();
  const notices = page.getByRole('region', { name: 'Notices' });
  for (const tab of ['Check compatibility', 'Entra setup', 'Diagnose', 'Settings']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(notices.getByText(/^Legacy: Client secret Old… expired 3 days ago/)).toBeVisible();
    await expect(notices).toContainText('Federated sign-ins have stopped');
  }
  await screenshot(page, 'expiry-notice-settings');
  await notices.getByRole('button', { name: 'Open “Legacy”' }).click();
  // On the profile's own page the full banner (with the rotation) takes over: one banner, not two.
  const banner = page.getByTestId('expiry-banner');
  await expect(banner).toContainText('Federated sign-ins have stopped');
  await expect(notices.getByText(/^Legacy: /)).toHaveCount(0);
  // No network here: the SAML certificates are unknown, said in words rather than Node's error code.
  await expect(banner).not.toContainText('ENOTFOUND');
});
