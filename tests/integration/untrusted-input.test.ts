/**
 * Smaller ways in: proxy credentials in output, links the app would open, the app window's
 * permission origin, the data folder's mode, and control characters in profile fields.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appSessionPermissions, isAppOrigin, isTrustedSender } from '../../electron/platform/security';
import { proxyForDisplay } from '../../electron/services/http';
import { redact } from '../../electron/services/redact';
import { isAllowedExternalUrl } from '../../shared/clouds';
import { EMPTY_DRAFT, validateDraft, type ProfileDraft } from '../../shared/profile';
import { testAppServices } from '../helpers/app-services';
import { runCliInProcess } from '../helpers/run-cli';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-untrusted-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const FIELDS = ['check', '--tenant', '72f988bf-86f1-41af-91ab-2d7cd011db47', '--saml-app', '11111111-2222-3333-4444-555555555555', '--api-app', '99999999-8888-7777-6666-555555555555', '--web-url', 'https://octopus.contoso.com/', '--sign-in', 'none', '--json'];
// "#" makes the URL unparseable, the case where the raw text used to be quoted back.
const PROXY = 'http://adele:Pr0xy#Canary-Pass@proxy.invalid:8080';

describe('proxy credentials', () => {
  it('never appear in the JSON summary of a check whose HTTPS_PROXY cannot be used', async () => {
    const run = await runCliInProcess(FIELDS, { env: { HTTPS_PROXY: PROXY } });
    expect(run.stdout).toContain('proxy.invalid:8080');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Pr0xy|Canary-Pass/);
  });

  it('never appear in a usage error about --proxy', async () => {
    const run = await runCliInProcess([...FIELDS, '--proxy', PROXY]);
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`).toContain('[credentials]@proxy.invalid:8080');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Pr0xy|Canary-Pass/);
  });

  it('are cut from any text that quotes a URL with a password', () => {
    expect(redact('tunnel via http://bob:S3cret-proxy-pw@10.0.0.1:3128 failed')).toBe('tunnel via http://bob:[redacted]@10.0.0.1:3128 failed');
    expect(proxyForDisplay('http://u:p@ss:w@host:1')).toBe('http://[credentials]@host:1');
  });
});

describe('links the app opens', () => {
  it('refuses aka.ms, a redirector that could lead anywhere, and keeps Microsoft hosts', () => {
    expect(isAllowedExternalUrl('https://aka.ms/NewClientSecret')).toBe(false);
    expect(isAllowedExternalUrl('https://learn.microsoft.com/entra/identity-platform/')).toBe(true);
  });
});

describe("the app window's origin", () => {
  it('is compared exactly: app://desk and nothing that merely starts like it', () => {
    expect(isAppOrigin('app://desk')).toBe(true);
    expect(isAppOrigin('app://desk/index.html')).toBe(true);
    for (const other of ['app://desk.evil.example', 'app://deskevil', 'app://desk@evil.example', 'app://desk:8080', 'https://desk', undefined, 'not a url']) expect(isAppOrigin(other)).toBe(false);
    expect(isTrustedSender({ url: 'app://desk.evil/', parent: null })).toBe(false);
  });

  it('grants clipboard writing to our origin only', () => {
    let check: ((wc: unknown, permission: string, origin: string) => boolean) | undefined;
    appSessionPermissions({
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
    } as never);
    expect(check?.(null, 'clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(check?.(null, 'clipboard-sanitized-write', 'app://desk.evil.example')).toBe(false);
    expect(check?.(null, 'clipboard-sanitized-write', 'app://deskx')).toBe(false);
  });
});

describe('the data folder', () => {
  it.skipIf(process.platform === 'win32')('is made readable by this user only (0700), even when it was created 0755', async () => {
    fs.chmodSync(dir, 0o755);
    const s = testAppServices(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const fresh = path.join(dir, 'nested', 'Federation Desk');
    await testAppServices(fresh).profiles.save({
      draft: { ...EMPTY_DRAFT, name: 'P', tenantId: 'contoso.onmicrosoft.com', samlAppId: '11111111-2222-3333-4444-555555555555', clientId: '99999999-8888-7777-6666-555555555555', webUrl: 'https://octopus.contoso.com/' },
      secret: { action: 'keep' },
    });
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    expect(s.ports.dataDir).toBe(dir);
  });
});

describe('control characters', () => {
  const base: ProfileDraft = { ...EMPTY_DRAFT, name: 'P', tenantId: 'contoso.onmicrosoft.com', samlAppId: '11111111-2222-3333-4444-555555555555', clientId: '99999999-8888-7777-6666-555555555555', webUrl: 'https://octopus.contoso.com/' };
  const ctx = { otherNames: [], secretStored: false, today: '2026-11-30' };
  it.each([
    ['name', { name: 'Prod\u001b[31m' }],
    ['name', { name: 'Bell\u0007' }],
    ['name', { name: 'Nul\u0000' }],
    ['tenantId', { tenantId: 'contoso.onmicrosoft.com\u0085' }],
    ['webUrl', { webUrl: 'https://octopus.contoso.com/\u001b' }],
    ['secretExpiresAt', { secretExpiresAt: '2027-01-01\u0000' }],
    ['allowedDomains', { allowedDomains: 'contoso.com\u001b' }],
  ] as const)('are refused in %s', (field, over) => {
    const result = validateDraft({ ...base, ...over }, '', ctx);
    expect(result.fields).toBeUndefined();
    expect(result.issues).toContainEqual(expect.objectContaining({ field, severity: 'error', message: expect.stringMatching(/control character/) }));
  });

  it('line breaks still separate items in a list field', () => {
    expect(validateDraft({ ...base, allowedDomains: 'contoso.com\nfabrikam.com' }, '', ctx).fields).toMatchObject({ allowedDomains: ['contoso.com', 'fabrikam.com'] });
  });
});
