/**
 * The practice tenant for every target: the picker offers the scenarios that mean something for the
 * profile's target, by title; the healthy scenario fills that product's own app registration, shows
 * its practice secret with a Copy button, and passes Check compatibility with every counted row green.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { practiceUser, signInInPopup } from './practice';

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });

const TARGETS = [
  { label: 'The Things Stack (OIDC provider)', shot: 'the-things-stack' },
  { label: 'authentik (Entra ID OAuth source)', shot: 'authentik' },
  { label: 'Workspace SSO (OnTrackio-style)', shot: 'workspace-sso' },
];

async function rowNames(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Checks' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
}

for (const target of TARGETS) {
  test(`${target.label}: the healthy practice tenant passes Check compatibility, with the scenario's secret shown to copy`, async ({ page, context, harness }) => {
    await page.goto(harness.url);
    await page.getByLabel('Target').selectOption({ label: target.label });
    await page.getByLabel('Profile name').fill(`Practice ${target.shot}`);
    await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });

    // Titles, not slugs; only the scenarios for this target: no SAML practice without a SAML app.
    const picker = page.getByLabel('Practice scenario');
    await expect(picker.getByRole('option', { name: 'Healthy: set up as each guide says' })).toHaveCount(1);
    await expect(picker.getByRole('option', { name: 'Conditional Access requires MFA' })).toHaveCount(1);
    await expect(picker.getByRole('option', { name: /SAML/ })).toHaveCount(0);
    await expect(picker.getByRole('option', { name: 'healthy', exact: true })).toHaveCount(0);
    await picker.selectOption({ label: 'Healthy: set up as each guide says' });
    await expect(page.getByText(/A tenant set up exactly as the Octopus guide says/)).toBeVisible();
    await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
    await expect(page.getByText(/Sign in to the practice tenant as/)).toBeVisible();

    // The practice secret the form was filled with, shown where the form asks for the secret.
    await expect(page.getByText('Practice client secret:')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy the practice client secret' })).toBeVisible();
    await page.getByRole('button', { name: 'Show secret value' }).click();
    const secret = await page.getByLabel(/Client secret value/).inputValue();
    expect(secret).toMatch(/^\S{3}8Q~\S{34}$/);
    await expect(page.locator('code', { hasText: secret })).toBeVisible();
    await screenshot(page, `practice-${target.shot}-form`);

    await page.getByRole('button', { name: 'Create profile' }).click();
    await expect(page.getByText(`Created "Practice ${target.shot}".`).last()).toBeVisible();

    await page.getByRole('tab', { name: 'Check compatibility' }).click();
    await expect(page.getByText(/Practice tenant, scenario “Healthy: set up as each guide says”/)).toBeVisible();
    const [user, password] = await practiceUser(page);
    await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
    await signInInPopup(context, harness.url, user, password);
    await expect.poll(async () => (await rowNames(page)).filter((n) => /: (Running|Not verified)$/.test(n))).toEqual([]);
    const names = await rowNames(page);
    // A check the target has no use for says so ("Not used"); nothing else may be short of passed.
    expect(names.filter((n) => !/: (Passed|Not used)$/.test(n))).toEqual([]);
    expect(names.filter((n) => n.endsWith(': Passed')).length).toBeGreaterThanOrEqual(4);
    await screenshot(page, `practice-${target.shot}-check`);
  });
}
