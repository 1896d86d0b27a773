/**
 * A user without an email address keeps Federated identity locked. Octopus matches users by email;
 * with the email scope Entra puts the email of a user who has one in the v2.0 ID token, optional
 * claim or not (Microsoft Learn, "Optional claims reference": email), so the practice scenario where
 * Octopus cannot match the user is `user-without-mail` (the user has no email), not
 * `email-claim-missing` (only the optional claim is missing, and the email still arrives).
 */
import { expect, screenshot, test } from './fixtures';
import { createPracticeProfile, practiceUser, signInInPopup } from './practice';

// The practice tenant's certificate comes from its own CA, which only Federation Desk pins.
test.use({ ignoreHTTPSErrors: true });

test('a sign-in user without an email address is never all green, the step says why, and Switch to Federated identity stays locked with the reason reachable by keyboard', async ({ page, context, harness }) => {
  await page.goto(harness.url);
  await createPracticeProfile(page, 'No email', 'user-without-mail');
  await page.getByRole('tab', { name: 'Check compatibility' }).click();
  await expect(page.getByText(/Practice tenant, scenario “Sign-in user without an email address”/)).toBeVisible();
  const [user, password] = await practiceUser(page);
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).click();
  await signInInPopup(context, harness.url, user, password);

  const checks = page.getByRole('list', { name: 'Checks' });
  const signIn = checks.getByRole('listitem', { name: /^Interactive sign-in: (Warning|Failed)$/ });
  await expect(signIn).toBeVisible();
  // Not all green: the run says so in its summary, and at least one row is not passed.
  await expect(page.getByText(/Last run .*([1-9]\d* warning|[1-9]\d* failed)/)).toBeVisible();
  await expect(checks.getByRole('listitem', { name: /: (Warning|Failed)$/ })).not.toHaveCount(0);
  // The step says why, in words: the ID token carries no email, and Octopus matches users by email.
  await expect(signIn).toContainText('no email');
  await expect(signIn).toContainText('matches users by email');

  // Federated identity stays locked; a keyboard user reaches the button and hears why.
  for (const group of ['Web portal authentication mode', 'Assignee authentication mode']) {
    const button = page.getByRole('group', { name: group }).getByRole('button', { name: 'Switch to Federated identity' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/Locked until Check compatibility passes/);
  }
  const web = page.getByRole('group', { name: 'Web portal authentication mode' }).getByRole('button', { name: 'Switch to Federated identity' });
  // Tab to it from the control before it, as a keyboard user would.
  await page.getByRole('button', { name: 'Check compatibility', exact: true }).focus();
  for (let i = 0; i < 200 && !(await web.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(web).toBeFocused();
  await expect(web).toHaveAccessibleDescription(/Interactive sign-in|Microsoft Graph profile/);
  await screenshot(page, 'check-missing-email-locked');
});
