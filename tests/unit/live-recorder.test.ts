/**
 * What `npm run test:live` writes with FD_LIVE_RECORD=1 carries no token, secret, tenant or app ID.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRecordings, type Exchange } from '../live/live-recorder';
import { RecordedSchema } from '../fixtures/recorded/recorded';

const TENANT = '5542c6c8-6bff-45d1-9ead-269c6efef1b0';
const APP = 'fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9';
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGk6Ly9mZDdlIiwidGlkIjoiNTU0MiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

const res = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', 'set-cookie': 'x=1' }, body: JSON.stringify(body), url: '' }) as unknown as Exchange['res'];

describe('live recordings', () => {
  it('remove tokens and replace the tenant and app IDs, in the recorded-fixture format', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-live-rec-'));
    const files = writeRecordings(
      [
        { method: 'POST', url: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`, res: res(200, { token_type: 'Bearer', access_token: JWT, id_token: JWT, refresh_token: '1.AXcanaryRefresh', scope: `api://${APP}/.default` }) },
        { method: 'POST', url: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`, res: res(401, { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided for app '${APP}'. client_secret=Abc8Q~leak` }) },
        { method: 'GET', url: `https://graph.microsoft.com/v1.0/applications?$filter=appId eq '${APP}'`, res: res(200, { value: [{ appId: APP, passwordCredentials: [{ secretText: null, hint: 'Abc' }] }] }) },
      ],
      dir,
      [
        [TENANT, '11111111-1111-1111-1111-111111111111'],
        [APP, '22222222-2222-2222-2222-222222222222'],
      ],
      new Date('2026-11-30T00:00:00Z'),
    );
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['live-graph-applications-200.json', 'live-token-200.json', 'live-token-401.json']);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text).not.toContain(TENANT);
      expect(text).not.toContain(APP);
      expect(text).not.toContain('eyJ0eXAi');
      expect(text).not.toContain('AXcanaryRefresh');
      expect(text).not.toContain('Abc8Q~leak');
      expect(text).not.toContain('set-cookie');
      expect(RecordedSchema.safeParse(JSON.parse(text)).success, f).toBe(true);
    }
  });
});
