/**
 * A progress event re-renders only the row it changes. Observed in the real renderer through the
 * hook React DevTools uses (render-probe.js, installed before React loads): after every commit, the
 * check rows whose component did work are compared with what the same row showed after the
 * previous commit. A row that rendered and shows exactly what it showed before is a wasted render:
 * the screen handed it new props though its result did not change.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createPracticeProfile, practiceUser, signInInPopup } from './practice';

test.use({ ignoreHTTPSErrors: true });

interface CommitLog {
  /** Rows (by check title) whose component rendered in the commit. */
  rendered: string[];
  /** Of those, the ones whose markup came out the same as before. */
  wasted: string[];
  /** How many rows the list held after the commit. */
  rows: number;
}

const PROBE = path.resolve('tests', 'e2e', 'render-probe.js');
const commits = (page: Page) => page.evaluate(() => (globalThis as unknown as { __rowCommits: CommitLog[] }).__rowCommits);

test('a check progress event re-renders only the row whose result it changes', async ({ page, context, harness }) => {
  await page.addInitScript({ path: PROBE });
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Practice', 'healthy');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  const checks = page.getByRole('list', { name: 'Checks' });
  await expect(checks.getByRole('listitem')).toHaveCount(6);
  const [user, password] = await practiceUser(page);
  const before = (await commits(page)).length;

  await page.getByRole('button', { name: 'Check compatibility' }).click();
  await signInInPopup(context, harness.url, user, password);
  await expect(checks.getByRole('listitem', { name: /: Passed$/ })).toHaveCount(6);

  const during = (await commits(page)).slice(before);
  // The observer saw the run: rows changed in several commits, most of them touching fewer than all rows.
  expect(during.length).toBeGreaterThanOrEqual(6);
  expect(during.filter((c) => c.rendered.length < c.rows).length).toBeGreaterThanOrEqual(3);
  // And no row rendered without its own result having changed.
  expect(during.flatMap((c) => c.wasted)).toEqual([]);
});
