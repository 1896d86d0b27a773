/**
 * Saving a profile form with an error focuses the first field that shows one, and scrolls so that
 * the person sees what it is and what is wrong: the field's label above it and its error message
 * below it, inside the form's scrolling pane, in every theme and at 1024x640 and 150 % of 1366x768.
 * Measured with bounding boxes.
 */
import type { Locator } from '@playwright/test';
import { THEMES, WORK_SIZES as SIZES } from './views';
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 640 } });

interface Rect {
  top: number;
  bottom: number;
}

/**
 * The part of the window that the element's scrolling pane shows (what a person sees of the form).
 * With `cut`, the pane is first scrolled (as the wheel would) so that the element is cut by the
 * pane's top edge (its label hidden above) or its bottom edge (its error hidden below): where a
 * plain focus() leaves a field.
 */
async function paneOf(element: Locator, cut?: 'top' | 'bottom'): Promise<Rect> {
  return element.evaluate((el, which) => {
    interface El {
      parentElement: El | null;
      scrollHeight: number;
      clientHeight: number;
      scrollTop: number;
      getBoundingClientRect(): Rect;
    }
    const w = globalThis as unknown as { getComputedStyle(e: El): { overflowY: string }; innerHeight: number };
    let pane = (el as El).parentElement;
    while (pane && !(['auto', 'scroll'].includes(w.getComputedStyle(pane).overflowY) && pane.scrollHeight > pane.clientHeight)) pane = pane.parentElement;
    if (!pane) throw new Error('the form does not scroll');
    const p = pane.getBoundingClientRect();
    if (which) {
      const f = (el as El).getBoundingClientRect();
      pane.scrollTop += which === 'top' ? f.top - p.top + 10 : f.bottom - p.bottom - 10;
    }
    return { top: Math.max(0, p.top), bottom: Math.min(w.innerHeight, p.bottom) };
  }, cut);
}

async function rect(locator: Locator): Promise<Rect> {
  const b = await locator.boundingBox();
  expect(b, `${locator.toString()} has a box`).not.toBeNull();
  const box = b as { y: number; height: number };
  return { top: box.y, bottom: box.y + box.height };
}

test('saving with an error shows the first wrong field whole: its label, the field and its error, in every theme at 1024x640 and 150 %', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Profile name').fill('Focus');
  await page.getByLabel('Directory (tenant) ID').fill('not a tenant');
  const tenant = page.getByLabel('Directory (tenant) ID');
  const label = page.locator('label', { hasText: /^Directory \(tenant\) ID/ });

  for (const size of SIZES)
    for (const theme of THEMES)
      for (const edge of ['top', 'bottom'] as const) {
        const where = `${size.name} ${theme.name}, field cut by the ${edge} edge`;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia(theme.media);
        await paneOf(tenant, edge);
        // Enter in a field in view saves the form, as the Create button does.
        const typingIn = page.getByLabel(edge === 'top' ? 'SAML-OpenID application (client) ID' : 'Profile name');
        await typingIn.focus();
        await typingIn.press('Enter');
        await expect(tenant, where).toBeFocused();
        // The error is the first thing that describes the field (Fluent's Field: message, then hint).
        const messageId = (await tenant.getAttribute('aria-describedby'))?.split(/\s+/)[0] ?? '';
        const message = page.locator(`[id="${messageId}"]`);
        await expect(message).toHaveText(/tenant ID/);
        const area = await paneOf(tenant);
        const [labelBox, fieldBox, messageBox] = [await rect(label), await rect(tenant), await rect(message)];
        expect(labelBox.top, `${where}: the label is not cut off at the top`).toBeGreaterThanOrEqual(area.top);
        expect(fieldBox.bottom, `${where}: the field is in view`).toBeLessThanOrEqual(area.bottom);
        expect(messageBox.bottom, `${where}: the error is not cut off at the bottom`).toBeLessThanOrEqual(area.bottom);
        if (edge === 'top') await screenshot(page, `profile-form-error-${size.name}-${theme.name}`);
      }
});
