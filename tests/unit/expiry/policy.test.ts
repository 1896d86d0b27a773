import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  EXPIRED_KEY,
  credentialsUrl,
  crossedThresholds,
  daysLeft,
  dueNotification,
  evaluateItem,
  nagiosCode,
  typedDateToInstant,
  worst,
  type ExpiryItemInput,
  type ExpiryState,
} from '../../../shared/expiry';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const cert = (expiresAt: string | null): ExpiryItemInput => ({ kind: 'saml-signing-certificate', source: 'federation-metadata', credentialId: 'saml:AA', label: 'SAML signing certificate AA…', expiresAt });
const inDays = (d: number, hour = 12) => new Date(Date.UTC(2026, 2, 1 + d, hour)).toISOString();

describe('states at the boundaries (warn 60, critical 7)', () => {
  it.each<[string, string | null, number | null, ExpiryState]>([
    ['61 days left', inDays(61), 61, 'ok'],
    ['60 days left', inDays(60), 60, 'warning'],
    ['8 days left', inDays(8), 8, 'warning'],
    ['7 days left', inDays(7), 7, 'critical'],
    ['1 day left', inDays(1), 1, 'critical'],
    ['later today', inDays(0, 18), 0, 'critical'],
    ['this very instant', NOW.toISOString(), 0, 'expired'],
    ['earlier today', inDays(0, 6), 0, 'expired'],
    ['3 days ago', inDays(-3), -3, 'expired'],
    ['no date', null, null, 'unknown'],
    ['a date that is no date', 'not-a-date', null, 'unknown'],
  ])('%s', (_label, expiresAt, days, state) => {
    const r = evaluateItem(cert(expiresAt), NOW, DEFAULT_POLICY);
    expect(r.daysLeft).toBe(days);
    expect(r.state).toBe(state);
  });

  it('counts calendar days, not 24-hour periods (23:59 to 00:01 is one day)', () => {
    expect(daysLeft(new Date('2026-03-02T00:01:00Z'), new Date('2026-03-01T23:59:00Z'))).toBe(1);
  });

  it('treats a typed date as expired from 00:00 UTC that day', () => {
    const typed = { ...cert(typedDateToInstant('2026-03-01')), kind: 'client-secret' as const, source: 'typed' as const };
    expect(evaluateItem(typed, NOW, DEFAULT_POLICY)).toMatchObject({ state: 'expired', daysLeft: 0, message: 'expired today (2026-03-01)' });
    expect(evaluateItem({ ...typed, expiresAt: typedDateToInstant('2026-03-11') }, NOW, DEFAULT_POLICY)).toMatchObject({ state: 'warning', daysLeft: 10, message: 'expires in 10 days (2026-03-11)' });
  });

  it('keeps the reason of an unknown date as its message', () => {
    expect(evaluateItem({ ...cert(null), reason: 'The metadata is not XML.' }, NOW, DEFAULT_POLICY).message).toBe('The metadata is not XML.');
  });

  it('follows a custom policy', () => {
    const policy = { thresholds: [30, 10], warnDays: 30, criticalDays: 10 };
    expect(evaluateItem(cert(inDays(31)), NOW, policy).state).toBe('ok');
    expect(evaluateItem(cert(inDays(10)), NOW, policy).state).toBe('critical');
  });
});

describe('worst and Nagios codes', () => {
  it('orders expired > critical > warning > unknown > ok', () => {
    expect(worst(['ok', 'unknown', 'warning'])).toBe('warning');
    expect(worst(['ok', 'unknown'])).toBe('unknown');
    expect(worst(['warning', 'critical', 'ok'])).toBe('critical');
    expect(worst(['critical', 'expired'])).toBe('expired');
    expect(worst(['ok', 'ok'])).toBe('ok');
    expect(worst([])).toBe('unknown');
  });

  it('maps states to 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN', () => {
    expect(['ok', 'warning', 'critical', 'expired', 'unknown'].map((s) => nagiosCode(s as ExpiryState))).toEqual([0, 1, 2, 2, 3]);
  });

  it('worst is order-independent and one of its inputs (property)', () => {
    const state = fc.constantFrom<ExpiryState>('ok', 'warning', 'critical', 'expired', 'unknown');
    fc.assert(
      fc.property(fc.array(state, { minLength: 1 }), (states) => {
        expect(states).toContain(worst(states));
        expect(worst([...states].reverse())).toBe(worst(states));
      }),
    );
  });
});

describe('which threshold is due', () => {
  const T = DEFAULT_POLICY.thresholds;
  it('names the crossed thresholds', () => {
    expect(crossedThresholds({ daysLeft: 61, state: 'ok' }, T)).toEqual([]);
    expect(crossedThresholds({ daysLeft: 30, state: 'warning' }, T)).toEqual([60, 30]);
    expect(crossedThresholds({ daysLeft: null, state: 'unknown' }, T)).toEqual([]);
  });

  it('fires the most urgent crossed threshold once and marks the ones it covers', () => {
    expect(dueNotification({ daysLeft: 10, state: 'warning' }, [], T)).toEqual({ threshold: 14, markSent: [60, 30, 14] });
    expect(dueNotification({ daysLeft: 10, state: 'warning' }, [60, 30, 14], T)).toBeNull();
    expect(dueNotification({ daysLeft: 7, state: 'critical' }, [60, 30, 14], T)).toEqual({ threshold: 7, markSent: [60, 30, 14, 7] });
    expect(dueNotification({ daysLeft: -1, state: 'expired' }, [60, 30, 14, 7, 1], T)).toEqual({ threshold: EXPIRED_KEY, markSent: [60, 30, 14, 7, 1, EXPIRED_KEY] });
    expect(dueNotification({ daysLeft: -2, state: 'expired' }, [60, 30, 14, 7, 1, 0], T)).toBeNull();
    expect(dueNotification({ daysLeft: null, state: 'unknown' }, [], T)).toBeNull();
  });

  it('walking day by day from 90 days to 3 days past, each threshold fires exactly once (property over thresholds)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 6 }), (thresholds) => {
        const sent: number[] = [];
        const fired: number[] = [];
        for (let d = 90; d >= -3; d--) {
          const due = dueNotification({ daysLeft: d, state: d < 0 ? 'expired' : 'warning' }, sent, thresholds);
          if (due) {
            fired.push(due.threshold);
            sent.push(...due.markSent);
          }
        }
        expect(fired).toEqual([...thresholds.sort((a, b) => b - a), EXPIRED_KEY]);
      }),
    );
  });
});

describe('credentials deep link', () => {
  it('points at Certificates & secrets of the API app in the profile’s cloud', () => {
    expect(credentialsUrl('global', 'fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9')).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9',
    );
    expect(credentialsUrl('usgov', 'x')).toMatch(/^https:\/\/entra\.microsoft\.us\//);
    expect(credentialsUrl('practice', 'x')).toBeNull();
  });
});
