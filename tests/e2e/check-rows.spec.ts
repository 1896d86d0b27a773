/**
 * The check rows as a first-time admin reads them: every row says its status in words beside its
 * icon (not by colour or an icon alone: WCAG 1.4.1 "Use of color"), in light, dark and forced colors,
 * at 1024x640 and at 150 % of 1366x768 (911x512 CSS px), without crowding the row; a screen reader
 * hears the status once (the word; the icon is decoration). Measured with bounding boxes.
 */
import type { Page } from '@playwright/test';
import { expectRowsLinedUp, expectWordBesideIcon, inEveryView, rowParts, type RowParts } from './views';
import { expect, screenshot, test } from './fixtures';
import { createPracticeProfile, practiceUser, signInInPopup } from './practice';

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true, viewport: { width: 1024, height: 640 } });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every check row says its status in words beside its icon, heard once, in light, dark and forced colors, at 1024x640 and 150 %', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Words', 'redirect-no-trailing-slash');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
  await signInInPopup(context, harness.url, user, password);
  await page.bringToFront();
  await expect(page.getByRole('status').filter({ hasText: /Check finished: 4 passed, 0 warning, 1 failed, 1 skipped/ })).toBeAttached();

  const rows = [
    ['Directory (tenant)', 'Passed'],
    ['SAML-OpenID application', 'Passed'],
    ['API application', 'Passed'],
    ['Client secret', 'Passed'],
    ['Interactive sign-in', 'Failed'],
    ['Microsoft Graph profile', 'Skipped'],
  ] as const;
  const checks = page.getByRole('list', { name: 'Checks' });
  await inEveryView(page, async (where, size, theme) => {
    const lined: RowParts[] = [];
    for (const [title, word] of rows) {
      const header = checks.getByRole('listitem', { name: `${title}: ${word}` }).getByRole('button', { expanded: word === 'Failed' });
      // Heard once: the button's name leads with the word, and no image inside names the status again.
      await expect(header).toHaveAccessibleName(new RegExp(`^${word} ${escape(title)} `));
      await expect(header.getByRole('img')).toHaveCount(0);
      const parts = await rowParts(header, title, word);
      expectWordBesideIcon(parts, `${where} ${title}`, size.width);
      lined.push(parts);
    }
    expectRowsLinedUp(lined, where);
    await checks.getByRole('listitem', { name: 'Interactive sign-in: Failed' }).scrollIntoViewIfNeeded();
    await screenshot(page, `check-rows-${size.name}-${theme.name}`);
  });
});

async function createAuthentikPractice(page: Page): Promise<void> {
  await page.getByLabel('Target').selectOption({ label: 'authentik (Entra ID OAuth source)' });
  await page.getByLabel('Profile name').fill('authentik');
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption({ label: 'Healthy: set up as each guide says' });
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await expect(page.getByLabel('authentik FQDN')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'authentik', exact: true })).toBeVisible();
}

test('before any run, each row says what it will prove, and a check the target has no use for says "Not used" and why', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createAuthentikPractice(page);
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const checks = page.getByRole('list', { name: 'Checks' });
  // Before a run a row says what it will prove, not "Not verified" twice.
  const tenant = checks.getByRole('listitem', { name: 'Directory (tenant): Not verified' }).getByRole('button');
  await expect(tenant).toHaveAccessibleName(/^Not verified Directory \(tenant\) The Directory \(tenant\) ID exists in the chosen cloud/);
  await expect(tenant.getByText(/Not verified yet/)).toHaveCount(0);
  const saml = checks.getByRole('listitem', { name: 'SAML app: Not used' });
  const header = saml.getByRole('button');
  await expect(header).toHaveAccessibleName(/^Not used SAML app Not used by authentik: it has no SAML app\./);
  await expect(header.getByText('Not used', { exact: true })).toBeVisible();
  await screenshot(page, 'check-before-run-authentik');
});
