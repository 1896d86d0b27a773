import type { BrowserContext, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

interface Pending {
  id: string;
  authorizeUrl: string;
  redirectUri: string;
}

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });

async function createPracticeProfile(page: Page, name: string, scenario: string) {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption(scenario);
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await expect(page.getByText(/Sign in to the practice tenant as/)).toBeVisible();
  await expect(page.getByLabel('Octopus Web URL')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name, exact: true })).toBeVisible();
}

/** What a person does in the sign-in window: pick the account, type the password; we catch the redirect. */
async function signInInPopup(context: BrowserContext, harnessUrl: string, username: string, password: string): Promise<void> {
  let pending: Pending[] = [];
  await expect
    .poll(async () => {
      pending = (await (await fetch(`${harnessUrl}__harness/sign-in`)).json()) as Pending[];
      return pending.length;
    })
    .toBeGreaterThan(0);
  const request = pending[0] as Pending;
  const popup = await context.newPage();
  let reached: { url: string; body: string | null } | null = null;
  await popup.route(
    (url) => url.href.startsWith(request.redirectUri),
    async (route) => {
      reached = { url: route.request().url(), body: route.request().postData() };
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Octopus</title><p>Redirect caught by the test.</p>' });
    },
  );
  await popup.goto(request.authorizeUrl);
  // Entra shows some errors (50011, 700016...) before any sign-in form.
  if (await popup.getByLabel('Password').isVisible()) {
    await popup.getByLabel('Use another account').check();
    await popup.getByLabel('Email address').fill(username);
    await popup.getByLabel('Password').fill(password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect.poll(async () => reached !== null || /AADSTS\d+/.test(await popup.locator('body').innerText())).toBe(true);
  const caught = reached as { url: string; body: string | null } | null;
  const outcome = caught
    ? { kind: 'redirect', params: Object.fromEntries(caught.body ? new URLSearchParams(caught.body) : new URL(caught.url).searchParams) }
    : { kind: 'error-page', text: await popup.locator('body').innerText() };
  await fetch(`${harnessUrl}__harness/sign-in/${request.id}`, { method: 'POST', body: JSON.stringify(outcome) });
  await popup.close();
}

/** The practice account the check page tells the admin to sign in with. */
async function practiceUser(page: Page): Promise<[string, string]> {
  const text = await page.getByText(/Sign in as \S+ with the password/).innerText();
  const m = /Sign in as (\S+) with the password (\S+?)\.?$/.exec(text.trim());
  expect(m, text).not.toBeNull();
  return [m?.[1] ?? '', m?.[2] ?? ''];
}

function row(page: Page, title: string, status: string) {
  return page.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: `${title}: ${status}` });
}

const ALL = ['Directory (tenant)', 'SAML-OpenID application', 'API application', 'Client secret', 'Interactive sign-in', 'Microsoft Graph profile'];

test('a healthy practice tenant passes every check, unlocks Federated identity, and the way back stays open', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Practice', 'healthy');
  await page.getByRole('tab', { name: 'Check Compatibility' }).click();
  const [user, password] = await practiceUser(page);
  for (const title of ALL) await expect(row(page, title, 'Not verified')).toBeVisible();
  const web = page.getByRole('group', { name: 'Web portal authentication mode' });
  await expect(web.getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
  await expect(web.getByText('Federated identity needs a passed check')).toBeVisible();

  await page.getByRole('button', { name: 'Check Compatibility' }).click();
  await signInInPopup(context, harness.url, user, password);
  for (const title of ALL) await expect(row(page, title, 'Passed')).toBeVisible();
  await screenshot(page, 'check-all-green');

  await web.getByRole('button', { name: 'Switch to Federated identity' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('users register again');
  await dialog.getByRole('button', { name: 'Switch' }).click();
  await expect(web.getByText('Federated identity', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mode history' }).getByRole('row')).toHaveCount(2);

  await web.getByRole('button', { name: 'Return to mode 2: Username; Password' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Switch' }).click();
  await expect(web.getByText('mode 2: Username; Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mode history' }).getByRole('row')).toHaveCount(3);

  const assignee = page.getByRole('group', { name: 'Assignee authentication mode' });
  await expect(assignee.getByRole('button', { name: 'Switch to Federated identity' })).toBeEnabled();

  // Editing what the sign-in depends on turns those checks back to "not verified" and locks Federated again.
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await page.getByLabel('Octopus Web URL').fill('https://octopus2.contoso.com/');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('tab', { name: 'Check Compatibility' }).click();
  await expect(row(page, 'Interactive sign-in', 'Not verified')).toBeVisible();
  await expect(row(page, 'Client secret', 'Passed')).toBeVisible();
  await expect(assignee.getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
});

test('a redirect URI registered without its trailing slash fails sign-in with AADSTS50011 and says exactly what to register', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'No slash', 'redirect-no-trailing-slash');
  await page.getByRole('tab', { name: 'Check Compatibility' }).click();
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check Compatibility' }).click();
  await signInInPopup(context, harness.url, user, password);

  const failed = row(page, 'Interactive sign-in', 'Failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('AADSTS50011');
  await expect(failed.getByRole('region', { name: 'How to fix' })).toContainText('add exactly https://octopus.contoso.com/');
  await expect(failed.getByRole('region', { name: "Entra's response" })).toContainText(/Trace ID[\s\S]*[0-9a-f]{8}-/);
  await expect(row(page, 'Microsoft Graph profile', 'Skipped')).toBeVisible();
  for (const title of ALL.slice(0, 4)) await expect(row(page, title, 'Passed')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Web portal authentication mode' }).getByRole('button', { name: 'Switch to Federated identity' })).toBeDisabled();
  await screenshot(page, 'check-one-red');
});
