import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { expectToast } from './toasts';

const CANARY = 'CNY8Q~e2eSecretValue0123456789abcdefghijk';

async function fillProfile(page: Page, p: { name: string; tenant: string; saml: string; api: string; url: string; secret?: string; domains?: string }) {
  await page.getByLabel('Profile name').fill(p.name);
  await page.getByLabel('Directory (tenant) ID').fill(p.tenant);
  await page.getByLabel('SAML-OpenID application (client) ID').fill(p.saml);
  await page.getByLabel('API application (client) ID').fill(p.api);
  if (p.secret !== undefined) await page.getByLabel('Client secret value').fill(p.secret);
  await page.getByLabel('Octopus Web URL').fill(p.url);
  if (p.domains !== undefined) await page.getByLabel('Allowed email domains').fill(p.domains);
}

function allFiles(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

test('an admin creates two profiles, fixing each mistake the form points out, and finds them after a restart', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'New profile' })).toBeVisible();

  // First profile, with the three classic mistakes.
  await fillProfile(page, {
    name: 'Production',
    tenant: 'contoso',
    saml: '11111111-2222-3333-4444-555555555555',
    api: '99999999-8888-7777-6666-555555555555',
    secret: '9a1b2c3d-4e5f-6789-abcd-ef0123456789',
    url: 'https://octopus.contoso.com/octopus',
  });
  await expect(page.getByText('Enter a GUID (Directory ID), a verified domain')).toBeVisible();
  await expect(page.getByText("This looks like the Secret ID. Paste the secret's Value, which Entra shows only once, right after you create it.")).toBeVisible();
  await expect(page.getByText('The URL must end with "/"')).toBeVisible();
  await screenshot(page, 'profile-editor-errors');

  // Saving is refused, and focus goes to the first field in error.
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByLabel('Directory (tenant) ID')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Production', exact: true })).toHaveCount(0);

  await page.getByLabel('Directory (tenant) ID').fill('contoso.onmicrosoft.com');
  await page.getByLabel('Client secret value').fill(CANARY);
  await page.getByRole('button', { name: 'Add the trailing slash' }).click();
  await expect(page.getByLabel('Octopus Web URL')).toHaveValue('https://octopus.contoso.com/octopus/');
  await page.getByLabel('Secret expires').fill('2027-05-31');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expectToast(page, 'Created "Production".');

  // Second profile, multi-tenant: the domain list becomes required.
  await page.getByRole('button', { name: 'New profile' }).click();
  await fillProfile(page, {
    name: 'Test',
    tenant: 'organizations',
    saml: 'aaaaaaaa-2222-3333-4444-555555555555',
    api: 'bbbbbbbb-8888-7777-6666-555555555555',
    url: 'https://octopus-test.contoso.com/',
  });
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('this list is the only boundary')).toBeVisible();
  await page.getByLabel('Allowed email domains').fill('Contoso.com, fabrikam.com');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expectToast(page, 'Created "Test".');

  const profiles = page.getByRole('navigation', { name: 'Profiles' });
  await expect(profiles.getByRole('button', { name: 'Production', exact: true })).toBeVisible();
  await expect(profiles.getByRole('button', { name: 'Test', exact: true })).toBeVisible();
  await screenshot(page, 'profile-list');

  // Reload the page, then restart the whole back end: everything is still there.
  await page.reload();
  await expect(profiles.getByRole('button', { name: 'Test', exact: true })).toBeVisible();
  await harness.restart();
  await page.goto(harness.url);
  await profiles.getByRole('button', { name: 'Production', exact: true }).click();
  await expect(page.getByLabel('Directory (tenant) ID')).toHaveValue('contoso.onmicrosoft.com');
  await expect(page.getByLabel('Octopus Web URL')).toHaveValue('https://octopus.contoso.com/octopus/');
  await expect(page.getByLabel('Secret expires')).toHaveValue('2027-05-31');
  // The secret is shown as its hint and length only.
  await expect(page.getByText(/CNY… \(41 characters\), encrypted/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace secret' })).toBeVisible();
  expect(await page.content()).not.toContain(CANARY);
  await profiles.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByLabel('Allowed email domains')).toHaveValue('contoso.com, fabrikam.com');

  expect(allFiles(harness.dataDir)).not.toContain(CANARY);
});

test('deleting a profile asks first, and Cancel keeps it', async ({ page, harness }) => {
  await page.goto(harness.url);
  await fillProfile(page, {
    name: 'Customer A',
    tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    saml: '11111111-2222-3333-4444-555555555555',
    api: '99999999-8888-7777-6666-555555555555',
    url: 'https://octopus.customer-a.com/',
  });
  await page.getByRole('button', { name: 'Create profile' }).click();
  const profiles = page.getByRole('navigation', { name: 'Profiles' });
  await expect(profiles.getByRole('button', { name: 'Customer A', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Actions for Customer A' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete "Customer A"?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(profiles.getByRole('button', { name: 'Customer A', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Actions for Customer A' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete profile' }).click();
  await expect(profiles.getByRole('button', { name: 'Customer A', exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('No profiles yet')).toBeVisible();
});

test('rename and duplicate from the keyboard', async ({ page, harness }) => {
  await page.goto(harness.url);
  await fillProfile(page, {
    name: 'Prod',
    tenant: 'contoso.com',
    saml: '11111111-2222-3333-4444-555555555555',
    api: '99999999-8888-7777-6666-555555555555',
    url: 'https://octopus.contoso.com/',
    secret: CANARY,
  });
  await page.keyboard.press('Enter');
  await expectToast(page, 'Created "Prod".');

  await page.getByRole('button', { name: 'Actions for Prod' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Rename' }).press('Enter');
  const rename = page.getByRole('dialog', { name: 'Rename profile' });
  await rename.getByLabel('New name').fill('Production');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Production', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Actions for Production' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expectToast(page, 'The client secret was not copied');
  await expect(page.getByRole('heading', { name: 'Production (copy)' })).toBeVisible();
  await expect(page.getByLabel('Client secret value')).toHaveValue('');
});

test.describe('where the OS offers no encryption', () => {
  test.use({ harnessEncryption: false });
  test('the app says secrets are kept for this session only', async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.getByRole('region', { name: 'Notices' }).getByText('Secrets are kept for this session only')).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss: Secrets are kept for this session only' }).click();
    await expect(page.getByText('Secrets are kept for this session only')).toHaveCount(0);
  });
});

test('an admin sets up The Things Stack: the form points out each rule, then shows the tti-lw-cli command', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Target').selectOption({ label: 'The Things Stack (OIDC provider)' });
  // Octopus-only fields are gone; the target's own are there, with the email warning.
  await expect(page.getByLabel('SAML-OpenID application (client) ID')).toHaveCount(0);
  await expect(page.getByLabel('Octopus Web URL')).toHaveCount(0);
  await expect(page.getByText('Entra does not verify the email addresses')).toBeVisible();

  await page.getByLabel('Profile name').fill('TTS EU');
  await page.getByLabel('Directory (tenant) ID').fill('organizations');
  await page.getByLabel('Application (client) ID').fill('99999999-8888-7777-6666-555555555555');
  await page.getByLabel('Client secret value').fill(CANARY);
  await page.getByLabel('Server address').fill('https://tts.contoso.com/console');
  await page.getByLabel('Provider ID').fill('Microsoft--Entra');
  await expect(page.getByText('The Things Stack needs a single-tenant app: with "organizations"')).toBeVisible();
  await expect(page.getByText('Enter only the server address')).toBeVisible();
  await expect(page.getByText('Use lower-case letters only.')).toBeVisible();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('The Things Stack requires allowed email domains')).toBeVisible();
  await expect(page.getByLabel('Directory (tenant) ID')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Configure The Things Stack' })).toHaveCount(0);
  await screenshot(page, 'tts-profile-errors');

  await page.getByLabel('Directory (tenant) ID').fill('72f988bf-86f1-41af-91ab-2d7cd011db47');
  await page.getByRole('button', { name: 'Use tts.contoso.com' }).click();
  await expect(page.getByLabel('Server address')).toHaveValue('tts.contoso.com');
  await page.getByRole('button', { name: 'Use microsoft-entra' }).click();
  await page.getByLabel('Allowed email domains').fill('contoso.com');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expectToast(page, 'Created "TTS EU".');

  const exportPanel = page.getByRole('region', { name: 'Configure The Things Stack' });
  await expect(exportPanel.getByText('https://tts.contoso.com/oauth/login/microsoft-entra/callback', { exact: true })).toBeVisible();
  await expect(exportPanel.getByText('https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', { exact: true })).toBeVisible();
  const command = exportPanel.getByLabel('tti-lw-cli command');
  await expect(command).toContainText('tti-lw-cli authentication-providers create microsoft-entra');
  await expect(command).toContainText('--allowed-email-domains contoso.com');
  await expect(command).not.toContainText(CANARY);
  await screenshot(page, 'tts-profile-saved');

  // After a restart the profile is still a The Things Stack profile.
  await harness.restart();
  await page.goto(harness.url);
  await page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'TTS EU', exact: true }).click();
  await expect(page.getByLabel('Target')).toHaveValue('the-things-stack');
  await expect(page.getByLabel('Provider ID')).toHaveValue('microsoft-entra');
  expect(allFiles(harness.dataDir)).not.toContain(CANARY);
});

test("Create waits for the practice scenario's IDs: clicked while they are on their way it saves nothing half filled, and what was typed meanwhile stays", async ({ page, harness }) => {
  // Hold main's answer to "practice:values", as a slow main process would.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked: () => void = () => {};
  const held = new Promise<void>((resolve) => (asked = resolve));
  await page.route(/\/__api\/practice%3Avalues$/, async (route) => {
    asked();
    await released;
    await route.continue();
  });
  await page.goto(harness.url);
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption('healthy');
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await held;

  // Meanwhile: Create says why it waits, neither a click nor Enter in a field submits, and the name typed stays.
  const create = page.getByRole('button', { name: 'Create profile' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription("Filling in the scenario's IDs…");
  await page.getByLabel('Profile name').fill('Quick');
  await create.click({ force: true });
  await page.getByLabel('Profile name').press('Enter');
  await expect(page.getByLabel('Directory (tenant) ID')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Fix the fields that show an error')).toHaveCount(0);
  await create.scrollIntoViewIfNeeded();
  await screenshot(page, 'profile-form-filling');

  release();
  await expect(page.getByLabel('Octopus Web URL')).not.toHaveValue('');
  await expect(page.getByLabel('Profile name')).toHaveValue('Quick');
  await expect(create).toBeEnabled();
  await create.click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'Quick', exact: true })).toBeVisible();
  await expect(page.getByLabel('Directory (tenant) ID')).not.toHaveValue('');
});
