/**
 * The Entra setup steps as a first-time admin reads them: every step says its status in words beside
 * its icon, as the check rows do (WCAG 1.4.1 "Use of color"), passed steps included; heard once (the
 * word; the icon is decoration); words and titles aligned across both lists, nothing cut, at
 * 1024x640 and 911x512 in light, dark and forced colors. Measured with bounding boxes.
 */
import { expectRowsLinedUp, expectWordBesideIcon, inEveryView, rowParts, type RowParts } from './views';
import { expect, screenshot, test } from './fixtures';
import { createPracticeProfile, signInInPopup } from './practice';

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true, viewport: { width: 1024, height: 640 } });

test('every Entra setup step says its status in words beside its icon, heard once, aligned in both lists, in every theme at 1024x640 and 150 %', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'Words', 'redirect-no-trailing-slash');
  await page.getByRole('tab', { name: 'Entra setup' }).click();
  const hint = page.getByText(/Sign in to Microsoft Graph as \S+ with the password/);
  const m = /as (\S+) with the password (\S+?)\.?$/.exec((await hint.innerText()).trim());
  await page.getByRole('button', { name: 'Sign in to Microsoft Graph and audit' }).click();
  await signInInPopup(context, harness.url, m?.[1] ?? '', m?.[2] ?? '');
  await page.bringToFront();
  await expect(page.getByText(/13 passed, 0 warning, 1 failed, 0 unknown/)).toBeVisible();

  const rows = [
    ['API app', 'Web redirect URI', 'Failed'],
    ['API app', 'Client secret', 'Passed'],
    ['API app', 'Optional claim: email', 'Passed'],
    ['SAML-OpenID app', 'Single sign-on mode SAML', 'Passed'],
    ['SAML-OpenID app', 'SAML signing certificate', 'Passed'],
  ] as const;
  await inEveryView(page, async (where, size, theme) => {
    const lined: RowParts[] = [];
    for (const [list, title, word] of rows) {
      const step = page.getByRole('list', { name: `${list} steps` }).getByRole('listitem', { name: `${title}: ${word}` });
      await step.scrollIntoViewIfNeeded();
      // Heard once: the word is the only thing naming the status (no image names it again).
      await expect(step.getByRole('img')).toHaveCount(0);
      await expect(step.getByText(word, { exact: true })).toHaveCount(1);
      const parts = await rowParts(step, title, word);
      expectWordBesideIcon(parts, `${where} ${list} ${title}`, size.width);
      lined.push(parts);
    }
    // Across the API app's list and the SAML app's.
    expectRowsLinedUp(lined, where);
    await page.getByRole('list', { name: 'API app steps' }).getByRole('listitem', { name: 'Web redirect URI: Failed' }).scrollIntoViewIfNeeded();
    await screenshot(page, `audit-rows-${size.name}-${theme.name}`);
  });
});
