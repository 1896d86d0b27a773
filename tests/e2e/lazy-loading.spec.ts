/**
 * The parts of the app loaded after the first screen (renderer/src/lazy.tsx) work when the user is
 * quicker than they are: each test holds a chunk's request until the user has acted, then lets it
 * through, and expects what the user asked for to happen then.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

/** Hold every request for a chunk whose file name starts with `name`, until the returned function is called. */
async function holdChunk(page: Page, name: string): Promise<{ held: Promise<void>; release: () => Promise<void> }> {
  const routes: Route[] = [];
  let seen: () => void = () => {};
  const held = new Promise<void>((resolve) => (seen = resolve));
  let released = false;
  await page.route(new RegExp(`/assets/${name}-[^/]*\\.js$`), async (route) => {
    if (released) return route.continue();
    routes.push(route);
    seen();
  });
  return {
    held,
    release: async () => {
      released = true;
      for (const route of routes.splice(0)) await route.continue();
    },
  };
}

test('"Create a profile" clicked before the form has loaded still takes the keyboard to the form', async ({ page, harness }) => {
  const form = await holdChunk(page, 'profile-editor');
  await page.goto(harness.url);
  const welcome = page.getByRole('region', { name: 'Welcome to Federation Desk' });
  await welcome.getByRole('button', { name: 'Create a profile' }).click();
  await form.held;
  // Meanwhile the page says the form is on its way.
  await expect(page.getByRole('status').filter({ hasText: 'Loading the profile form' })).toBeAttached();
  await form.release();
  await expect(page.getByLabel('Profile name')).toBeFocused();
});

test('a page opened before its chunk has loaded says it is loading, then shows', async ({ page, harness }) => {
  const diagnose = await holdChunk(page, 'diagnose-screen');
  await page.goto(harness.url);
  await expect(page.getByRole('region', { name: 'Welcome to Federation Desk' })).toBeVisible();
  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  await diagnose.held;
  await expect(page.getByRole('status').filter({ hasText: 'Loading Diagnose' })).toBeAttached();
  await diagnose.release();
  await expect(page.getByRole('heading', { name: 'Diagnose', level: 2 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading Diagnose' })).toHaveCount(0);
});

test("the first screen's questions to main go out before the app's chunk has arrived, and each answer is used", async ({ page, harness }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    const channel = /\/__api\/([^/?]+)$/.exec(new URL(r.url()).pathname)?.[1];
    if (channel) asked.push(decodeURIComponent(channel));
  });
  const chunk = await holdChunk(page, 'index');
  // Not until "load": that waits for the held chunk.
  await page.goto(harness.url, { waitUntil: 'commit' });
  await chunk.held;
  await expect.poll(() => [...asked].sort()).toEqual(['app:info', 'expiry:status', 'profiles:list', 'settings:appearance-get']);
  await chunk.release();
  await expect(page.getByRole('region', { name: 'Welcome to Federation Desk' })).toBeVisible();
  // Every early answer was taken by the store that asks the same question (none asked twice).
  expect(await page.evaluate(() => (globalThis as unknown as { earlyAnswers?: Map<string, unknown> }).earlyAnswers?.size)).toBe(0);
});

test('a page fetched while the app was idle opens at once, without a loading state in between', async ({ page, harness }) => {
  // The idle prefetch takes the pages one at a time, in the navigation's order: once Settings is
  // asked for, Diagnose (before it) has arrived and been evaluated.
  const settingsAsked = page.waitForRequest(/\/assets\/settings-screen-[^/]*\.js$/);
  await page.goto(harness.url);
  await expect(page.getByRole('region', { name: 'Welcome to Federation Desk' })).toBeVisible();
  await settingsAsked;
  // A string: this file is type-checked for Node, without the DOM's globals.
  await page.evaluate(`(() => {
    window.sawLoading = false;
    new MutationObserver(() => {
      if ([...document.querySelectorAll('[role="status"]')].some((e) => /Loading Diagnose/.test(e.textContent || ''))) window.sawLoading = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Diagnose', level: 2 })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { sawLoading?: boolean }).sawLoading)).toBe(false);
});

test('a profile form whose chunk cannot be loaded says so, and the welcome stays usable', async ({ page, harness }) => {
  await page.route(/\/assets\/profile-editor-[^/]*\.js$/, (route) => route.abort('failed'));
  await page.goto(harness.url);
  await expect(page.getByText(/The profile form could not be loaded .*Restart Federation Desk/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the profile form' })).toHaveCount(0);
  const welcome = page.getByRole('region', { name: 'Welcome to Federation Desk' });
  await expect(welcome.getByRole('button', { name: 'Try the practice tenant' })).toBeEnabled();
});

test("the profile form's chunk is asked for only after the welcome is on screen, not during its render", async ({ page, harness }) => {
  // A string: this file is type-checked for Node, without the DOM's globals.
  await page.addInitScript(`new MutationObserver(() => {
    if (window.welcomeAt === undefined && document.getElementById('first-run-title')) window.welcomeAt = performance.now();
  }).observe(document, { childList: true, subtree: true });`);
  await page.goto(harness.url);
  await expect(page.getByLabel('Profile name')).toBeVisible();
  const { welcomeAt, formAskedAt } = (await page.evaluate(`({
    welcomeAt: window.welcomeAt,
    formAskedAt: performance.getEntriesByType('resource').find((r) => /\\/assets\\/profile-editor-[^/]*\\.js$/.test(r.name))?.startTime,
  })`)) as { welcomeAt?: number; formAskedAt?: number };
  expect(welcomeAt).toBeDefined();
  expect(formAskedAt).toBeDefined();
  expect(formAskedAt).toBeGreaterThan(welcomeAt ?? Infinity);
});
