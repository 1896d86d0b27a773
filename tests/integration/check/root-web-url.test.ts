/**
 * A root Octopus Web URL without its trailing slash (https://octopus.contoso.com) is accepted and
 * proven: Entra answers a redirect URI without a path with the slash added (Microsoft Learn,
 * "Redirect URI (reply URL) outline and restrictions"), so with or without the slash it is the same
 * URI. The practice tenant's redirect-root-without-slash scenario registers it that way. The form
 * used to refuse it ("The URL must end with '/'").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppServices } from '../../../electron/app-services';
import { EMPTY_DRAFT } from '../../../shared/profile';
import { testAppServices } from '../../helpers/app-services';

let dir: string;
let s: AppServices;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-root-url-'));
  s = testAppServices(dir, { timeouts: { requestMs: 5000, probeMs: 10_000, interactiveMs: 20_000 } });
});
afterAll(async () => {
  await s.practice.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('saves https://octopus.contoso.com as it is and signs in through it', async () => {
  const scenario = 'redirect-root-without-slash';
  const t = s.practice.values(scenario);
  const saved = await s.profiles.save({
    draft: { ...EMPTY_DRAFT, name: 'Root', cloud: 'practice', practiceScenario: scenario, tenantId: t.profile.tenantId, samlAppId: t.profile.samlAppId, clientId: t.profile.apiAppId, webUrl: 'https://octopus.contoso.com' },
    secret: { action: 'replace', value: t.profile.secret },
  });
  expect(saved).toMatchObject({ target: 'octopus', webUrl: 'https://octopus.contoso.com' });
  const run = await s.checks.run(saved.id);
  expect(run.results.map((r) => [r.id, r.status])).toEqual([
    ['tenant', 'passed'],
    ['saml-app', 'passed'],
    ['api-app', 'passed'],
    ['secret', 'passed'],
    ['sign-in', 'passed'],
    ['graph-me', 'passed'],
  ]);
});
