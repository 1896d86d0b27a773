import { describe, expect, it } from 'vitest';
import { CHECKS, configurationFingerprint, currentResults, fingerprintInput, probeFingerprint } from '../../shared/check';

const octopus = {
  name: 'P',
  target: 'octopus' as const,
  cloud: 'global' as const,
  tenantId: 'contoso.com',
  samlAppId: '11111111-2222-3333-4444-555555555555',
  clientId: '99999999-8888-7777-6666-555555555555',
  webUrl: 'https://octopus.contoso.com/',
  allowedDomains: [],
  secretExpiresAt: null,
  secretUpdatedAt: '2026-11-23T10:00:00.000Z',
};
const { samlAppId: _s, webUrl: _w, target: _t, ...commonFields } = octopus;

describe('configuration fingerprints', () => {
  it('did not change for Octopus profiles when targets arrived (stored results stay current)', () => {
    // The formula before the `target` field existed: FNV-1a over the seven original fields.
    const fnv1a = (text: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    };
    const input = fingerprintInput(octopus);
    const old = fnv1a(JSON.stringify((['cloud', 'tenantId', 'samlAppId', 'apiAppId', 'secret', 'webUrl', 'practiceScenario'] as const).map((f) => [f, input[f]])));
    expect(configurationFingerprint(input)).toBe(old);
    expect(probeFingerprint('tenant', input)).toBe(fnv1a(JSON.stringify((['cloud', 'tenantId', 'practiceScenario'] as const).map((f) => [f, input[f]]))));
  });

  it('turns every result stale when a target setting beyond the first redirect URI changes (a second workspace)', () => {
    const before = fingerprintInput({ ...commonFields, target: 'workspace-sso', workspaceSso: { baseDomain: 'ontrack.example', workspaces: ['contoso'], externalCollaborators: [] } });
    const after = fingerprintInput({ ...commonFields, target: 'workspace-sso', workspaceSso: { baseDomain: 'ontrack.example', workspaces: ['contoso', 'fabrikam'], externalCollaborators: [] } });
    const stored = CHECKS.map((c) => ({ id: c.id, status: 'passed' as const, summary: 'ok', durationMs: 1, error: null, fix: [], tested: '', facts: [], fingerprint: probeFingerprint(c.id, before), finishedAt: 'x' }));
    expect(currentResults(stored, before).every((r) => r.status === 'passed')).toBe(true);
    expect(currentResults(stored, after).every((r) => r.status === 'unverified')).toBe(true);
  });
});
