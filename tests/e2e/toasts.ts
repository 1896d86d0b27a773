/**
 * Toasts, seen by the tests however loaded the machine is.
 *
 * A toast lives for 3 s (renderer/src/notify.tsx), timed by a CSS animation (Fluent's Toast Timer
 * ends it on animationend), so it runs on the wall clock. On a loaded machine Playwright's polling
 * of `toBeVisible()` can take longer than that between two looks and never see a toast that was
 * shown. So every page records each toast's title as the DOM gets it (a MutationObserver, set up
 * before the app's scripts run), with whether it was rendered, and the tests wait on that record:
 * driven by the event, not by catching the toast in time.
 */
import { expect, type Page } from '@playwright/test';

/** Run in the page before its scripts (page.addInitScript). */
export const TOAST_RECORDER = `(() => {
  const shown = [];
  window.__toastsShown = shown;
  const record = (el) => {
    const text = (el.textContent || '').trim();
    if (text) shown.push({ text, rendered: el.checkVisibility() });
  };
  const seen = new WeakSet();
  const scan = () => {
    for (const el of document.querySelectorAll('.fui-ToastTitle')) {
      if (seen.has(el)) continue;
      // A lazy toast's title may arrive before its text: record it once it has text.
      if ((el.textContent || '').trim()) { seen.add(el); record(el); }
    }
  };
  new MutationObserver(scan).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export interface ShownToast {
  text: string;
  rendered: boolean;
}

const shownToasts = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __toastsShown?: ShownToast[] }).__toastsShown ?? []);

/** Resolves once a toast whose title has `text` (or matches it) has been shown (rendered) on the page. */
export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  const matches = (t: ShownToast) => t.rendered && (typeof text === 'string' ? t.text.includes(text) : text.test(t.text));
  await expect.poll(async () => (await shownToasts(page)).some(matches), { message: `a toast saying ${String(text)}` }).toBe(true);
}
