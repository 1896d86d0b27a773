import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';
import { expectToast } from './toasts';

const CANARY = 'CNY8Q~e2eWorkspaceSecret0123456789abcdefgh';

function allFiles(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

test('an admin sets up workspace SSO: the form points out each rule, then lists every redirect URI and the environment variables', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Target').selectOption({ label: 'Workspace SSO (OnTrackio-style)' });
  // Octopus-only fields are gone; the target's own are there, with the email fallback explained.
  await expect(page.getByLabel('SAML-OpenID application (client) ID')).toHaveCount(0);
  await expect(page.getByLabel('Octopus Web URL')).toHaveCount(0);
  await expect(page.getByText('is matched by userPrincipalName (Graph) or preferred_username (ID token) instead', { exact: false })).toBeVisible();

  await page.getByLabel('Profile name').fill('Workspaces');
  await page.getByLabel('Directory (tenant) ID').fill('organizations');
  await page.getByLabel('Application (client) ID').fill('99999999-8888-7777-6666-555555555555');
  await page.getByLabel('Client secret value').fill(CANARY);
  await page.getByLabel('Base domain').fill('https://ontrackio.com/');
  await page.getByLabel('Workspace subdomains').fill('Acme.ontrackio.com, globex');
  await page.getByLabel('External collaborators').fill('jane@fabrikam, Bob@Tailspin.io');
  await expect(page.getByText('"organizations" works the same way here: use "common"')).toBeVisible();
  await expect(page.getByText('Enter only the domain, without https://')).toBeVisible();
  await expect(page.getByText('This is not an email address: jane@fabrikam.')).toBeVisible();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByLabel('Directory (tenant) ID')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Configure workspace SSO' })).toHaveCount(0);

  // One-click fixes, then the rules that follow from them.
  await page.getByRole('button', { name: 'Use common' }).click();
  await expect(page.getByLabel('Directory (tenant) ID')).toHaveValue('common');
  await expect(page.getByText('With "common", users of any Entra tenant can sign in')).toBeVisible();
  await page.getByRole('button', { name: 'Use ontrackio.com' }).click();
  await expect(page.getByText('Enter only the part before the base domain')).toBeVisible();
  await page.getByRole('button', { name: 'Use acme, globex' }).click();
  await expect(page.getByLabel('Workspace subdomains')).toHaveValue('acme, globex');
  await page.getByLabel('External collaborators').fill('jane@fabrikam.com, Bob@Tailspin.io');
  await page.getByLabel('Allowed email domains').fill('contoso.com');
  await expect(page.getByText('AADSTS50194')).toBeVisible();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expectToast(page, 'Created "Workspaces".');

  const panel = page.getByRole('region', { name: 'Configure workspace SSO' });
  const uris = panel.getByRole('list', { name: 'Workspace redirect URIs' });
  await expect(uris.getByRole('listitem')).toHaveText(['https://acme.ontrackio.com/auth/callback', 'https://globex.ontrackio.com/auth/callback']);
  const env = panel.getByLabel('Environment variables');
  await expect(env).toContainText('AZURE_CLIENT_ID=99999999-8888-7777-6666-555555555555');
  await expect(env).toContainText('AZURE_CLIENT_SECRET="<the client secret Value');
  await expect(env).toContainText('AZURE_TENANT_ID=common');
  await expect(env).toContainText('AZURE_REDIRECT_URI=https://acme.ontrackio.com/auth/callback,https://globex.ontrackio.com/auth/callback');
  await expect(env).toContainText('AZURE_ALLOWED_DOMAINS=contoso.com');
  await expect(env).toContainText('jane@fabrikam.com, bob@tailspin.io');
  await expect(env).not.toContainText(CANARY);
  await screenshot(page, 'workspace-sso-export');
  await page.getByRole('heading', { name: 'Workspace SSO', exact: true }).scrollIntoViewIfNeeded();
  await page.getByRole('heading', { name: 'Workspace SSO', exact: true }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'workspace-sso-profile');

  // After a restart the profile is still a workspace SSO profile, with its lists normalised.
  await harness.restart();
  await page.goto(harness.url);
  await page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'Workspaces', exact: true }).click();
  await expect(page.getByLabel('Target')).toHaveValue('workspace-sso');
  await expect(page.getByLabel('Workspace subdomains')).toHaveValue('acme, globex');
  await expect(page.getByLabel('External collaborators')).toHaveValue('jane@fabrikam.com, bob@tailspin.io');
  expect(allFiles(harness.dataDir)).not.toContain(CANARY);
});
