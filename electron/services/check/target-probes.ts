/**
 * The one place that decides which probe runs for a profile: its target's check plan
 * (shared/targets/<id>/target.ts) names a probe kind, or says why the check does not apply, for
 * every check; this file turns the kinds into the functions that run them. A target that reuses
 * these kinds needs nothing here; one that needs a new kind of proof adds it to PROBE_KINDS
 * (shared/targets/target.ts) and to the table below (docs/ARCHITECTURE.md, "Adding an integration target").
 */
import { CHECK_IDS, type CheckId } from '../../../shared/check';
import { integrationTarget } from '../../../shared/targets/registry';
import type { CheckWords, ProbeKind } from '../../../shared/targets/target';
import type { TargetId } from '../../../shared/targets/target-ids';
import { authentikM2mProbe } from './authentik-probes';
import type { ProbeContext, ProbeOutcome } from './probe-context';
import { apiAppProbe, graphSecretProbe, samlAppProbe, secretProbe, tenantProbe } from './probes';
import { graphMeProbe, signInProbe } from './sign-in-probe';
import { workspaceAppProbe, workspaceGraphMeProbe } from './workspace-sso-probes';

export type Probe = (ctx: ProbeContext) => Promise<ProbeOutcome>;

/** The fact the sign-in probe reports the ID token's email claim under. */
export const EMAIL_CLAIM_FACT = 'Email claim';

/**
 * A passed sign-in whose ID token has no email claim fails for a product that reads the email from
 * the ID token. It reads the sign-in probe's own facts, so the token is validated once, the same way
 * for every target.
 */
export function requireEmailClaim(outcome: ProbeOutcome, product: string): ProbeOutcome {
  if (outcome.status === 'failed') return outcome;
  const email = outcome.facts?.find((f) => f.label === EMAIL_CLAIM_FACT)?.value ?? '';
  if (email.includes('@')) return { ...outcome, summary: `${outcome.summary} The ID token carries the email claim (${email}).` };
  return {
    ...outcome,
    status: 'failed',
    summary: `The sign-in works, but the ID token has no email claim, and ${product} reads the user’s email from the ID token.`,
    fix: [
      'Entra admin center > Identity > Applications > App registrations > the app > Token configuration > Add optional claim > ID > email, and save.',
      'The signing-in user must have an email address: Identity > Users > the user > Properties > Contact information.',
    ],
  };
}

/** Every kind of proof a target's plan can name. */
export const PROBES_BY_KIND: Readonly<Record<ProbeKind, Probe>> = {
  tenant: tenantProbe,
  'saml-app': samlAppProbe,
  'app-registration': apiAppProbe,
  'app-registration-redirects': workspaceAppProbe,
  'secret-api-scope': secretProbe,
  'secret-graph': graphSecretProbe,
  'secret-authentik-m2m': authentikM2mProbe,
  'sign-in': signInProbe,
  'sign-in-email-claim': async (ctx) => requireEmailClaim(await signInProbe(ctx), ctx.target.nouns.product),
  'graph-me': graphMeProbe,
  'graph-me-upn-fallback': workspaceGraphMeProbe,
};

/** A check that does not apply never runs: the runner reports it with its reason. */
const notRun: Probe = () => Promise.reject(new Error('A check that does not apply was run.'));

/** What a run does for a profile: the probe behind every check, the words of every row, and the checks its target does not use (reported, never run). */
export interface CheckPlan {
  probes: Record<CheckId, Probe>;
  words: Record<CheckId, CheckWords>;
  /** Why each check the target does not use is left out. */
  notApplicable: Partial<Record<CheckId, string>>;
}

export function checkPlan(profile: { target?: TargetId | undefined } = {}): CheckPlan {
  const checks = integrationTarget(profile).checks;
  const plan: CheckPlan = { probes: {} as Record<CheckId, Probe>, words: {} as Record<CheckId, CheckWords>, notApplicable: {} };
  for (const id of CHECK_IDS) {
    const c = checks[id];
    plan.words[id] = { title: c.title, proves: c.proves };
    if (c.probe === undefined) {
      plan.probes[id] = notRun;
      plan.notApplicable[id] = c.notApplicable;
    } else plan.probes[id] = PROBES_BY_KIND[c.probe];
  }
  return plan;
}

/** The checks a plan leaves out (not counted in the outcome). */
export function notApplicableIds(plan: CheckPlan): CheckId[] {
  return CHECK_IDS.filter((id) => plan.notApplicable[id] !== undefined);
}
