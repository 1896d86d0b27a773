/**
 * Layout assertions from bounding boxes: what a person sees as "overlapping" or "cut off", measured
 * in the page rather than judged from a screenshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

const PROBE = fs.readFileSync(path.resolve('tests', 'e2e', 'layout-probe.js'), 'utf8');

export interface LayoutProblem {
  kind: 'overlap' | 'clipped' | 'select-value-cut' | 'outside-window';
  what: string;
}

/** Every pane that scrolls, to its top or its bottom. */
const SCROLL_PANES = `((where) => {
  for (const el of document.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if ((style.overflowY === 'auto' || style.overflowY === 'scroll') && el.scrollHeight > el.clientHeight) el.scrollTop = where === 'top' ? 0 : el.scrollHeight;
  }
})`;

/** The visible things a person reads or operates. Radio and checkbox inputs are invisible overlays on their labels. */
const LEAVES = [
  'input:not([type=radio]):not([type=checkbox]):not([type=hidden])',
  'select',
  'textarea',
  'button',
  '[role=tab]',
  'label',
  'h1',
  'h2',
  'h3',
  'p',
  '.fui-Field__hint',
  '.fui-Field__validationMessage',
  '.fui-MessageBar',
  '.fui-Badge',
].join(',');

/** Every overlap of two unrelated controls or texts, every clipped label or value, every control outside the window. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(`${PROBE}\nlayoutProblemsInPage(${JSON.stringify(LEAVES)})`) as Promise<LayoutProblem[]>;
}

/** 1366x768 at the display scalings Windows offers, and the window's minimum size (electron/main.ts), as CSS pixels. */
export const SCALINGS = [
  { label: '1366x768 at 100 %', width: 1366, height: 768, deviceScaleFactor: 1 },
  { label: '1366x768 at 125 %', width: 1093, height: 614, deviceScaleFactor: 1.25 },
  { label: '1366x768 at 150 %', width: 911, height: 512, deviceScaleFactor: 1.5 },
  { label: '1366x768 at 200 %', width: 683, height: 384, deviceScaleFactor: 2 },
  { label: 'minimum window (800x560)', width: 800, height: 560, deviceScaleFactor: 1 },
] as const;

/** Layout problems with every scrolling pane at its top, then at its bottom. */
export async function layoutProblemsScrolled(page: Page): Promise<LayoutProblem[]> {
  const scrollAll = (to: 'top' | 'bottom') => page.evaluate(`${SCROLL_PANES}(${JSON.stringify(to)})`);
  await scrollAll('top');
  const top = await layoutProblems(page);
  await scrollAll('bottom');
  const bottom = await layoutProblems(page);
  await scrollAll('top');
  return [...top, ...bottom.filter((b) => !top.some((t) => t.what === b.what))];
}
