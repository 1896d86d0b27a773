/**
 * High contrast (Windows contrast themes; Chromium's forced colors): the check page with a failed
 * row and the profile form keep their meaning without colour. Forced colors drop backgrounds,
 * box-shadows and author colours (CSS Color Adjustment, "forced-colors"), so status must be text
 * or an accessible name, focus must be drawn by an outline or a border, and buttons need a border.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { createPracticeProfile, practiceUser, signInInPopup } from './practice';
import { FORCED_COLORS, WORK_SIZES, inEveryView } from './views';

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
  document: { activeElement: { blur(): void } | null; body: { append(el: unknown): void }; createElement(tag: string): { style: { color: string }; remove(): void } };
}

/** What a CSS system colour (LinkText, Highlight…) is in the emulated contrast theme, as getComputedStyle writes it. */
async function systemColor(page: Page, name: string): Promise<string> {
  return page.evaluate((color) => {
    const w = globalThis as unknown as Browser;
    const probe = w.document.createElement('span');
    probe.style.color = color;
    w.document.body.append(probe);
    const value = w.getComputedStyle(probe).getPropertyValue('color');
    probe.remove();
    return value;
  }, name);
}

const style = (locator: Locator, property: string) => locator.evaluate((el, p) => (globalThis as unknown as Browser).getComputedStyle(el).getPropertyValue(p), property);

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

/**
 * The visible buttons in `scope` that forced colors show as plain text: no border, and not a link
 * either (a button that opens the browser may look like a link, underlined in LinkText).
 */
async function unmarkedButtons(scope: Locator): Promise<string[]> {
  const names: string[] = [];
  for (const button of await scope.getByRole('button').all()) {
    if (!(await button.isVisible())) continue;
    const underlined = (await style(button, 'text-decoration-line')).includes('underline');
    if ((await edge(button)).border === 0 && !underlined) names.push((await button.getAttribute('aria-label')) ?? (await button.innerText()));
  }
  return names;
}

/**
 * What a contrast theme must leave on the page's main region: every button with an edge (or a link's
 * underline) and words, and every control's focus drawn, whole.
 */
async function expectControlsDrawn(page: Page, where: string): Promise<void> {
  const main = page.getByRole('main');
  expect(await unmarkedButtons(main), `${where}: buttons that look like plain text`).toEqual([]);
  expect(await iconOnlyButtons(main), `${where}: buttons with an icon and no words`).toEqual([]);
  expect(await focusRings(page), `${where}: controls whose focus shows nothing, or whose ring is cut off`).toEqual({ missing: [], cut: [] });
}

/** The visible buttons in `scope` that show an icon and no words: their meaning rests on a glyph, or on a tooltip only a mouse finds. */
async function iconOnlyButtons(scope: Locator): Promise<string[]> {
  const names: string[] = [];
  for (const button of await scope.getByRole('button').all())
    if ((await button.isVisible()) && (await button.innerText()).trim() === '') names.push((await button.getAttribute('aria-label')) ?? '(no name)');
  return names;
}

/**
 * Tabs through every control in the page's main region (from its title, until focus leaves it or
 * comes round again) and names those whose focus changes nothing drawn (`missing`: no outline, no
 * border, no ::before/::after ring on the control or the three elements around it; Fluent draws a
 * field's ring on its wrapper), and those whose ring reaches past the side of the pane that scrolls
 * them, which cuts it off (`cut`). Each control is measured focused, then again once Tab moved on.
 */
async function focusRings(page: Page): Promise<{ missing: string[]; cut: string[] }> {
  // A string, like the other page probes: the E2E files are type-checked without the DOM's globals.
  const probe = `(() => {
    const look = (el) => {
      const out = [];
      // Only what is drawn: an outline or border whose style is none has no width or colour to see.
      const lines = (s) => [
        s.outlineStyle === 'none' ? '-' : [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '),
        ...['Top', 'Right', 'Bottom', 'Left'].map((x) => (s['border' + x + 'Style'] === 'none' ? '-' : [s['border' + x + 'Style'], s['border' + x + 'Width'], s['border' + x + 'Color']].join(' '))),
      ];
      for (let e = el, i = 0; e && i < 4; e = e.parentElement, i++) {
        const s = getComputedStyle(e);
        out.push(...lines(s), s.backgroundColor);
        for (const p of ['::before', '::after']) {
          const q = getComputedStyle(e, p);
          out.push(q.content === 'none' ? '-' : lines(q).join('/'));
        }
      }
      return out.join(',');
    };
    // How far left and right the ring is drawn: an outline outside the box, a pseudo-element ring where it is placed.
    const reach = (el) => {
      let left = Infinity, right = -Infinity;
      for (let e = el, i = 0; e && i < 4; e = e.parentElement, i++) {
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        if (s.outlineStyle !== 'none') {
          const out = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
          left = Math.min(left, r.left - out);
          right = Math.max(right, r.right + out);
        }
        for (const p of ['::before', '::after']) {
          const q = getComputedStyle(e, p);
          if (q.content === 'none' || q.position !== 'absolute' || (q.borderLeftStyle === 'none' && q.outlineStyle === 'none')) continue;
          left = Math.min(left, r.left + (parseFloat(q.left) || 0));
          right = Math.max(right, r.right - (parseFloat(q.right) || 0));
        }
      }
      return { left, right };
    };
    const pane = (el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') return e;
      }
      return null;
    };
    const name = (el) => el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || el.tagName;
    const main = document.querySelector('main');
    const a = document.activeElement;
    const state = (window.__ringProbe ??= { seen: new Set(), prev: null, prevLook: '', missing: [], cut: [] });
    if (state.prev && state.prev !== a && look(state.prev) === state.prevLook) state.missing.push(name(state.prev));
    state.prev = null;
    const result = { done: true, missing: state.missing, cut: state.cut };
    const inMain = a && main && main.contains(a) && a !== main;
    if (!inMain) return state.seen.size > 0 ? result : { done: false };
    if (state.seen.has(a)) return result;
    state.seen.add(a);
    state.prev = a;
    state.prevLook = look(a);
    const ring = reach(a);
    const clip = pane(a);
    if (clip) {
      const c = clip.getBoundingClientRect();
      const inner = { left: c.left + clip.clientLeft, right: c.left + clip.clientLeft + clip.clientWidth };
      if (ring.left < inner.left - 0.5 || ring.right > inner.right + 0.5) state.cut.push(name(a));
    }
    return { done: false };
  })()`;
  // A click on the page's title puts Tab's starting point there (a blur would leave it at the last control).
  await page.getByRole('main').getByRole('heading', { level: 2 }).first().click();
  await page.evaluate('delete window.__ringProbe');
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const r = (await page.evaluate(probe)) as { done: boolean; missing: string[]; cut: string[] };
    if (r.done) return { missing: r.missing, cut: r.cut };
  }
  throw new Error('Tab never left the main region');
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

  expect(await unmarkedButtons(page.getByRole('main')), 'buttons without a border in forced colors').toEqual([]);

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

test('forced colors: Entra setup after an audit with a failed step and a warning, at 1024x640 and 150 %', async ({ page, context, harness }) => {
  // The focused-control screenshots too are taken at a work size.
  await page.setViewportSize(WORK_SIZES[0]);
  await page.goto(harness.url);
  // The scenario's SAML certificate expires soon (a warning); the profile's Web URL is not the registered redirect URI (failed).
  await createPracticeProfile(page, 'High contrast', 'saml-cert-expiring', 'https://octopus.contoso.com/elsewhere/');
  await page.getByRole('tab', { name: 'Entra setup' }).click();
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Sign in to Microsoft Graph and audit' }).click();
  await signInInPopup(context, harness.url, user, password);
  await page.bringToFront();
  await expect(page.getByText(/12 passed, 1 warning, 1 failed, 0 unknown/)).toBeVisible();
  const failed = page.getByRole('list', { name: 'API app steps' }).getByRole('listitem', { name: 'Web redirect URI: Failed' });
  const warning = page.getByRole('list', { name: 'SAML-OpenID app steps' }).getByRole('listitem', { name: 'SAML signing certificate: Warning' });
  await focusByTab(page, failed.getByRole('button', { name: 'Copy Redirect URI' }));
  await screenshot(page, 'high-contrast-entra-setup-copy-focused');
  await inEveryView(
    page,
    async (where, size, theme) => {
      await failed.scrollIntoViewIfNeeded();
      await screenshot(page, `high-contrast-entra-setup-failed-${size.name}-${theme.name}`);
      await warning.scrollIntoViewIfNeeded();
      await screenshot(page, `high-contrast-entra-setup-warning-${size.name}-${theme.name}`);
      await expectControlsDrawn(page, where);
    },
    FORCED_COLORS,
  );
});

const PASTED_ERROR = [
  "AADSTS50011: The redirect URI 'https://octopus.contoso.com/api/users/authenticatedToken/AzureAD' specified in the request does not match the redirect URIs configured for the application '99999999-8888-7777-6666-555555555555'.",
  'Trace ID: 0a1b2c3d-1111-2222-3333-444455556666',
  'Correlation ID: 9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff',
  'Timestamp: 2025-03-14 09:26:53Z',
].join('\n');

test('forced colors: Diagnose with a diagnosis card and the catalog with a code selected, at 1024x640 and 150 %', async ({ page, harness }) => {
  await page.setViewportSize(WORK_SIZES[0]);
  await page.goto(harness.url);
  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  await page.getByLabel('Error text').fill(PASTED_ERROR);
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  const card = page.getByRole('article', { name: /^AADSTS50011/ });
  await expect(card).toBeVisible();
  // The links that open the browser are buttons, which forced colors paint as plain text: they keep
  // the system's link colour and an underline, and show a ring when focused.
  const linkText = await systemColor(page, 'LinkText');
  expect(linkText, 'LinkText differs from the text colour').not.toBe(await systemColor(page, 'CanvasText'));
  const links = card.getByRole('region', { name: 'Links' }).getByRole('button').or(card.getByRole('region', { name: 'Source' }).getByRole('button'));
  await expect(links).toHaveCount(3);
  for (const link of await links.all()) {
    const name = await link.innerText();
    expect(await style(link, 'color'), `${name} in the link colour`).toBe(linkText);
    expect(await style(link, 'text-decoration-line'), `${name} underlined`).toBe('underline');
  }
  await focusByTab(page, links.first());
  const linkRing = await edge(links.first());
  expect(linkRing.outline, 'the focused link shows a ring').toBeGreaterThanOrEqual(1);
  await screenshot(page, 'high-contrast-diagnose-link-focused');
  await inEveryView(
    page,
    async (where, size, theme) => {
      await page.getByRole('heading', { name: '1 error found' }).scrollIntoViewIfNeeded();
      await screenshot(page, `high-contrast-diagnose-card-${size.name}-${theme.name}`);
      await expectControlsDrawn(page, where);
    },
    FORCED_COLORS,
  );
  await page.getByRole('tab', { name: 'Error catalog' }).click();
  await page.getByRole('searchbox').fill('redirect');
  const entries = page.getByRole('list', { name: 'Catalog entries' });
  const selected = entries.getByRole('button', { name: 'AADSTS50011: Redirect URI mismatch' });
  await selected.click();
  await expect(selected).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('article')).toBeVisible();
  // The selected code stands out without its (dropped) tint: it wears the system's selection colours.
  const other = entries.getByRole('button', { name: /^AADSTS500112:/ });
  expect(await style(selected, 'background-color'), 'the selected code in Highlight').toBe(await systemColor(page, 'Highlight'));
  const highlightText = await systemColor(page, 'HighlightText');
  for (const words of [selected.getByText('AADSTS50011', { exact: true }), selected.getByText('Redirect URI mismatch', { exact: true })]) {
    expect(await style(words, 'color'), 'its words in HighlightText').toBe(highlightText);
    // Chromium paints a Canvas backplate behind forced-colour text, which would cover the Highlight.
    expect(await style(words, 'forced-color-adjust'), 'no Canvas backplate behind its words').toBe('none');
  }
  expect(await style(other, 'background-color'), 'the others not').not.toBe(await systemColor(page, 'Highlight'));
  await focusByTab(page, selected);
  const selectedRing = await edge(selected);
  expect(selectedRing.outline, 'the focused selected code shows a ring').toBeGreaterThanOrEqual(1);
  expect(await style(selected, 'outline-color'), 'its ring stands out from the Highlight').toBe(highlightText);
  // A long group name beside a long title in the narrow card: the badge keeps its words inside its
  // edge, and stays inside the card.
  await page.getByRole('searchbox').fill('16001');
  const entry16001 = entries.getByRole('button', { name: /^AADSTS16001:/ });
  await entry16001.click();
  const card16001 = page.getByRole('article', { name: /^AADSTS16001/ });
  const badge = card16001.getByText('Sign-in and account', { exact: true });
  await inEveryView(
    page,
    async (where, size, theme) => {
      await entry16001.scrollIntoViewIfNeeded();
      const spill = await badge.evaluate((el: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }) => [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight]);
      expect(spill, `${where}: the badge's words inside its edge`).toEqual([0, 0]);
      const [b, c] = [await badge.boundingBox(), await card16001.boundingBox()];
      expect((b?.x ?? 0) + (b?.width ?? 0), `${where}: the badge inside the card`).toBeLessThanOrEqual((c?.x ?? 0) + (c?.width ?? 0));
      await screenshot(page, `high-contrast-diagnose-catalog-${size.name}-${theme.name}`);
      await expectControlsDrawn(page, where);
    },
    FORCED_COLORS,
  );
});

test('forced colors: Settings, at 1024x640 and 150 %', async ({ page, harness }) => {
  await page.setViewportSize(WORK_SIZES[0]);
  await page.goto(harness.url);
  await createPracticeProfile(page, 'High contrast', 'healthy');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Use this proxy:').check();
  await page.getByLabel('Proxy URL').fill('not a url');
  const expiry = page.getByRole('form', { name: 'Expiry warnings' });
  await expiry.getByLabel('Reminders (days before expiry)').fill('90, thirty');
  await focusByTab(page, page.getByRole('radio', { name: 'Use this proxy:' }));
  await screenshot(page, 'high-contrast-settings-radio-focused');
  await inEveryView(
    page,
    async (where, size, theme) => {
      await page.getByRole('heading', { name: 'Settings', level: 2 }).scrollIntoViewIfNeeded();
      await screenshot(page, `high-contrast-settings-${size.name}-${theme.name}`);
      await page.getByLabel('Proxy URL').scrollIntoViewIfNeeded();
      await screenshot(page, `high-contrast-settings-network-${size.name}-${theme.name}`);
      await expiry.getByRole('button', { name: 'Save expiry warnings' }).scrollIntoViewIfNeeded();
      await screenshot(page, `high-contrast-settings-expiry-${size.name}-${theme.name}`);
      await expectControlsDrawn(page, where);
    },
    FORCED_COLORS,
  );
});
