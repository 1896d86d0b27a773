import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The window sizes and themes a first-time admin may work in: 1024x640, and 150 % display scaling of
 * 1366x768 (911x512 CSS px); light, dark and forced colors (Windows contrast themes).
 */
export const WORK_SIZES = [
  { name: '1024x640', width: 1024, height: 640 },
  { name: '150pct', width: 911, height: 512 },
] as const;

export interface Theme {
  name: string;
  media: { colorScheme: 'light' | 'dark'; forcedColors: 'none' | 'active' };
}

export const THEMES: readonly Theme[] = [
  { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' } },
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { name: 'forced-colors', media: { colorScheme: 'dark', forcedColors: 'active' } },
];

export type WorkSize = (typeof WORK_SIZES)[number];

/**
 * Forced colors only, in Chromium's dark and light contrast palettes (Windows has dark and light
 * contrast themes: Night sky, Desert…): the pages whose light and dark views screenshots.spec.ts takes.
 */
export const FORCED_COLORS: readonly Theme[] = [
  { name: 'forced-colors', media: { colorScheme: 'dark', forcedColors: 'active' } },
  { name: 'forced-colors-light', media: { colorScheme: 'light', forcedColors: 'active' } },
];

/** Runs `fn` with the page at every work size in every theme (or only in `themes`), one after another. */
export async function inEveryView(page: Page, fn: (where: string, size: WorkSize, theme: Theme) => Promise<void>, themes: readonly Theme[] = THEMES): Promise<void> {
  for (const size of WORK_SIZES)
    for (const theme of themes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia(theme.media);
      // A theme change runs the controls' colour transitions (Fluent's switch: 0.2 s): a screenshot in
      // the middle of one shows neither theme's colours.
      await page.waitForFunction(() => {
        const doc = (globalThis as unknown as { document: { getAnimations(): { playState: string; constructor: { name: string } }[] } }).document;
        return !doc.getAnimations().some((a) => a.constructor.name === 'CSSTransition' && a.playState === 'running');
      });
      await fn(`${size.name} ${theme.name}`, size, theme);
    }
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  expect(b, `${locator.toString()} has a box`).not.toBeNull();
  return b as Box;
}

export type RowParts = Awaited<ReturnType<typeof rowParts>>;

/** What a row (a check row's header, an audit step) shows: its status word with the icon before it, and its title. */
export async function rowParts(header: Locator, title: string, word: string) {
  const wordEl = header.getByText(word, { exact: true });
  await expect(wordEl).toBeVisible();
  const icon = wordEl.locator('xpath=preceding-sibling::*[1]');
  const titleEl = header.getByText(title, { exact: true });
  const cut = (el: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  const clipped = await titleEl.evaluate(cut);
  const wordClipped = await wordEl.evaluate(cut);
  return { word: await box(wordEl), icon: await box(icon), title: await box(titleEl), header: await box(header), titleClipped: clipped, wordClipped };
}

/** The status word stands beside its icon, on its line, whole, before the title and not over it; the row inside the window. */
export function expectWordBesideIcon(parts: RowParts, where: string, windowWidth: number): void {
  const gap = parts.word.x - (parts.icon.x + parts.icon.width);
  expect(gap, `${where}: space between icon and word`).toBeGreaterThanOrEqual(2);
  expect(gap, `${where}: space between icon and word`).toBeLessThanOrEqual(12);
  expect(Math.abs(parts.word.y + parts.word.height / 2 - (parts.icon.y + parts.icon.height / 2)), `${where}: word centred on the icon`).toBeLessThanOrEqual(4);
  expect(parts.word.height, `${where}: the word on one line`).toBeLessThan(2 * 18);
  expect(parts.wordClipped, `${where}: word not cut`).toBe(false);
  expect(parts.title.x, `${where}: the title after the word`).toBeGreaterThanOrEqual(parts.word.x + parts.word.width + 8);
  expect(parts.titleClipped, `${where}: title not cut`).toBe(false);
  expect(parts.header.x + parts.header.width, `${where}: the row inside the window`).toBeLessThanOrEqual(windowWidth);
}

/** Row after row, the status words line up under each other, and so do the titles. */
export function expectRowsLinedUp(rows: RowParts[], where: string): void {
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  expect(spread(rows.map((r) => r.word.x)), `${where}: status words aligned`).toBeLessThanOrEqual(1);
  expect(spread(rows.map((r) => r.title.x)), `${where}: titles aligned`).toBeLessThanOrEqual(1);
}
