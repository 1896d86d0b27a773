import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const OLD_SECRET = 'Old8Q~e2eOldSecretValue0123456789abcdefgh';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function createPracticeProfile(page: Page, name: string, scenario: string, secretExpires: string) {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption(scenario);
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await expect(page.getByLabel('Octopus Web URL')).not.toHaveValue('');
  await page.getByLabel('Client secret value').fill(OLD_SECRET);
  await page.getByLabel('Secret expires').fill(secretExpires);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name, exact: true })).toBeVisible();
}

test('a secret that expires soon shows a banner and a badge, and the rotation guide replaces it only once proven', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Production', 'saml-cert-rollover', inDays(10));

  // Banner above the editor: the most urgent credential first, the rollover's older certificate listed.
  const banner = page.getByTestId('expiry-banner');
  await expect(banner).toBeVisible();
  await expect(banner.getByText(/^Client secret Old… expires in 10 days \(\d{4}-\d\d-\d\d\)$/)).toBeVisible();
  await expect(banner.getByText(/SAML signing certificate [0-9A-F]{8}… \(older\) expires in 25 days/)).toBeVisible();

  // Badge next to the name in the list, announced with the row.
  const row = page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'Production', exact: true });
  const badge = page.locator('#' + (await row.getAttribute('aria-describedby'))?.split(' ')[1]);
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute('data-state', 'warning');
  await expect(badge).toContainText('10 days');
  await expect(row).toHaveAccessibleDescription(/Client secret Old… expires in 10 days/);
  await page.getByRole('heading', { name: 'Production', level: 2 }).scrollIntoViewIfNeeded();
  await screenshot(page, 'expiry-banner');

  // Rotation: a wrong value is refused and changes nothing.
  await banner.getByRole('button', { name: 'Rotate client secret' }).click();
  const dialog = page.getByRole('dialog', { name: /Rotate the client secret of “Production”/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('New secret value').fill('Wrg8Q~e2eWrongSecretValue0123456789abcdef');
  await dialog.getByLabel('New secret expires').fill(inDays(300));
  await dialog.getByRole('button', { name: 'Prove and use the new secret' }).click();
  await expect(dialog.getByText('The new secret was not accepted')).toBeVisible();
  await expect(dialog.getByText(/Nothing was changed\./)).toBeVisible();
  await screenshot(page, 'expiry-rotation-refused');

  // The real new secret (the practice scenario's, which the dialog shows with a Copy button) is proven, then used.
  await expect(dialog.getByText(/^Prc8Q~/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy the practice client secret' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Copied\.$|Copying failed/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Use it as the new secret' }).click();
  await dialog.getByRole('button', { name: 'Prove and use the new secret' }).click();
  await expect(dialog.getByText(/The new secret Prc… works and is in use/)).toBeVisible();
  // The form that had the focus is gone: the focus stays in the dialog, on the next step.
  await expect(dialog.getByRole('button', { name: 'Complete rotation' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Go back to the old secret' })).toBeEnabled();
  await expect(dialog.getByRole('button', { name: 'Complete rotation' })).toBeEnabled();
  // Let the buttons' colour transitions finish before the picture (CSS transitions are Animations).
  await page.evaluate(() => Promise.all((globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }).document.getAnimations().map((a) => a.finished)));
  await screenshot(page, 'expiry-rotation-proven');
  await dialog.getByRole('button', { name: 'Complete rotation' }).click();
  await expect(dialog).toBeHidden();

  // Now only the older SAML certificate needs attention.
  await expect(banner.getByText(/^SAML signing certificate [0-9A-F]{8}… \(older\) expires in 25 days/)).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Rotate client secret' })).toHaveCount(0);
  await expect(badge).toContainText('25 days');
});

test('an expired secret is shown as critical, and keyboard users reach the banner’s actions', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Profile name').fill('Legacy');
  await page.getByLabel('Directory (tenant) ID').fill('contoso.onmicrosoft.com');
  await page.getByLabel('SAML-OpenID application (client) ID').fill('11111111-2222-3333-4444-555555555555');
  await page.getByLabel('API application (client) ID').fill('99999999-8888-7777-6666-555555555555');
  await page.getByLabel('Client secret value').fill(OLD_SECRET);
  await page.getByLabel('Secret expires').fill(inDays(-3));
  await page.getByLabel('Octopus Web URL').fill('https://octopus.contoso.com/');
  await page.getByRole('button', { name: 'Create profile' }).click();

  const banner = page.getByTestId('expiry-banner');
  await expect(banner.getByText(/^Client secret Old… expired 3 days ago/)).toBeVisible();
  // No network to Entra here: the certificates are unknown, and the banner says why.
  await expect(banner.getByText(/SAML signing certificates: The SAML signing certificates could not be read/)).toBeVisible();
  await expect(page.locator('[data-state="expired"]')).toContainText('Expired');

  const rotate = banner.getByRole('button', { name: 'Rotate client secret' });
  await rotate.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Open Certificates & secrets' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Open Certificates & secrets' }).click();
  await expect
    .poll(async () => (await (await fetch(`${harness.url}__harness/opened`)).json()) as string[])
    .toEqual(['https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/99999999-8888-7777-6666-555555555555']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Closing keeps the rotation: the banner offers to continue it, and focus is back on that button.
  await expect(banner.getByRole('button', { name: 'Continue secret rotation' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Continue secret rotation' })).toBeFocused();
  await banner.getByRole('button', { name: 'Continue secret rotation' }).click();
  await dialog.getByRole('button', { name: 'Abandon rotation' }).click();
  await expect(banner.getByRole('button', { name: 'Rotate client secret' })).toBeVisible();
});

test('the expiry notice on the other pages takes one line where the window is wide enough, and its words are never cut', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Production', 'saml-cert-rollover', inDays(10));
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const notices = page.getByRole('region', { name: 'Notices' });
  const open = notices.getByRole('button', { name: 'Open “Production”' });
  // 1366x768 at 100 % and 150 % (911x512), and the window's minimum size.
  for (const [width, height, oneLine] of [[1366, 768, true], [911, 512, false], [800, 560, false]] as const) {
    await page.setViewportSize({ width, height });
    await expect(open).toBeVisible();
    // Fluent lays the bar out again after a ResizeObserver callback: polled until it has.
    const layout = async () => {
      const body = await notices.locator('.fui-MessageBarBody').evaluate((el) => {
        const b = el.getBoundingClientRect();
        return { bottom: b.bottom, right: b.right, cut: el.scrollWidth > el.clientWidth + 1 };
      });
      const button = await open.boundingBox();
      const sameRow = (button?.y ?? 0) < body.bottom;
      return { wordsCut: body.cut, wordsUnderButton: sameRow && body.right > (button?.x ?? 0), oneLine: sameRow };
    };
    await expect.poll(layout, { message: `the expiry notice at ${width}x${height}` }).toEqual({ wordsCut: false, wordsUnderButton: false, oneLine });
  }
});
