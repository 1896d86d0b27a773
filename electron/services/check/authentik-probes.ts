/**
 * The probes authentik swaps in. The secret probe becomes the machine-to-machine probe authentik's
 * documentation describes: client credentials with the scope `api://<client id>/.default`, then the
 * token's audience and version are checked, because authentik validates that token itself (a Graph
 * token would be refused as an invalid JWT). Sign-in stays the shared probe: the profile's webUrl is
 * the authentik redirect URI, so it tests exactly what authentik sends.
 */
import { GRAPH_SCOPE_PITFALL, TOKEN_VERSION_FACT, judgeM2mToken } from '../../../shared/targets/authentik';
import type { ProbeContext, ProbeOutcome } from './probe-context';
import { TOKEN_VERSION_LABEL, secretProbe } from './probes';

/** Entra's "the resource was not found in the tenant": here, no Application ID URI on the app. */
const RESOURCE_NOT_FOUND = 500011;

/**
 * Turn the plain secret probe's outcome into authentik's verdict. Reads the probe's own facts
 * (token audience and version), so the token is requested once, the same way for every target.
 */
export function judgeM2mOutcome(outcome: ProbeOutcome, clientId: string): ProbeOutcome {
  if (outcome.status === 'failed') {
    if (outcome.error?.code !== RESOURCE_NOT_FOUND) return outcome;
    return {
      ...outcome,
      summary: `The app exposes no API (no Application ID URI), so Entra cannot issue the api://${clientId}/.default token authentik’s machine-to-machine login needs. ${outcome.summary}`,
      fix: [...(outcome.fix ?? []), GRAPH_SCOPE_PITFALL],
    };
  }
  const facts = outcome.facts ?? [];
  const aud = facts.find((f) => f.label === 'Token audience')?.value ?? '';
  const ver = facts.find((f) => f.label === TOKEN_VERSION_LABEL)?.value ?? '';
  const verdict = judgeM2mToken({ aud, ver }, clientId);
  const withFact = [...facts, { label: 'Access token versions', value: TOKEN_VERSION_FACT }];
  if (verdict.status === 'passed' && outcome.status === 'warning') return { ...outcome, facts: withFact };
  // Keep the secret-expiry advice of a warning the plain probe raised.
  const expiryFix = outcome.status === 'warning' ? (outcome.fix ?? []) : [];
  return { ...outcome, status: verdict.status, summary: verdict.summary, fix: [...verdict.fix, ...expiryFix], facts: withFact };
}

/** Client credentials for `api://<client id>/.default`, judged for authentik. */
export async function authentikM2mProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  return judgeM2mOutcome(await secretProbe(ctx), ctx.target.clientId);
}
