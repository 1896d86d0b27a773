import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cases from '../fixtures/profiles/field-cases.json';
import {
  EMPTY_DRAFT,
  normalizeAppId,
  normalizeDomainList,
  normalizeName,
  normalizeSecret,
  normalizeTenantId,
  normalizeWebUrl,
  parseDomainList,
  validateAllowedDomains,
  validateAppIds,
  validateDraft,
  validateName,
  validateSecret,
  validateSecretExpiry,
  validateTenantId,
  validateWebUrl,
  type FieldIssue,
} from '../../shared/profile';

const TODAY = '2026-11-23';
const OTHER_APP = '99999999-8888-7777-6666-555555555555';

interface Case {
  input: string;
  expect: 'ok' | 'error' | 'warning';
  includes?: string;
  fix?: string;
  tenant?: string;
}

function check(issues: FieldIssue[], c: Case) {
  if (c.expect === 'ok') {
    expect(issues).toEqual([]);
    return;
  }
  expect(issues.length, `expected an ${c.expect} for ${JSON.stringify(c.input)}`).toBeGreaterThan(0);
  const [first] = issues;
  expect(first?.severity).toBe(c.expect);
  if (c.includes) expect(first?.message).toContain(c.includes);
  if (c.fix) expect(first?.fix?.value).toBe(c.fix);
}

describe('field rules (tests/fixtures/profiles/field-cases.json)', () => {
  it.each(cases.tenantId as Case[])('tenant ID $input -> $expect', (c) => check(validateTenantId(c.input), c));
  it.each(cases.appId as Case[])('application ID $input -> $expect', (c) =>
    check(validateAppIds(c.input, OTHER_APP, 'contoso.com').filter((i) => i.field === 'samlAppId'), c),
  );
  it.each(cases.secret as Case[])('secret $input -> $expect', (c) => check(validateSecret({ raw: c.input, secretStored: false }), c));
  it.each(cases.webUrl as Case[])('web URL $input -> $expect', (c) => check(validateWebUrl(c.input), c));
  it.each(cases.secretExpiresAt as Case[])('secret expiry $input -> $expect', (c) => check(validateSecretExpiry(c.input, TODAY), c));
  it.each(cases.allowedDomains as Case[])('allowed domains $input with tenant $tenant -> $expect', (c) =>
    check(validateAllowedDomains(c.input, c.tenant ?? ''), c),
  );
});

describe('rules that involve several fields', () => {
  it('warns when the SAML-OpenID and API application IDs are the same', () => {
    const id = '11111111-2222-3333-4444-555555555555';
    const issues = validateAppIds(id, id.toUpperCase(), 'contoso.com');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.severity).toBe('warning');
    expect(issues[0]?.message).toContain('two separate app registrations');
  });

  it('warns when an application ID is really the tenant ID', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const issues = validateAppIds(tenant, OTHER_APP, tenant);
    expect(issues.map((i) => [i.field, i.severity])).toEqual([['samlAppId', 'warning']]);
  });

  it('accepts an empty secret field when a secret is already stored (keeps it)', () => {
    expect(validateSecret({ raw: '', secretStored: true })).toEqual([]);
  });

  it('refuses a name used by another profile, whatever its case', () => {
    expect(validateName('production ', ['Production'])[0]?.message).toContain('already exists');
    expect(validateName('x'.repeat(65), [])[0]?.message).toContain('at most 64');
    expect(validateName('   ', [])[0]?.severity).toBe('error');
    expect(validateName('Test', ['Production'])).toEqual([]);
  });

  it('produces normalised fields only when nothing is an error', () => {
    const draft = {
      ...EMPTY_DRAFT,
      name: '  Production   EU ',
      tenantId: ' Contoso.COM ',
      samlAppId: '{11111111-2222-3333-4444-555555555555}',
      clientId: '99999999-8888-7777-6666-555555555555 ',
      webUrl: ' https://octopus.contoso.com/ ',
      allowedDomains: 'Contoso.com;fabrikam.com, contoso.com',
    };
    const result = validateDraft(draft, '', { otherNames: [], secretStored: false, today: TODAY });
    expect(result.fields).toEqual({
      name: 'Production EU',
      cloud: 'global',
      tenantId: 'contoso.com',
      samlAppId: '11111111-2222-3333-4444-555555555555',
      clientId: '99999999-8888-7777-6666-555555555555',
      webUrl: 'https://octopus.contoso.com/',
      allowedDomains: ['contoso.com', 'fabrikam.com'],
      secretExpiresAt: null,
      target: 'octopus',
    });
    expect(validateDraft({ ...draft, webUrl: 'https://octopus.contoso.com/octopus' }, '', { otherNames: [], secretStored: false, today: TODAY }).fields).toBeUndefined();
  });
});

describe('properties', () => {
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('common', ' {x} ', 'https://a/?#', '\u0000', '@@', '.'));
  const validators = [
    (s: string) => validateTenantId(s),
    (s: string) => validateAppIds(s, s, s),
    (s: string) => validateSecret({ raw: s, secretStored: false }),
    (s: string) => validateWebUrl(s),
    (s: string) => validateSecretExpiry(s, TODAY),
    (s: string) => validateAllowedDomains(s, s),
    (s: string) => validateName(s, [s]),
  ];

  it('no validator throws, whatever is typed, and every issue has a message', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const v of validators) for (const issue of v(s)) expect(issue.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 400 },
    );
  });

  it('normalising twice equals normalising once', () => {
    const normalizers = [normalizeName, normalizeTenantId, normalizeAppId, normalizeWebUrl, normalizeSecret, normalizeDomainList];
    fc.assert(
      fc.property(anyText, (s) => {
        for (const n of normalizers) expect(n(n(s))).toBe(n(s));
      }),
      { numRuns: 400 },
    );
  });

  it('a one-click fix, once applied, clears the issue that offered it', () => {
    const urls = fc.tuple(fc.constantFrom('http://', 'https://', ''), fc.domain(), fc.constantFrom('', '/octopus', '/a/b'), fc.constantFrom('', '?q=1', '#top'));
    fc.assert(
      fc.property(urls, ([scheme, host, p, tail]) => {
        const issue = validateWebUrl(`${scheme}${host}${p}${tail}`)[0];
        if (issue?.fix) {
          const next = validateWebUrl(issue.fix.value)[0];
          expect(next?.message ?? '').not.toBe(issue.message);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parsed domain lists are lower case and free of duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.domain()), fc.constantFrom(',', ';', ' ', ', '), (domains, sep) => {
        const parsed = parseDomainList(domains.join(sep));
        expect(new Set(parsed).size).toBe(parsed.length);
        for (const d of parsed) expect(d).toBe(d.toLowerCase());
      }),
    );
  });
});
