/**
 * The one place that decides which probe runs for a profile: Octopus's six, the ones a target swaps
 * in, and the ones a target does not use. The Things Stack: the secret is proven without an exposed
 * API (Graph `/.default`), and the sign-in must bring an ID token with the optional `email` claim,
 * because The Things Stack reads the user's email from the ID token, not from Graph; it has one app
 * registration (no SAML app) and no Graph call.
 */
import type { CheckId } from '../../../shared/check';
import { TARGET_LABELS, type TargetId } from '../../../shared/targets/target-ids';
import { authentikM2mProbe } from './authentik-probes';
import type { ProbeContext, ProbeOutcome } from './probe-context';
import { apiAppProbe, graphSecretProbe, samlAppProbe, secretProbe, tenantProbe } from './probes';
import { graphMeProbe, signInProbe } from './sign-in-probe';

export type Probe = (ctx: ProbeContext) => Promise<ProbeOutcome>;

const OCTOPUS_PROBES: Record<CheckId, Probe> = {
  tenant: tenantProbe,
  'saml-app': samlAppProbe,
  'api-app': apiAppProbe,
  secret: secretProbe,
  'sign-in': signInProbe,
  'graph-me': graphMeProbe,
};
import type { WorkspaceSsoSettings } from '../../../shared/targets/workspace-sso';
import { workspaceSsoProbes } from './workspace-sso-probes';

/** The fact the sign-in probe reports the ID token's email claim under. */
export const EMAIL_CLAIM_FACT = 'Email claim';

/**
 * A passed sign-in whose ID token has no email claim fails for The Things Stack. It reads the
 * sign-in probe's own facts, so the token is validated once, the same way for every target.
 */
export function requireEmailClaim(outcome: ProbeOutcome): ProbeOutcome {
  if (outcome.status === 'failed') return outcome;
  const email = outcome.facts?.find((f) => f.label === EMAIL_CLAIM_FACT)?.value ?? '';
  if (email.includes('@')) return { ...outcome, summary: `${outcome.summary} The ID token carries the email claim (${email}).` };
  return {
    ...outcome,
    status: 'failed',
    summary: 'The sign-in works, but the ID token has no email claim, and The Things Stack reads the user’s email from the ID token.',
    fix: [
      'Entra admin center > Identity > Applications > App registrations > the app > Token configuration > Add optional claim > ID > email, and save.',
      'The signing-in user must have an email address: Identity > Users > the user > Properties > Contact information.',
    ],
  };
}

async function ttsSignInProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  return requireEmailClaim(await signInProbe(ctx));
}

/** Overrides of the Octopus probes for a target (none for Octopus). */
function probesForTarget(target: TargetId | undefined, settings: { workspaceSso?: WorkspaceSsoSettings | undefined }): Partial<Record<CheckId, Probe>> {
  if (target === 'the-things-stack') return { secret: graphSecretProbe, 'sign-in': ttsSignInProbe };
  if (target === 'authentik') return { secret: authentikM2mProbe };
  if (target === 'workspace-sso') return workspaceSsoProbes(settings.workspaceSso);
  return {};
}

const NOT_APPLICABLE: Readonly<Record<TargetId, readonly CheckId[]>> = {
  octopus: [],
  'the-things-stack': ['saml-app', 'graph-me'],
  // authentik reads the user from Graph /me (the graph-me probe applies); it has no SAML app.
  authentik: ['saml-app'],
  // One app registration, no SAML app; Graph /me stays: the product reads the user's email there.
  'workspace-sso': ['saml-app'],
};

/** What a run does for a profile: the probe behind every check, and the checks its target does not use (reported, never run). */
export interface CheckPlan {
  probes: Record<CheckId, Probe>;
  notApplicable: { ids: readonly CheckId[]; reason: string } | null;
}

export function checkPlan(profile: { target?: TargetId | undefined; workspaceSso?: WorkspaceSsoSettings | undefined } = {}): CheckPlan {
  const ids = profile.target ? NOT_APPLICABLE[profile.target] : [];
  return {
    probes: { ...OCTOPUS_PROBES, ...probesForTarget(profile.target, profile) },
    notApplicable: profile.target && ids.length > 0 ? { ids, reason: `Not used by ${TARGET_LABELS[profile.target]}.` } : null,
  };
}
