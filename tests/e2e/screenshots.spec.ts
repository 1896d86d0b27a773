/**
 * Every screen at 1024x640 and at 150 % scaling of 1366x768, in light and dark, written to
 * artifacts/screenshots (the README's docs/ images are copied from the readme-* ones). Each screen is also
 * held to the layout rules of layout.ts, so an ugly overlap fails here and not only in review.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { layoutProblems } from './layout';
import { createPracticeProfile, practiceUser, signInInPopup } from './practice';

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });
test.setTimeout(300_000);

const SIZES = [
  { name: '1024x640', width: 1024, height: 640, deviceScaleFactor: 1 },
  { name: '150pct', width: 911, height: 512, deviceScaleFactor: 1.5 },
] as const;

async function checkProfile(page: Page, profile: string, harnessUrl: string, expectText: RegExp): Promise<void> {
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  await page.getByLabel('Profile', { exact: true }).selectOption({ label: profile });
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
  await signInInPopup(page.context(), harnessUrl, user, password);
  await expect(page.getByRole('status').filter({ hasText: expectText })).toBeAttached();
}

interface Size {
  width: number;
  height: number;
  deviceScaleFactor: number;
}

async function open(browser: Browser, url: string, size: Size, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.deviceScaleFactor, colorScheme, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function tab(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
}

test('every screen, at 1024x640 and 150 %, light and dark', async ({ page, browser, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Practice', 'healthy');
  await checkProfile(page, 'Practice', harness.url, /Check finished: 6 passed/);
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'New profile' }).click();
  await createPracticeProfile(page, 'No slash', 'redirect-no-trailing-slash');
  await checkProfile(page, 'No slash', harness.url, /Check finished: .* 1 failed/);

  for (const size of SIZES)
    for (const scheme of ['light', 'dark'] as const) {
      const p = await open(browser, harness.url, size, scheme);
      const shot = async (screen: string) => {
        await screenshot(p, `screen-${screen}-${size.name}-${scheme}`);
        expect(await layoutProblems(p), `${screen} ${size.name} ${scheme}`).toEqual([]);
      };
      await expect(p.getByRole('heading', { name: 'No slash', level: 2 })).toBeVisible();
      await shot('profiles');

      await tab(p, 'Check compatibility', 'Check compatibility');
      const failed = p.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: 'Interactive sign-in: Failed' });
      await expect(failed.getByRole('region', { name: 'How to fix' })).toBeVisible();
      await failed.scrollIntoViewIfNeeded();
      await shot('check-failed');

      await p.getByLabel('Profile', { exact: true }).selectOption({ label: 'Practice' });
      await expect(p.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: 'Microsoft Graph profile: Passed' })).toBeVisible();
      await p.getByRole('heading', { name: 'Check compatibility', level: 2 }).scrollIntoViewIfNeeded();
      await shot('check-passed');
      await p.getByRole('group', { name: 'Web portal authentication mode' }).getByRole('button', { name: 'Switch to Federated identity' }).click();
      await expect(p.getByRole('dialog')).toBeVisible();
      await screenshot(p, `screen-mode-dialog-${size.name}-${scheme}`);
      await p.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      // The next size starts on the failing profile again.
      await p.getByLabel('Profile', { exact: true }).selectOption({ label: 'No slash' });

      await tab(p, 'Entra setup', 'Entra setup');
      await shot('entra-setup');
      await tab(p, 'Diagnose', 'Diagnose');
      await shot('diagnose');
      await tab(p, 'Settings', 'Settings');
      await shot('settings');
      await p.context().close();
    }

  // The README's two pictures (docs/check-passed-light.png and docs/check-failed-dark.png are copied
  // from these): a laptop's window, the page from its top, so the heading is whole and the failed
  // row's fix shows below it.
  const README: Size = { width: 1280, height: 800, deviceScaleFactor: 1 };
  for (const [scheme, profile, row, file] of [
    ['light', 'Practice', 'Microsoft Graph profile: Passed', 'readme-check-passed-light'],
    ['dark', 'No slash', 'Interactive sign-in: Failed', 'readme-check-failed-dark'],
  ] as const) {
    const p = await open(browser, harness.url, README, scheme);
    await tab(p, 'Check compatibility', 'Check compatibility');
    await p.getByLabel('Profile', { exact: true }).selectOption({ label: profile });
    const shown = p.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: row });
    await expect(shown).toBeVisible();
    if (scheme === 'dark') await expect(shown.getByRole('region', { name: 'How to fix' })).toBeInViewport();
    await screenshot(p, file);
    expect(await layoutProblems(p), file).toEqual([]);
    await p.context().close();
  }
});
