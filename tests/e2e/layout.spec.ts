/**
 * Every page at 1366x768 with 100, 125, 150 and 200 % display scaling and at the window's minimum
 * size: no two controls or texts overlap, no label, value or selected option is cut off, and the
 * narrow layout (icon navigation, profile picker, one-column form) takes over below about 1000 px.
 */
import type { Browser, Page } from '@playwright/test';
import type { DeskApi } from '../../shared/ipc';
import { expect, screenshot, test } from './fixtures';
import { SCALINGS, layoutProblemsScrolled } from './layout';

/** Each page's tab and the heading it opens with (the profiles page is headed by the selected profile). */
const PAGES = [
  ['Profiles', 'Production'],
  ['Check compatibility', 'Check compatibility'],
  ['Entra setup', 'Entra setup'],
  ['Diagnose', 'Diagnose'],
  ['Settings', 'Settings'],
] as const;

async function open(browser: Browser, url: string, size: (typeof SCALINGS)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.deviceScaleFactor });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function saveProfile(page: Page, name: string, cloud: string): Promise<void> {
  const result = await page.evaluate(
    ([n, c]) =>
      (globalThis as unknown as { api: DeskApi }).api.invoke('profiles:save', {
        draft: {
          name: n ?? '',
          cloud: c as 'global',
          tenantId: 'contoso.onmicrosoft.com',
          samlAppId: '11111111-2222-3333-4444-555555555555',
          clientId: '99999999-8888-7777-6666-555555555555',
          webUrl: 'https://octopus.contoso.com/',
          allowedDomains: '',
          secretExpiresAt: '2027-05-31',
        },
        secret: { action: 'keep' },
      }),
    [name, cloud],
  );
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

for (const size of SCALINGS) {
  test(`nothing overlaps or is cut off at ${size.label}`, async ({ browser, harness }) => {
    const page = await open(browser, harness.url, size);
    const narrow = size.width < 1000;

    // First run: the empty form, tabbed through, then submitted empty (every field's message shows).
    await expect(page.getByRole('heading', { name: 'New profile' })).toBeVisible();
    expect(await layoutProblemsScrolled(page), 'first run').toEqual([]);
    await page.getByRole('button', { name: 'Create profile' }).click();
    expect(await layoutProblemsScrolled(page), 'empty form submitted').toEqual([]);

    // The longest cloud name must show in full in its select.
    await saveProfile(page, 'Production', 'china');
    await saveProfile(page, 'Test tenant for the Contoso federation pilot', 'global');
    await page.reload();
    const profiles = page.getByRole('navigation', { name: 'Profiles' });
    if (narrow) {
      await expect(profiles.getByLabel('Profile', { exact: true })).toBeVisible();
      await profiles.getByLabel('Profile', { exact: true }).selectOption({ label: 'Production' });
    } else {
      await profiles.getByRole('button', { name: 'Production', exact: true }).click();
    }
    await expect(page.getByRole('heading', { name: 'Production', level: 2 })).toBeVisible();

    // Below 1000 px the navigation is icons with names, and the two top fields stack.
    const nav = page.getByRole('navigation', { name: 'Main' });
    const navBox = await nav.boundingBox();
    expect(navBox?.width ?? 0).toBeLessThan(narrow ? 80 : 260);
    const name = await page.getByLabel('Profile name').boundingBox();
    const cloud = await page.getByLabel('Cloud').boundingBox();
    if (narrow) expect((cloud?.y ?? 0) > (name?.y ?? 0) + (name?.height ?? 0)).toBe(true);
    // The picker row and everything above the form (notices, banners) end where the form's fields
    // end, not at the window's edge beyond them.
    const fieldRight = (name?.x ?? 0) + (name?.width ?? 0);
    if (narrow) {
      const pickerRight = await profiles.evaluate((e) => e.getBoundingClientRect().right);
      expect(Math.abs(pickerRight - fieldRight), `picker ends at ${pickerRight}, fields at ${fieldRight}`).toBeLessThanOrEqual(1);
    }
    const paneRight = await page
      .getByRole('region', { name: 'Production' })
      .locator(':scope > *')
      .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(paneRight, `the profile pane's content ends at ${paneRight}, its fields at ${fieldRight}`).toBeLessThanOrEqual(fieldRight + 1);

    for (const [tab, title] of PAGES) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
      await screenshot(page, `layout-${size.width}x${size.height}-${tab.toLowerCase().replace(/ /g, '-')}`);
      expect(await layoutProblemsScrolled(page), title).toEqual([]);
    }
    await page.context().close();
  });
}
