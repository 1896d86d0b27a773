import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/** An Octopus profile named Production, created through the form. */
async function createProduction(page: Page) {
  await page.getByLabel('Profile name').fill('Production');
  await page.getByLabel('Directory (tenant) ID').fill('contoso.com');
  await page.getByLabel('SAML-OpenID application (client) ID').fill('11111111-2222-3333-4444-555555555555');
  await page.getByLabel('API application (client) ID').fill('99999999-8888-7777-6666-555555555555');
  await page.getByLabel('Octopus Web URL').fill('https://octopus.contoso.com/');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'Production', exact: true })).toBeVisible();
}

test('per-profile expiry warnings and the network proxy are set on the Settings page, checked as typed, and kept', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createProduction(page);

  await page.getByRole('tab', { name: 'Settings' }).click();
  const expiry = page.getByRole('form', { name: 'Expiry warnings' });
  await expect(expiry.getByText('This profile uses the defaults')).toBeVisible();
  await expect(expiry.getByLabel('Reminders (days before expiry)')).toHaveValue('60, 30, 14, 7, 1');

  await expiry.getByLabel('Reminders (days before expiry)').fill('90, thirty');
  await expect(expiry.getByText('Use whole days from 1 to 730')).toBeVisible();
  await expect(expiry.getByRole('button', { name: 'Save expiry warnings' })).toBeDisabled();
  await expiry.getByLabel('Reminders (days before expiry)').fill('90, 30, 7');
  await expiry.getByLabel('Warning from (days left)').fill('20');
  await expiry.getByLabel('Critical from (days left)').fill('30');
  await expect(expiry.getByText('Critical days must not be more than warning days.')).toBeVisible();
  await expiry.getByLabel('Warning from (days left)').fill('90');
  await expiry.getByRole('button', { name: 'Save expiry warnings' }).click();
  await expect(expiry.getByText('Expiry warnings saved for this profile.')).toBeVisible();
  await expiry.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-expiry');

  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(expiry.getByLabel('Reminders (days before expiry)')).toHaveValue('90, 30, 7');
  await expect(expiry.getByText('This profile has its own settings.')).toBeVisible();
  await expiry.getByRole('button', { name: 'Use the defaults' }).click();
  await expect(expiry.getByLabel('Reminders (days before expiry)')).toHaveValue('60, 30, 14, 7, 1');

  const network = page.getByRole('form', { name: 'Network' });
  await network.getByRole('radio', { name: 'Use this proxy:' }).check();
  await network.getByLabel('Proxy URL').fill('http://user:pw@proxy.contoso.com:8080');
  await expect(network.getByText('stored in clear')).toBeVisible();
  await network.getByLabel('Proxy URL').fill('http://proxy.contoso.com:8080');
  await network.getByRole('button', { name: 'Save network settings' }).click();
  await expect(network.getByText('Network settings saved')).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(network.getByLabel('Proxy URL')).toHaveValue('http://proxy.contoso.com:8080');
});

test('the app follows the system theme until the admin picks one, and keeps that choice after a restart', async ({ page, harness }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(harness.url);
  const provider = page.locator('.fui-FluentProvider').first();
  const background = (color: string) => expect(provider).toHaveCSS('background-color', color);
  // Fluent's webDarkTheme neutral background 1 is #292929, webLightTheme's is #ffffff.
  await background('rgb(41, 41, 41)');
  await page.emulateMedia({ colorScheme: 'light' });
  await background('rgb(255, 255, 255)');

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Dark', exact: true }).check();
  await background('rgb(41, 41, 41)');
  await harness.restart();
  await page.goto(harness.url);
  await background('rgb(41, 41, 41)');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: 'Dark', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: 'Same as Windows (light or dark)' }).check();
  await background('rgb(255, 255, 255)');
});

test('automatic updates can be switched off in Settings, by keyboard, and stay off after a restart', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  const updates = page.getByRole('switch', { name: 'Look for updates automatically' });
  await expect(updates).toBeChecked();
  await updates.focus();
  await page.keyboard.press('Space');
  await expect(updates).not.toBeChecked();
  await screenshot(page, 'settings-updates-off');
  await harness.restart();
  await page.goto(harness.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('switch', { name: 'Look for updates automatically' })).not.toBeChecked();
});

test('Settings shows every validation error at once, each under its own field', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('region', { name: 'Welcome to Federation Desk' }).getByRole('button', { name: 'Try the practice tenant' }).click();
  await expect(page.getByRole('heading', { name: 'Check compatibility', level: 2 })).toBeVisible();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Reminders (days before expiry)').fill('soon');
  await page.getByLabel('Warning from (days left)').fill('many');
  await page.getByLabel('Critical from (days left)').fill('-1');
  await expect(page.getByText('Use whole days from 1 to 730, separated by commas.')).toBeVisible();
  await expect(page.getByText('Use a whole number of days from 0 to 730.')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Save expiry warnings' })).toBeDisabled();
});

test('Browse… fills the CA file from the system file dialog, and cancelling it changes nothing', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  const ca = page.getByLabel('Extra CA certificate file');
  // The harness stands in for the person at the dialog: the next dialog answers this path.
  await fetch(`${harness.url}__harness/choose-file`, { method: 'POST', body: JSON.stringify({ path: '/etc/ssl/corporate-root.pem' }) });
  await page.getByRole('button', { name: 'Browse…' }).click();
  await expect(ca).toHaveValue('/etc/ssl/corporate-root.pem');
  // Cancelled (no answer queued): the path stays.
  await page.getByRole('button', { name: 'Browse…' }).click();
  await expect(ca).toHaveValue('/etc/ssl/corporate-root.pem');
});

test('what the admin types in Settings stays when the saved settings arrive after it', async ({ page, harness }) => {
  // Hold main's answers to the Settings page's two reads, as a busy main process would.
  const held: Array<() => void> = [];
  let answered = 0;
  await page.route(/\/__api\/(settings%3Anetwork-get|expiry%3Astatus)$/, async (route) => {
    if (!page.url().includes('#settings-held')) return route.continue();
    await new Promise<void>((resolve) => held.push(resolve));
    await route.continue();
    answered++;
  });
  await page.goto(harness.url);
  await createProduction(page);

  await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash = 'settings-held');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect.poll(() => held.length).toBe(2);
  const network = page.getByRole('form', { name: 'Network' });
  await network.getByRole('radio', { name: 'Use this proxy:' }).check();
  await network.getByLabel('Proxy URL').fill('http://proxy.contoso.com:8080');
  const expiry = page.getByRole('form', { name: 'Expiry warnings' });
  await expiry.getByLabel('Reminders (days before expiry)').fill('90, 30, 7');

  for (const release of held) release();
  await expect.poll(() => answered).toBe(2);
  await expect(expiry.getByText('This profile uses the defaults')).toBeVisible();
  await expect(network.getByRole('radio', { name: 'Use this proxy:' })).toBeChecked();
  await expect(network.getByLabel('Proxy URL')).toHaveValue('http://proxy.contoso.com:8080');
  await expect(expiry.getByLabel('Reminders (days before expiry)')).toHaveValue('90, 30, 7');
  await network.getByRole('button', { name: 'Save network settings' }).click();
  await expect(network.getByText('Network settings saved')).toBeVisible();
});
