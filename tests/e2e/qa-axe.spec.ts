/**
 * An automated accessibility pass (axe-core) over every page: no serious or critical violations.
 * Tabster's focus guards (`<i data-tabster-dummy>`, aria-hidden and focusable by design: they hand focus
 * on to the next real control) are left out, as Fluent UI documents.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Fluent's motion shortens every animation to 1 ms under reduced motion (@fluentui/react-motion,
// useAnimateAtoms): a toast is then fully drawn when axe measures its contrast, never half faded in.
test.use({ ignoreHTTPSErrors: true, reducedMotion: 'reduce' });

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('no serious or critical accessibility violations on the profiles, check, Entra setup, diagnose and settings pages', async ({ page, harness }) => {
  // Six axe passes over whole pages, each several seconds of CPU on a loaded 2-core machine: the
  // timeout only guards against a hang (every wait below is driven by what the page shows).
  test.setTimeout(240_000);
  await page.goto(harness.url);
  const found: string[] = [];

  // Empty states first: what a new user sees.
  await expect(page.getByLabel('Profile name')).toBeVisible();
  found.push(...(await seriousViolations(page, 'profiles (empty)')));

  await page.getByLabel('Profile name').fill('Practice');
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption('secret-expired');
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await expect(page.getByLabel('Octopus Web URL')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'Practice', exact: true })).toBeVisible();
  found.push(...(await seriousViolations(page, 'profiles')));

  // A check with a failed row (expanded, with Entra's response and the fix).
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: 'Client secret: Failed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check compatibility', exact: true })).toBeEnabled();
  found.push(...(await seriousViolations(page, 'check')));

  await page.getByRole('tab', { name: 'Entra setup' }).click();
  await expect(page.getByRole('heading', { name: 'Entra setup', level: 2 })).toBeVisible();
  found.push(...(await seriousViolations(page, 'entra setup')));

  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  await page.getByLabel('Error text').fill('AADSTS50011: The redirect URI specified in the request does not match.\nTrace ID: 11111111-2222-3333-4444-555555555555');
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByRole('article', { name: /^AADSTS50011/ })).toBeVisible();
  found.push(...(await seriousViolations(page, 'diagnose')));
  await page.getByRole('tab', { name: 'Error catalog' }).click();
  await page.getByRole('list', { name: 'Catalog entries' }).getByRole('button').first().click();
  await expect(page.getByRole('article')).toBeVisible();
  found.push(...(await seriousViolations(page, 'error catalog')));

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Use this proxy:').check();
  await page.getByLabel('Proxy URL').fill('not a url');
  found.push(...(await seriousViolations(page, 'settings')));

  expect(found).toEqual([]);
});
