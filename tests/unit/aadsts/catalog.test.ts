import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, CLOUD_IDS } from '../../../shared/clouds';
import { GRAPH_DISTINCT_CODES, GRAPH_GENERIC_CODES, LINK_KEYS, allCatalogRecords, buildLink, catalogKey, catalogSize, lookupCode, searchCatalog } from '../../../shared/aadsts';
import { COMPACT_ROWS } from '../../../shared/aadsts/catalog-compact';
import { ALL_FULL_ENTRIES as FULL_ENTRIES } from '../../../shared/aadsts/catalog';
import { z } from 'zod';
import { CATALOG_FILES, CATALOG_TEXT, CatalogFileSchema, FullEntrySchema, PLACEHOLDERS } from '../../../shared/aadsts/catalog-full';
import { GROUPS, GROUP_CODES, codesNeedingDetail, groupOf } from '../../../shared/aadsts/groups';
import { diagnose } from '../../../shared/aadsts';

const REQUIRED_FULL = [
  50011, 500113, 7000215, 7000222, 7000218, 7000112, 700027, 90002, 900021, 50020, 50128, 50194, 90072, 700016, 65001, 65004, 90094, 90008,
  50105, 50076, 50079, 50074, 53000, 53003, 50158, 530002, 75011, 75005, 750054, 50107, 7500514, 700054, 700025, 50059, 54005, 70008, 70000,
  9002313, 500011, 500021, 50034, 50053, 50055, 50057, 50126, 50125, 'IDX10205', 'Authorization_RequestDenied', 'InvalidAuthenticationToken',
  'Request_ResourceNotFound',
];

describe('catalog integrity', () => {
  it('holds every public code (a few hundred) and at least 60 full entries', () => {
    const size = catalogSize();
    expect(size.compact).toBeGreaterThanOrEqual(300);
    expect(size.full).toBeGreaterThanOrEqual(60);
  });

  it('has no duplicate codes and unique names', () => {
    const keys = COMPACT_ROWS.map(([code]) => catalogKey(code));
    expect(new Set(keys).size).toBe(keys.length);
    const names = COMPACT_ROWS.map(([, name]) => name);
    expect(new Set(names).size).toBe(names.length);
    const full = FULL_ENTRIES.map((e) => catalogKey(e.code));
    expect(new Set(full).size).toBe(full.length);
  });

  it('gives every compact row a name and a one-line meaning', () => {
    for (const [code, name, meaning] of COMPACT_ROWS) {
      expect(name, String(code)).toMatch(/^[A-Za-z][A-Za-z0-9_]+$/);
      expect(meaning.length, String(code)).toBeGreaterThan(10);
      expect(meaning, String(code)).not.toMatch(/\n/);
      if (typeof code === 'number') expect(String(code)).toMatch(/^[1-9]\d{4,6}$/);
    }
  });

  it('has a compact row behind every full entry, and a full entry for every code the brief lists', () => {
    for (const e of FULL_ENTRIES) expect(lookupCode(e.code), String(e.code)).toBeDefined();
    for (const code of REQUIRED_FULL) expect(lookupCode(code)?.full, String(code)).toBeDefined();
  });

  it('holds each catalog file to its schema, and puts every ${NAME} in', () => {
    for (const [file, data] of Object.entries(CATALOG_FILES)) {
      const parsed = CatalogFileSchema.safeParse(data);
      expect(parsed.success, `${file}: ${parsed.error ? z.prettifyError(parsed.error) : ''}`).toBe(true);
    }
    const text = JSON.stringify(FULL_ENTRIES);
    expect(text).not.toMatch(/\$\{\w+\}/);
    expect(text).toContain(CATALOG_TEXT.SIGNIN_LOG_STEP);
  });

  it('refuses an entry that names an unknown ${NAME}, a link it cannot build, or a field it does not know', () => {
    const entry = { code: 1, title: 'T', explanation: 'E', causes: [], fix: ['Open ${APPREG} > the app.'], links: ['users'] };
    expect(FullEntrySchema.safeParse(entry).success).toBe(true);
    const unknown = FullEntrySchema.safeParse({ ...entry, fix: ['Open ${APPREGS}.'] });
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['fix', 0], message: 'unknown name ${APPREGS}' });
    expect(FullEntrySchema.safeParse({ ...entry, links: ['nowhere'] }).success).toBe(false);
    expect(FullEntrySchema.safeParse({ ...entry, cause: ['a typo of causes'] }).success).toBe(false);
  });

  it('makes every full entry complete', () => {
    for (const e of FULL_ENTRIES) {
      const id = String(e.code);
      expect(e.title.length, id).toBeGreaterThan(5);
      expect(e.explanation.length, id).toBeGreaterThan(40);
      expect(e.causes.length, id).toBeGreaterThan(0);
      expect(e.fix.length, id).toBeGreaterThan(0);
      for (const text of [e.title, e.explanation, ...e.causes, ...e.fix, ...(e.elsewhere ?? []), ...Object.values(e.forClient ?? {}).flat()]) {
        expect(text.trim(), id).toBe(text);
        for (const ph of text.match(/\{[^}]*\}/g) ?? []) expect(PLACEHOLDERS as readonly string[], `${id}: ${ph}`).toContain(ph);
      }
    }
  });

  it('names the admin-center path in the fix of every entry that sends the user to a blade', () => {
    for (const e of FULL_ENTRIES) {
      if (e.links.some((l) => l !== 'error-reference')) expect(e.fix.join(' '), String(e.code)).toMatch(/Entra admin center >|Octopus|Sign in|sign in|Restart|scope|Use /);
    }
  });

  it('files every AADSTS code of the catalog in exactly one group, and no other number', () => {
    const numeric = COMPACT_ROWS.map(([c]) => c).filter((c): c is number => typeof c === 'number');
    const grouped = GROUPS.flatMap((g) => GROUP_CODES[g.id]);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(new Set(grouped)).toEqual(new Set(numeric));
    expect(groupOf(53003)?.label).toBe('Conditional Access');
    expect(groupOf('Authorization_RequestDenied')).toBeUndefined();
  });

  it('has a detailed entry with a source for every code of the sign-in, consent, credential, Conditional Access, MFA, federation, B2B, redirect, token and tenant groups', () => {
    expect(GROUPS.filter((g) => g.detailed).map((g) => g.id)).toEqual(['sign-in', 'consent', 'credential', 'conditional-access', 'mfa', 'federation', 'b2b', 'redirect', 'token', 'tenant']);
    const needed = codesNeedingDetail();
    expect(needed.length).toBeGreaterThanOrEqual(120);
    for (const code of needed) {
      const r = lookupCode(code);
      expect(r?.full, String(code)).toBeDefined();
      expect(r?.source, String(code)).toMatch(/^https:\/\/(learn\.microsoft\.com\/|login\.microsoftonline\.com\/error\?code=\d+$|github\.com\/)/);
    }
    for (const code of [500116, 530033, 81016, 650051, 9002325, 9002327, 165000, 650053, 500571]) expect(lookupCode(code), String(code)).toBeDefined();
  });

  it('cites Microsoft Learn, Microsoft\'s lookup page, or a public record of Entra\'s answer for every detailed entry, and says so in a finding', () => {
    for (const r of allCatalogRecords().filter((x) => x.full)) expect(r.source, String(r.code)).toMatch(/^https:\/\/(learn\.microsoft\.com\/|login\.microsoftonline\.com\/error\?code=|github\.com\/)/);
    expect(diagnose('AADSTS500571: The guest user account is disabled.').findings[0]?.source).toBe('https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts500571-guest-user-account-is-disabled');
    expect(diagnose('AADSTS50011: x').findings[0]).toMatchObject({ source: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes', group: 'Redirect URIs' });
    expect(diagnose('AADSTS120000: x').findings[0]).toMatchObject({ source: null, detailed: false, group: 'Password change and reset' });
  });

  it('recognises in the parser exactly the Graph codes it catalogs', () => {
    const graph = allCatalogRecords().filter((r) => r.kind === 'graph').map((r) => r.code);
    expect(new Set(graph)).toEqual(new Set([...GRAPH_DISTINCT_CODES, ...GRAPH_GENERIC_CODES]));
  });
});

describe('links', () => {
  const targets = [
    {},
    { cloud: 'global' as const, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', samlAppId: '11111111-1111-1111-1111-111111111111', apiAppId: '22222222-2222-2222-2222-222222222222' },
    { cloud: 'usgov' as const, tenantId: 'contoso.onmicrosoft.us', apiAppId: '22222222-2222-2222-2222-222222222222' },
    { cloud: 'china' as const, tenantId: 'common', apiAppId: 'not-a-guid' },
    { cloud: 'practice' as const, tenantId: '../../evil', samlAppId: '"><script>', apiAppId: '' },
  ];
  it('builds only allowed https Microsoft links, for every key, cloud and profile', () => {
    for (const target of targets) for (const key of LINK_KEYS) expect(isAllowedExternalUrl(buildLink(key, target).url), `${key} ${JSON.stringify(target)}`).toBe(true);
    for (const cloud of CLOUD_IDS) for (const key of LINK_KEYS) expect(isAllowedExternalUrl(buildLink(key, { cloud }).url)).toBe(true);
  });

  it('uses the admin-center blade paths with the appId, tenant-pinned and per cloud', () => {
    expect(buildLink('api-authentication', targets[1]).url).toBe(
      'https://entra.microsoft.com/72f988bf-86f1-41af-91ab-2d7cd011db47/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/22222222-2222-2222-2222-222222222222',
    );
    expect(buildLink('api-credentials', targets[2]).url).toBe(
      'https://entra.microsoft.us/contoso.onmicrosoft.us/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/22222222-2222-2222-2222-222222222222',
    );
    // No appId, 'common': the App registrations list, not pinned to a tenant.
    expect(buildLink('api-credentials', targets[3]).url).toBe('https://entra.microsoftonline.cn/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade');
    expect(buildLink('enterprise-apps', targets[1]).url).toContain('#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview');
  });
});

describe('searchCatalog', () => {
  it('finds by exact code, with or without AADSTS, and by code prefix', () => {
    expect(searchCatalog('50011')[0]?.code).toBe(50011);
    expect(searchCatalog('AADSTS7000215')[0]?.code).toBe(7000215);
    expect(searchCatalog('aadsts 700').every((e) => String(e.code).startsWith('700'))).toBe(true);
  });
  it('finds by name and by words, full entries first', () => {
    expect(searchCatalog('InvalidReplyTo')[0]?.code).toBe(50011);
    expect(searchCatalog('redirect')[0]?.detailed).toBe(true);
    expect(searchCatalog('redirect').map((e) => e.code)).toContain(50011);
    expect(searchCatalog('secret expired').map((e) => e.code)).toContain(7000222);
    expect(searchCatalog('conditional access').map((e) => e.code)).toContain(53003);
    expect(searchCatalog('zzzz-no-such-thing')).toEqual([]);
    // by the group a code is filed in
    expect(searchCatalog('b2b guests').map((e) => e.code)).toEqual(expect.arrayContaining([500571, 50020, 500213]));
  });
  it('lists everything for an empty query and never throws', () => {
    expect(searchCatalog('').length).toBe(catalogSize().compact);
    for (const q of ['(', '[', '\\', '.*', '%', '\u0000']) expect(() => searchCatalog(q)).not.toThrow();
  });
});
