import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';

const CANARY = 'AKT8Q~e2eSecretValue0123456789abcdefghijk';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '99999999-8888-7777-6666-555555555555';

function allFiles(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

test('an admin sets up an authentik Entra ID source: the form points out each rule, then shows the URLs and settings to copy', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Target').selectOption({ label: 'authentik (Entra ID OAuth source)' });
  await expect(page.getByLabel('SAML-OpenID application (client) ID')).toHaveCount(0);
  await expect(page.getByLabel('Octopus Web URL')).toHaveCount(0);
  await expect(page.getByLabel('Allowed email domains')).toHaveCount(0);

  await page.getByLabel('Profile name').fill('authentik prod');
  await page.getByLabel('Directory (tenant) ID').fill('common');
  await page.getByLabel('Application (client) ID').fill(CLIENT);
  await page.getByLabel('Client secret value').fill(CANARY);
  await page.getByLabel('Source slug').fill('Entra ID');
  await page.getByLabel('authentik FQDN').fill('https://authentik.contoso.com/if/admin/');
  await expect(page.getByText('A single-tenant source names your tenant in its URLs')).toBeVisible();
  await expect(page.getByText('A slug has only letters, digits, underscores and hyphens')).toBeVisible();
  await expect(page.getByText('Enter only the host name, without https://')).toBeVisible();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByLabel('Directory (tenant) ID')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Configure authentik' })).toHaveCount(0);

  // One-click fixes, then a real tenant.
  await page.getByRole('button', { name: 'Use entra-id' }).click();
  await expect(page.getByLabel('Source slug')).toHaveValue('entra-id');
  await page.getByRole('button', { name: 'Use authentik.contoso.com' }).click();
  await expect(page.getByLabel('authentik FQDN')).toHaveValue('authentik.contoso.com');
  await page.getByLabel('Directory (tenant) ID').fill(TENANT);
  await page.getByLabel(/Sync group membership/).check();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('Created "authentik prod".').last()).toBeVisible();

  const panel = page.getByRole('region', { name: 'Configure authentik' });
  await expect(panel.getByText('https://authentik.contoso.com/source/oauth/callback/entra-id/', { exact: true })).toBeVisible();
  const settings = panel.getByRole('table', { name: 'authentik source settings' });
  await expect(settings.getByText(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`, { exact: true })).toBeVisible();
  await expect(settings.getByText(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`, { exact: true })).toBeVisible();
  await expect(settings.getByText('https://graph.microsoft.com/v1.0/me', { exact: true })).toBeVisible();
  await expect(settings.getByText(`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`, { exact: true })).toBeVisible();
  await expect(settings.getByText('https://graph.microsoft.com/GroupMember.Read.All', { exact: true })).toBeVisible();
  await expect(settings.getByText(CLIENT, { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy OIDC JWKS URL' })).toBeVisible();
  await expect(panel).not.toContainText(CANARY);
  await expect(panel).toContainText('invalid JWT format');
  await screenshot(page, 'authentik-profile');

  // Multi-tenant: the URLs switch to common, with the warning about who can sign in.
  await page.getByLabel('Multi-tenant (any organizational directory)').check();
  await expect(page.getByText('Multi-tenant: users of any Entra tenant can sign in')).toBeVisible();
  await expect(settings.getByText('https://login.microsoftonline.com/common/discovery/v2.0/keys', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved "authentik prod".').last()).toBeVisible();

  // After a restart the profile is still an authentik profile, and the secret is nowhere on disk.
  await harness.restart();
  await page.goto(harness.url);
  await page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'authentik prod', exact: true }).click();
  await expect(page.getByLabel('Target')).toHaveValue('authentik');
  await expect(page.getByLabel('Source slug')).toHaveValue('entra-id');
  await expect(page.getByLabel('Multi-tenant (any organizational directory)')).toBeChecked();
  expect(allFiles(harness.dataDir)).not.toContain(CANARY);
});
