/**
 * The probes a target swaps in for Octopus's. The Things Stack: the secret is proven without an
 * exposed API (Graph `/.default`), and the sign-in must bring an ID token with the optional `email`
 * claim, because The Things Stack reads the user's email from the ID token, not from Graph.
 */
import type { CheckId } from '../../../shared/check';
import type { TargetId } from '../../../shared/targets/target-ids';
import { authentikM2mProbe } from './authentik-probes';
import type { ProbeContext, ProbeOutcome } from './probe-context';
import { graphSecretProbe } from './probes';
import type { Probe } from './runner';
import { signInProbe } from './sign-in-probe';
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
export function probesForTarget(target: TargetId | undefined, settings: { workspaceSso?: WorkspaceSsoSettings | undefined } = {}): Partial<Record<CheckId, Probe>> {
  if (target === 'the-things-stack') return { secret: graphSecretProbe, 'sign-in': ttsSignInProbe };
  if (target === 'authentik') return { secret: authentikM2mProbe };
  if (target === 'workspace-sso') return workspaceSsoProbes(settings.workspaceSso);
  return {};
}
