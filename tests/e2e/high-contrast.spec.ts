/**
 * High contrast (Windows contrast themes; Chromium's forced colors): the check page with a failed
 * row and the profile form keep their meaning without colour. Forced colors drop backgrounds,
 * box-shadows and author colours (CSS Color Adjustment, "forced-colors"), so status must be text
 * or an accessible name, focus must be drawn by an outline or a border, and buttons need a border.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { createPracticeProfile, practiceUser, signInInPopup } from './practice';

test.use({ ignoreHTTPSErrors: true });

/** The few browser globals the page-side callbacks use (the Node tsconfig has no DOM library). */
interface Style {
  content: string;
  outlineStyle: string;
  outlineWidth: string;
  getPropertyValue(name: string): string;
}
interface Browser {
  getComputedStyle(el: unknown, pseudo?: string): Style;
  matchMedia(query: string): { matches: boolean };
  document: { activeElement: { blur(): void } | null };
}

/** What draws an element's edge in forced colors: its border, its outline, or a ::before/::after border or outline (Fluent's focus ring). */
async function edge(locator: Locator): Promise<{ border: number; outline: number; pseudo: number }> {
  return locator.evaluate((el) => {
    const w = globalThis as unknown as Browser;
    const width = (s: Style, side: 'border' | 'outline') =>
      side === 'border'
        ? Math.max(...['top', 'right', 'bottom', 'left'].map((x) => (s.getPropertyValue(`border-${x}-style`) === 'none' ? 0 : parseFloat(s.getPropertyValue(`border-${x}-width`)) || 0)))
        : s.outlineStyle === 'none'
          ? 0
          : parseFloat(s.outlineWidth) || 0;
    const own = w.getComputedStyle(el);
    const pseudo = Math.max(
      ...['::before', '::after'].map((p) => {
        const s = w.getComputedStyle(el, p);
        return s.content === 'none' ? 0 : Math.max(width(s, 'border'), width(s, 'outline'));
      }),
    );
    return { border: width(own, 'border'), outline: width(own, 'outline'), pseudo };
  });
}

async function focusByTab(page: Page, target: Locator): Promise<void> {
  // From nothing focused: a control focused by a click shows no ring, and need not.
  await page.evaluate(() => (globalThis as unknown as Browser).document.activeElement?.blur());
  for (let i = 0; i < 300 && !(await target.evaluate((el) => el === (globalThis as unknown as Browser).document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
});

test('forced colors: a failed check row says its status in words, focus is drawn, and buttons have borders', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  expect(await page.evaluate(() => (globalThis as unknown as Browser).matchMedia('(forced-colors: active)').matches)).toBe(true);
  await createPracticeProfile(page, 'High contrast', 'redirect-no-trailing-slash');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const [user, password] = await practiceUser(page);
  const run = page.getByRole('button', { name: 'Check compatibility', exact: true });
  await run.click();
  await signInInPopup(context, harness.url, user, password);
  // The sign-in page was another tab: the app's window has the focus again, as in Electron.
  await page.bringToFront();
  const checks = page.getByRole('list', { name: 'Checks' });
  const failed = checks.getByRole('listitem', { name: 'Interactive sign-in: Failed' });
  await expect(failed).toBeVisible();

  // Not colour alone: every row says its status in words beside its icon.
  for (const [title, status] of [['Directory (tenant)', 'Passed'], ['Interactive sign-in', 'Failed'], ['Microsoft Graph profile', 'Skipped']] as const) {
    const row = checks.getByRole('listitem', { name: `${title}: ${status}` });
    await expect(row.getByRole('button').first().getByText(status, { exact: true })).toBeVisible();
  }

  // Each row's expand button is a button to the eye too: its edge is drawn in a system colour, as
  // Fluent's buttons are (ButtonBorder), and the ring of the focused one stays visible beside it.
  const disclosures = checks.getByRole('button', { expanded: false }).or(checks.getByRole('button', { expanded: true }));
  await expect(disclosures).toHaveCount(7);
  for (const button of await disclosures.all()) {
    const name = await button.innerText();
    expect((await edge(button)).border, `${name} has a border`).toBeGreaterThan(0);
    const color = await button.evaluate((el) => (globalThis as unknown as Browser).getComputedStyle(el).getPropertyValue('border-top-color'));
    expect(color, `${name}'s border is not transparent`).not.toMatch(/rgba\(.*, 0\)|transparent/);
  }
  const first = checks.getByRole('listitem', { name: 'Directory (tenant): Passed' }).getByRole('button');
  await focusByTab(page, first);
  const firstRing = await edge(first);
  expect(Math.max(firstRing.outline, firstRing.pseudo), 'the focused row shows a ring').toBeGreaterThanOrEqual(1);

  // Buttons keep a border; the focused one has a ring drawn by an outline or a border.
  for (const name of ['Check compatibility', 'Copy https://octopus.contoso.com/octopus/']) {
    const button = page.getByRole('button', { name, exact: true }).first();
    expect((await edge(button)).border, `${name} has a border`).toBeGreaterThan(0);
  }
  await focusByTab(page, run);
  await screenshot(page, 'high-contrast-check-failed');
  const ring = await edge(run);
  expect(Math.max(ring.outline, ring.pseudo), 'the focused button shows a ring').toBeGreaterThanOrEqual(1);
});

test('forced colors: the profile form shows focus on fields and buttons, and every button has a border', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Profile name').fill('High contrast');
  await page.getByLabel('Directory (tenant) ID').fill('not a tenant');
  await page.getByRole('button', { name: 'Create profile' }).click();
  const tenant = page.getByLabel('Directory (tenant) ID');
  await expect(tenant).toBeFocused();
  const field = page.locator('.fui-Input').filter({ has: tenant });
  const fieldRing = await edge(field);
  expect(Math.max(fieldRing.outline, fieldRing.pseudo), 'the focused field shows a ring').toBeGreaterThanOrEqual(1);
  // Red is gone in forced colors: the summary names no colour, and the field's error is words with an icon.
  await expect(page.getByText('Fix the fields that show an error, then save again.')).toBeVisible();
  await expect(page.getByText(/Enter the Directory \(tenant\) ID|not a tenant|tenant ID/).first()).toBeVisible();
  await screenshot(page, 'high-contrast-profile-field-error');

  const buttons = page.getByRole('main').getByRole('button');
  const names: string[] = [];
  for (const button of await buttons.all()) {
    if (!(await button.isVisible())) continue;
    const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
    if ((await edge(button)).border === 0) names.push(name);
  }
  expect(names, 'buttons without a border in forced colors').toEqual([]);

  const create = page.getByRole('button', { name: 'Create profile' });
  await focusByTab(page, create);
  const ring = await edge(create);
  expect(Math.max(ring.outline, ring.pseudo), 'the focused button shows a ring').toBeGreaterThanOrEqual(1);
  await screenshot(page, 'high-contrast-profile-form');
});

/** Where each tab's label starts on screen: the first character of its text, not the box Fluent lays it in. */
async function labelStarts(tabs: Locator): Promise<Record<string, number>> {
  const starts = await tabs.evaluateAll((els) =>
    els.map((el) => {
      interface Doc { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { x: number }[] } }
      const label = el.querySelector('.fui-Tab__content');
      const range = (globalThis as unknown as { document: Doc }).document.createRange();
      range.selectNodeContents(label?.firstChild);
      return [label?.textContent ?? '', range.getClientRects()[0]?.x ?? NaN] as const;
    }),
  );
  return Object.fromEntries(starts);
}

test('forced colors: the navigation labels start at one edge, whichever section is selected', async ({ page, harness }) => {
  await page.goto(harness.url);
  const tabs = page.getByRole('navigation', { name: 'Main' }).getByRole('tab');
  await expect(tabs).toHaveCount(5);
  for (const selected of ['Profiles', 'Check compatibility']) {
    await page.getByRole('tab', { name: selected }).click();
    await expect(page.getByRole('tab', { name: selected })).toHaveAttribute('aria-selected', 'true');
    const starts = await labelStarts(tabs);
    const first = starts.Profiles ?? NaN;
    for (const [label, x] of Object.entries(starts)) expect(Math.abs(x - first), `"${label}" starts where "Profiles" does (${selected} selected)`).toBeLessThanOrEqual(0.5);
  }
  await screenshot(page, 'high-contrast-navigation');
});
