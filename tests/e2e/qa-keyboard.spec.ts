/**
 * Keyboard and screen-reader walk through the check, Entra setup, diagnose and settings pages, at the
 * small window size (1024×640) where layouts first break.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { expectToast } from './toasts';
import { createPracticeProfile, signInInPopup, practiceUser } from './practice';

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true, viewport: { width: 1024, height: 640 } });

/** Tab forward until `target` has focus (a keyboard user's way there), failing after `max` presses. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
  }
  throw new Error(`not reached with ${max} Tab presses`);
}

test('the check runs, reports its progress and expands its rows from the keyboard, and nothing spills at 1024×640', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'A profile with a rather long name for the select', 'secret-expired');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  await expect(page.getByRole('heading', { name: 'Check compatibility', level: 2 })).toBeVisible();

  // The practice notice keeps its height: its text used to spill over the first check row.
  const notice = page.getByText(/Practice tenant, scenario “Client secret expired”/);
  const bar = page.locator('.fui-MessageBar').filter({ has: notice });
  // The notice appears once the practice scenarios are loaded: measure it only then.
  await expect(notice).toBeVisible();
  const barBox = await bar.boundingBox();
  const textBox = await notice.boundingBox();
  expect(barBox && textBox && textBox.y + textBox.height <= barBox.y + barBox.height).toBe(true);

  // Keyboard only: from the page's profile select to the button, Enter starts the check.
  await page.getByLabel('Profile', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check compatibility', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  // A screen reader hears the end of the run, not only sighted users seeing icons change.
  await expect(page.getByRole('status').filter({ hasText: /^Check finished: \d passed, 0 warning, 1 failed, \d skipped\.$/ })).toBeAttached();

  const failed = page.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: 'Client secret: Failed' });
  const header = failed.getByRole('button', { expanded: true });
  await expect(header).toBeVisible();
  // A passed row expands and collapses with Space and Enter.
  const tenant = page.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: 'Directory (tenant): Passed' }).getByRole('button').first();
  await tenant.focus();
  await expect(tenant).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Space');
  await expect(tenant).toHaveAttribute('aria-expanded', 'true');
  const proves = page.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: 'Directory (tenant): Passed' }).locator('dd').first();
  // Sentences break between words (they used to break mid-word like "docum ent").
  await expect(proves).toHaveCSS('overflow-wrap', 'break-word');
  await page.keyboard.press('Enter');
  await expect(tenant).toHaveAttribute('aria-expanded', 'false');

  // The cut-off summary keeps its full text as a tooltip.
  const summary = failed.getByRole('button', { expanded: true }).locator('span[title]').last();
  expect(await summary.getAttribute('title')).toMatch(/\S/);

  // Copy error details says it copied (it used to copy silently, or fail silently).
  await failed.getByRole('button', { name: 'Copy error details' }).click();
  await expectToast(page, /Copied the error details\.|Could not copy the error details/);

  // The section under the checks is "Export", not a second "Settings" next to the Settings page.
  await expect(page.getByRole('heading', { name: 'Export', level: 3 })).toBeAttached();
  await screenshot(page, 'qa-check-1024');
});

test('switching the authentication scope from the keyboard: Escape cancels, focus comes back, and lands on the new action after switching', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Practice', 'healthy');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /of 6 checks done\.$/ })).toBeAttached();
  await signInInPopup(context, harness.url, user, password);
  await expect(page.getByRole('status').filter({ hasText: 'Check finished: 6 passed' })).toBeAttached();

  const web = page.getByRole('group', { name: 'Web portal authentication mode' });
  const toFederated = web.getByRole('button', { name: 'Switch to Federated identity' });
  await tabTo(page, toFederated);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(toFederated).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Done in Octopus', exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  // The button that opened the dialog is gone: focus goes to the way back, not to the top of the page.
  await expect(web.getByRole('button', { name: /^Return to / })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Mode history' })).toBeVisible();
  await screenshot(page, 'qa-check-switched-1024');
});

test('the Entra setup, Diagnose and Settings pages read well at 1024×640', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Practice', 'healthy');

  await page.getByRole('tab', { name: 'Entra setup' }).click();
  const first = page.getByRole('list', { name: 'API app steps' }).getByRole('listitem', { name: 'Web redirect URI: Not audited' });
  // "Not audited" said once, in the audit's word beside the icon; the icon is decoration, and no line repeats it.
  await expect(first.getByText('Not audited', { exact: true })).toBeVisible();
  await expect(first.getByText(/Not audited yet|Not verified/)).toHaveCount(0);
  await expect(first.getByRole('img')).toHaveCount(0);

  // Every page: one h1 (the app), one h2 named as the page's place in the navigation.
  for (const [tab, h2] of [
    ['Check compatibility', 'Check compatibility'],
    ['Entra setup', 'Entra setup'],
    ['Diagnose', 'Diagnose'],
    ['Settings', 'Settings'],
  ] as const) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(h2);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Federation Desk');
  }
  await expect(page.getByRole('form', { name: 'Network' })).toBeVisible();

  // The catalog's card sits right under the page heading: h3, its parts h4.
  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  await page.getByRole('tab', { name: 'Error catalog' }).click();
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('50011');
  const entry = page.getByRole('list', { name: 'Catalog entries' }).getByRole('button', { name: 'AADSTS50011: Redirect URI mismatch' });
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article').getByRole('heading', { level: 3 })).toContainText('AADSTS50011');
  await expect(page.getByRole('article').getByRole('heading', { name: 'How to fix', level: 4 })).toBeVisible();
  await screenshot(page, 'qa-catalog-1024');

  // The main sections are a navigation landmark.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('tab', { name: 'Settings' })).toBeVisible();
});

test('the main navigation is one Tab stop: arrow keys move between the sections and wrap, Enter opens one, Tab goes on to the page', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('button', { name: 'Create a profile' })).toBeVisible();
  const section = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('tab', { name, exact: true });
  await tabTo(page, section('Profiles'));
  await page.keyboard.press('ArrowUp');
  await expect(section('Settings')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(section('Profiles')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(section('Check compatibility')).toBeFocused();
  // Moving focus does not open the section; Enter does.
  await expect(section('Profiles')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(section('Settings')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(section('Profiles')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(section('Entra setup')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Entra setup', level: 2 })).toBeVisible();
  await expect(section('Entra setup')).toHaveAttribute('aria-selected', 'true');
  // Tab leaves the list for the page, not for the next section; Shift+Tab comes back to the open one.
  await page.keyboard.press('ArrowDown');
  await expect(section('Diagnose')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('main :focus')).toHaveCount(1);
  await page.keyboard.press('Shift+Tab');
  await expect(section('Entra setup')).toBeFocused();
});

test('without a profile, the empty pages say what to do in plain words', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByText('App version, OS and recent log lines, with secrets and tokens removed (no profile yet).')).toBeVisible();
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  await expect(page.getByText('Create a profile first: the check proves its settings against Entra ID.')).toBeVisible();
  // The heading sits at the top like on the other pages (it used to carry the browser's default margin).
  const heading = page.getByRole('heading', { name: 'Check compatibility', level: 2 });
  await expect(heading).toHaveCSS('margin-top', '0px');
  await page.getByRole('button', { name: 'Go to Profiles' }).press('Enter');
  await expect(page.getByLabel('Profile name')).toBeVisible();
});
