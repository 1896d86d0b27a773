/**
 * The Diagnose page in Chromium: paste real-looking Entra errors, read the cards, copy the summary,
 * open a link, search the catalog, and take a support summary that keeps the secret out.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { DeskApi } from '../../shared/ipc';
import { expect, screenshot, test } from './fixtures';
import { expectToast } from './toasts';

const TRACE_1 = '0a1b2c3d-1111-2222-3333-444455556666';
const CORR_1 = '9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff';
const TRACE_2 = '5c6d7e8f-0000-1111-2222-333344445555';
const CORR_2 = '12345678-abcd-ef01-2345-6789abcdef01';
const API_APP = '99999999-8888-7777-6666-555555555555';
const CANARY = 'Kx78Q~E2eCanarySecret-0123456789abcdefghij';

/** A server log: the token endpoint's JSON answer to a bad secret, then the browser address of a failed sign-in. */
const PASTE = [
  `2025-03-14 09:26:53.120 ERROR [Octopus.Auth] Token request failed: 401 {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${API_APP}'. Trace ID: ${TRACE_1} Correlation ID: ${CORR_1} Timestamp: 2025-03-14 09:26:53Z","error_codes":[7000215],"timestamp":"2025-03-14 09:26:53Z","trace_id":"${TRACE_1}","correlation_id":"${CORR_1}","error_uri":"https://login.microsoftonline.com/error?code=7000215"}`,
  '',
  `https://octopus.contoso.com/api/users/authenticatedToken/AzureAD?error=invalid_request&error_description=AADSTS50011%3a+The+redirect+URI+%27https%3a%2f%2foctopus.contoso.com%2fapi%2fusers%2fauthenticatedToken%2fAzureAD%27+specified+in+the+request+does+not+match+the+redirect+URIs+configured+for+the+application+%27${API_APP}%27.%0d%0aTrace+ID%3a+${TRACE_2}%0d%0aCorrelation+ID%3a+${CORR_2}%0d%0aTimestamp%3a+2025-03-14+09%3a30%3a02Z&state=8f2a`,
].join('\n');

/** A stored profile with a secret, made through the same channel the Profiles page uses. */
async function seedProfile(page: Page): Promise<void> {
  const envelope = await page.evaluate(
    async ({ api, secret }) =>
      (globalThis as unknown as { api: DeskApi }).api.invoke('profiles:save', {
        draft: { name: 'Production', cloud: 'global', tenantId: 'contoso.onmicrosoft.com', samlAppId: '11111111-2222-3333-4444-555555555555', clientId: api, webUrl: 'https://octopus.contoso.com/', allowedDomains: '', secretExpiresAt: '2027-05-31' },
        secret: { action: 'replace', value: secret },
      }),
    { api: API_APP, secret: CANARY },
  );
  expect(envelope.ok).toBe(true);
  await page.reload();
}

async function openDiagnose(page: Page) {
  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Diagnose', exact: true })).toBeVisible();
}

const card = (page: Page, code: string) => page.getByRole('article', { name: new RegExp(`^${code}`) });
const readClipboard = (page: Page) => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());

test('pasting a token-endpoint JSON and a URL-encoded redirect error gives one card each, with IDs, causes, fix and links', async ({ page, context, harness }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
  await page.goto(harness.url);
  await seedProfile(page);
  await openDiagnose(page);

  await expect(page.getByLabel('Tailor to profile')).toHaveValue(/.+/);
  await page.getByLabel('Error text').fill(PASTE);
  await page.getByLabel('Error text').press('Control+Enter');
  await expect(page.getByRole('heading', { name: '2 errors found · tailored to “Production”' })).toBeVisible();

  const secret = card(page, 'AADSTS7000215');
  await expect(secret.getByRole('heading', { name: 'AADSTS7000215 Wrong client secret (often the Secret ID instead of the Value)' })).toBeVisible();
  await expect(secret.getByText(TRACE_1)).toBeVisible();
  await expect(secret.getByText(CORR_1)).toBeVisible();
  await expect(secret.getByText('2025-03-14 09:26:53Z')).toBeVisible();
  await expect(secret.getByText('error=invalid_client')).toBeVisible();
  await expect(secret.getByRole('region', { name: 'Likely causes' }).getByRole('listitem').first()).toContainText('Secret ID was pasted instead of the Value');
  await expect(secret.getByRole('region', { name: 'How to fix' }).getByRole('listitem').first()).toContainText('Entra admin center > Identity > Applications > App registrations');
  // Tailored: the note about this profile's stored secret.
  await expect(secret.getByText('In the profile “Production”')).toBeVisible();

  const redirect = card(page, 'AADSTS50011');
  await expect(redirect.getByText('Redirect URI mismatch')).toBeVisible();
  await expect(redirect.getByText(TRACE_2)).toBeVisible();
  await expect(redirect.getByText(CORR_2)).toBeVisible();
  await expect(redirect.getByText('2025-03-14 09:30:02Z')).toBeVisible();
  await expect(redirect.getByText(/The redirect URI 'https:\/\/octopus\.contoso\.com\/api\/users\/authenticatedToken\/AzureAD' specified in the request/)).toBeVisible();

  // The page brings the findings into view once they arrive.
  await expect(page.getByRole('heading', { name: /^2 errors found/ })).toBeInViewport({ ratio: 1 });
  await expect(secret.getByRole('region', { name: 'IDs to quote to Microsoft' })).toBeInViewport({ ratio: 1 });
  await screenshot(page, 'diagnose');

  // The IDs copy one by one, and the whole diagnosis as a summary.
  await secret.getByRole('button', { name: 'Copy correlation ID' }).click();
  await expect.poll(() => readClipboard(page)).toBe(CORR_1);
  await page.getByRole('button', { name: 'Copy summary', exact: true }).click();
  await expectToast(page, 'Copied the summary of all findings.');
  const summary = await readClipboard(page);
  expect(summary).toContain('Federation Desk diagnosis: 2 errors found');
  expect(summary).toMatch(/1\. AADSTS7000215: Wrong client secret[\s\S]*Trace ID: 0a1b2c3d-1111-2222-3333-444455556666[\s\S]*2\. AADSTS50011: Redirect URI mismatch[\s\S]*Correlation ID: 12345678-abcd-ef01-2345-6789abcdef01/);

  // Links go to the system browser through shell:open-external, never by navigating the app.
  await secret.getByRole('button', { name: "Microsoft's lookup page for AADSTS7000215" }).click();
  await expect.poll(async () => (await (await fetch(`${harness.url}__harness/opened`)).json()) as string[]).toContain('https://login.microsoftonline.com/error?code=7000215');
  expect(page.url()).toBe(harness.url);

  // Without a profile the advice is generic and the note disappears.
  await page.getByLabel('Tailor to profile').selectOption({ label: 'None (generic advice)' });
  await expect(page.getByRole('heading', { name: '2 errors found', exact: true })).toBeVisible();
  await expect(secret.getByText('In the profile “Production”')).toHaveCount(0);
});

test('an unknown code is said honestly, and text without a code says what to paste', async ({ page, harness }) => {
  await page.goto(harness.url);
  await openDiagnose(page);
  await page.getByLabel('Error text').fill('Sign-in failed: AADSTS9999999: Something new happened.\nTrace ID: 11111111-2222-3333-4444-555555555555');
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  const unknown = card(page, 'AADSTS9999999');
  await expect(unknown.getByRole('heading', { name: 'AADSTS9999999 Not in our catalog' })).toBeVisible();
  await expect(unknown.getByText('AADSTS9999999 is not in our catalog.', { exact: false })).toBeVisible();
  await expect(unknown.getByRole('button', { name: "Microsoft's lookup page for AADSTS9999999" })).toBeVisible();

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByLabel('Error text')).toHaveValue('');
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByText('Paste an error message, a browser address or a log excerpt first.')).toBeVisible();

  await page.getByLabel('Error text').fill('The login did not work, the screen just said "something went wrong".');
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByText('No AADSTS, Graph or IDX error code found')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'the browser address after a failed sign-in (it carries error_description=…)' })).toBeVisible();
  await screenshot(page, 'diagnose-nothing-found');
});

test('the catalog finds codes by number and by words, and shows the same card', async ({ page, harness }) => {
  await page.goto(harness.url);
  await openDiagnose(page);
  await page.getByRole('tab', { name: 'Error catalog' }).click();
  await expect(page.getByText(/codes in the catalog, \d+ with a full explanation and fix/)).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Search the catalog' });
  const list = page.getByRole('list', { name: 'Catalog entries' });
  await search.fill('50011');
  await expect(list.getByRole('button', { name: 'AADSTS50011: Redirect URI mismatch' })).toBeVisible();
  await list.getByRole('button', { name: 'AADSTS50011: Redirect URI mismatch' }).click();
  const entry = card(page, 'AADSTS50011');
  await expect(entry.getByRole('region', { name: 'How to fix' })).toBeVisible();
  await expect(entry.getByRole('region', { name: 'IDs to quote to Microsoft' })).toHaveCount(0);

  await search.fill('redirect');
  await expect(page.getByText(/codes match “redirect”/)).toBeVisible();
  await expect(list.getByRole('button', { name: 'AADSTS50011: Redirect URI mismatch' })).toBeVisible();
  await expect(list.getByRole('button', { name: /^AADSTS500112:/ })).toBeVisible();
  await screenshot(page, 'diagnose-catalog');

  await search.fill('no such words at all zzz');
  await expect(page.getByText('Nothing in the catalog matches “no such words at all zzz”.')).toBeVisible();
});

test('the support summary copies and saves with the secret as its hint only', async ({ page, context, harness }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
  await page.goto(harness.url);
  await seedProfile(page);
  await openDiagnose(page);

  await page.getByRole('button', { name: 'Copy support summary' }).click();
  await expectToast(page, 'Copied the support summary.');
  const copied = await readClipboard(page);
  expect(copied).toContain('Federation Desk support summary');
  expect(copied).toContain('Name: Production');
  expect(copied).toContain(`Client secret hint: ${CANARY.slice(0, 3)}…`);
  expect(copied).not.toContain(CANARY);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save support summary…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^federation-desk-support-\d{8}-\d{4}\.txt$/);
  const saved = fs.readFileSync(await file.path(), 'utf8');
  expect(saved).toContain(`API application (client) ID: ${API_APP}`);
  expect(saved).not.toContain(CANARY);
});

test("a failed check's Diagnose button opens this page with the code diagnosed for the checked profile", async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Profile name').fill('Practice');
  await page.getByLabel('Cloud').selectOption({ label: 'Practice tenant (built-in Entra simulator)' });
  await page.getByLabel('Practice scenario').selectOption('secret-expired');
  await page.getByRole('button', { name: "Fill in the scenario's IDs" }).click();
  await expect(page.getByLabel('Octopus Web URL')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'Practice', exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
  const failed = page.getByRole('list', { name: 'Checks' }).getByRole('listitem', { name: 'Client secret: Failed' });
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await failed.getByRole('button', { name: 'Diagnose AADSTS7000222' }).click();

  await expect(page.getByRole('heading', { name: 'Diagnose', exact: true })).toBeVisible();
  await expect(page.getByLabel('Error text')).toHaveValue(/AADSTS7000222/);
  await expect(page.getByLabel('Tailor to profile')).toHaveValue(/.+/);
  await expect(page.getByRole('heading', { name: '1 error found · tailored to “Practice”' })).toBeVisible();
  await expect(card(page, 'AADSTS7000222').getByRole('region', { name: 'How to fix' })).toBeVisible();
});

test('a paste from az login ranks causes for Azure CLI and says which of two codes to act on', async ({ page, harness }) => {
  await page.goto(harness.url);
  await openDiagnose(page);
  await page
    .getByLabel('Error text')
    .fill(
      [
        'PS C:\\> az login --tenant contoso.onmicrosoft.com',
        'Sign-in error code: 50058',
        'Failure reason: Session information is not sufficient for single-sign-on.',
        '',
        `AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: ${TRACE_1} Correlation ID: ${CORR_1} Timestamp: 2025-03-14 09:26:53Z`,
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByText('Likely causes are ranked for Azure CLI (the text comes from it); causes in the Octopus setup come last.')).toBeVisible();
  const note = page.getByRole('group', { name: 'Codes found together: act on AADSTS53003 first' });
  await expect(note).toContainText('AADSTS50058 only says that a silent sign-in');
  const blocked = card(page, 'AADSTS53003');
  const causes = blocked.getByRole('region', { name: 'Likely causes' }).getByRole('listitem');
  await expect(causes.first()).not.toContainText('Octopus');
  await expect(causes.last()).toContainText('If this is the Octopus sign-in:');
  await expect(blocked.getByRole('button', { name: 'Microsoft Learn: Microsoft Entra authentication and authorization error codes' })).toBeVisible();
  await screenshot(page, 'diagnose-client-ranked');
});

test('the catalog shows a code met in real texts with its group, causes, fix and source', async ({ page, harness }) => {
  await page.goto(harness.url);
  await openDiagnose(page);
  await page.getByRole('tab', { name: 'Error catalog' }).click();
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('530033');
  const list = page.getByRole('list', { name: 'Catalog entries' });
  await list.getByRole('button', { name: 'AADSTS530033: Device-based Conditional Access cannot be met here' }).click();
  const entry = card(page, 'AADSTS530033');
  await expect(entry.getByText('Conditional Access', { exact: true })).toBeVisible();
  await expect(entry.getByText(/^Ranked for any app/)).toBeVisible();
  await expect(entry.getByRole('region', { name: 'Likely causes' }).getByRole('listitem').first()).toContainText('device code flow');
  await expect(entry.getByRole('region', { name: 'How to fix' }).getByRole('listitem')).toHaveCount(3);
  await expect(entry.getByRole('region', { name: 'Source' }).getByRole('button', { name: 'Microsoft Learn' })).toBeVisible();
  await screenshot(page, 'diagnose-catalog-depth');
});

test('a toast asked for before the toaster has loaded is shown once it arrives', async ({ page, context, harness }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
  // Hold the toaster's chunk (loaded after the first paint) until the toast has been asked for.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested: () => void = () => undefined;
  const chunkRequested = new Promise<void>((resolve) => (requested = resolve));
  await page.route(/\/assets\/toasts-[^/]*\.js$/, async (route) => {
    requested();
    await released;
    await route.continue();
  });
  await page.goto(harness.url);
  await openDiagnose(page);
  await page.getByLabel('Error text').fill('AADSTS50011: The redirect URI specified in the request does not match.\nTrace ID: 11111111-2222-3333-4444-555555555555');
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(page.getByRole('article', { name: /^AADSTS50011/ })).toBeVisible();
  await page.getByRole('button', { name: 'Copy summary', exact: true }).click();
  await expect.poll(() => readClipboard(page)).toContain('AADSTS50011');
  await chunkRequested;
  release();
  await expectToast(page, 'Copied the summary of all findings.');
});
