import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { storedRecord } from '../fixtures/profiles/stored-record';
import { expect, screenshot, test } from './fixtures';

const record = storedRecord;

test('one bad profile is kept aside with its reason while the others load, and the admin repairs one and deletes another', async ({ page, harness }) => {
  const longName = `Tenant ${'x'.repeat(60)}`;
  fs.writeFileSync(
    path.join(harness.dataDir, 'profiles.json'),
    JSON.stringify({ version: 2, selectedId: 'p1', profiles: [record('p1', 'Production'), record('p2', longName), record('p3', 'Staging'), record('p4', 'Mars', { cloud: 'mars' })] }),
  );
  await page.goto(harness.url);
  await expect(page.getByRole('button', { name: 'Production', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Staging', exact: true })).toBeVisible();
  const kept = page.getByRole('region', { name: 'Profiles that could not be read' });
  const items = kept.getByRole('list', { name: 'Profiles that could not be read' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Mars' })).toContainText('Why: cloud:');
  await expect(items.filter({ hasText: longName })).toContainText('64');
  await screenshot(page, 'profiles-quarantine');
  const axe = await new AxeBuilder({ page }).include('main').exclude('[data-tabster-dummy]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await kept.getByRole('button', { name: 'Repair "Mars"' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored "Mars"' })).toContainText('Cloud "mars" is not one Federation Desk knows');
  await expect(page.getByRole('button', { name: 'Mars', exact: true })).toBeVisible();
  await expect(items).toHaveCount(1);

  await kept.getByRole('button', { name: `Delete "${longName}"` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete record' }).click();
  await expect(page.getByRole('region', { name: 'Profiles that could not be read' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Deleted "${longName}"` })).toBeVisible();
  const onDisk = JSON.parse(fs.readFileSync(path.join(harness.dataDir, 'profiles.json'), 'utf8')) as { profiles: { name: string }[] };
  expect(onDisk.profiles.map((p) => p.name).sort()).toEqual(['Mars', 'Production', 'Staging']);
});

test('a profiles file from a newer version is left untouched and the screen says it is read-only', async ({ page, harness }) => {
  const newer = JSON.stringify({ version: 9, selectedId: null, profiles: [{ futureField: true }] });
  fs.writeFileSync(path.join(harness.dataDir, 'profiles.json'), newer);
  await page.goto(harness.url);
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(page.getByText(/written by a newer Federation Desk \(format 9/).first()).toBeVisible();
  await screenshot(page, 'profiles-read-only');
  expect(fs.readFileSync(path.join(harness.dataDir, 'profiles.json'), 'utf8')).toBe(newer);
});
