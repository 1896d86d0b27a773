/**
 * Closing a harness ends the work it started before it says it is closed: a request in flight gets
 * its answer, a sign-in still waiting for the test's page is cancelled, and the practice tenant the
 * run started has stopped. The E2E fixture removes the test's data folder right after the close; work
 * still running then wrote into the folder while it was being removed (ENOTEMPTY in a full run).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { EMPTY_DRAFT } from '../../../shared/profile';
import { practiceDraft } from '../../../shared/practice-draft';
import { startHarness, type Harness } from '../../harness/harness-server';

let harness: Harness | undefined;
let dataDir = '';

afterEach(async () => {
  await harness?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const refused = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

it('answers the check in flight, cancels its waiting sign-in and stops its practice tenant before it resolves', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-harness-close-'));
  harness = await startHarness({ dataDir });
  const fill = practiceDraft({ ...EMPTY_DRAFT, name: 'Practice' }, harness.services.practice.values('healthy'));
  const profile = await harness.services.profiles.save({ draft: fill.draft, secret: { action: 'replace', value: fill.secret } });

  // The check runs until the sign-in the test's page would complete: it is in flight.
  const answer = fetch(`${harness.url}__api/check%3Arun`, { method: 'POST', body: JSON.stringify({ profileId: profile.id }) }).then(async (r) => (await r.json()) as { ok: boolean });
  let pending: { authorizeUrl: string }[] = [];
  while (pending.length === 0) {
    const listed = await fetch(`${harness.url}__harness/sign-in`);
    pending = (await listed.json()) as { authorizeUrl: string }[];
  }
  const tenant = new URL(pending[0]?.authorizeUrl ?? '');

  const closed = harness.close();
  harness = undefined;
  await closed;
  // The request was answered, not cut off, and the practice tenant no longer listens.
  await expect(answer).resolves.toMatchObject({ ok: true });
  expect(await refused(tenant.hostname, Number(tenant.port))).toBe(true);
});
