/**
 * What "Fill in the scenario's IDs" puts in a profile draft for the practice tenant: the scenario's
 * tenant and, for the draft's target, that product's own app registration, secret and the settings
 * its redirect URI is registered for (docs/ARCHITECTURE.md, "Practice tenant"). The form, the
 * first-run practice profile and the tests build practice profiles with this one function.
 */
import type { PracticeTenantInfo } from './ipc-simulator';
import type { ProfileDraft } from './profile';

export interface PracticeFill {
  draft: ProfileDraft;
  /** The practice app's client secret (a practice value, not a real one). */
  secret: string;
}

/** The draft filled from the practice tenant for the draft's own target, with its secret's end date; other fields are kept. */
export function practiceDraft(draft: ProfileDraft, tenant: Pick<PracticeTenantInfo, 'scenario' | 'profile'>): PracticeFill {
  const p = tenant.profile;
  const base: ProfileDraft = { ...draft, cloud: 'practice', practiceScenario: tenant.scenario, tenantId: p.tenantId };
  switch (draft.target ?? 'octopus') {
    case 'the-things-stack': {
      const t = p.targets['the-things-stack'];
      if (!t) break;
      return {
        draft: { ...base, clientId: t.apiAppId, secretExpiresAt: t.secretExpiresAt ?? '', theThingsStack: { serverAddress: t.serverAddress, providerId: t.providerId }, allowedDomains: t.allowedDomains.join(', ') },
        secret: t.secret,
      };
    }
    case 'authentik': {
      const t = p.targets.authentik;
      if (!t) break;
      return { draft: { ...base, clientId: t.apiAppId, secretExpiresAt: t.secretExpiresAt ?? '', authentik: { tenantMode: 'single', groupMemberRead: false, ...draft.authentik, fqdn: t.fqdn, slug: t.slug } }, secret: t.secret };
    }
    case 'workspace-sso': {
      const t = p.targets['workspace-sso'];
      if (!t) break;
      return {
        draft: { ...base, clientId: t.apiAppId, secretExpiresAt: t.secretExpiresAt ?? '', workspaceSso: { externalCollaborators: '', ...draft.workspaceSso, baseDomain: t.baseDomain, workspaces: t.workspaces.join(', ') } },
        secret: t.secret,
      };
    }
    case 'octopus':
      return { draft: { ...base, samlAppId: p.samlAppId, clientId: p.apiAppId, webUrl: p.webUrl, secretExpiresAt: p.secretExpiresAt ?? '' }, secret: p.secret };
  }
  // A scenario without this target's app registration: its tenant only (the picker offers such scenarios to Octopus only).
  return { draft: base, secret: '' };
}

/** The practice secret the UI offers for a profile of this target, or undefined when the scenario has none for it. */
export function practiceSecretFor(target: ProfileDraft['target'], profile: PracticeTenantInfo['profile']): string | undefined {
  const t = target ?? 'octopus';
  return t === 'octopus' ? profile.secret : profile.targets[t]?.secret;
}
