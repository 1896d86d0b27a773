/**
 * Which Check Compatibility probes apply to each target. Octopus uses all of them; The Things Stack
 * has one app registration (no SAML app) and reads the user's email from the ID token (no Graph
 * call), so those two probes are reported as not applicable instead of failing.
 */
import type { CheckId } from '../check';
import { TARGET_LABELS, type TargetId } from './target-ids';

const NOT_APPLICABLE: Readonly<Record<TargetId, readonly CheckId[]>> = {
  octopus: [],
  'the-things-stack': ['saml-app', 'graph-me'],
  // authentik reads the user from Graph /me (the graph-me probe applies); it has no SAML app.
  authentik: ['saml-app'],
  // One app registration, no SAML app; Graph /me stays: the product reads the user's email there.
  'workspace-sso': ['saml-app'],
};

/** The probes a target does not use, with the reason shown in their rows; null when all apply. */
export function checksNotApplicable(target: TargetId | undefined): { ids: readonly CheckId[]; reason: string } | null {
  if (!target) return null;
  const ids = NOT_APPLICABLE[target];
  return ids.length === 0 ? null : { ids, reason: `Not used by ${TARGET_LABELS[target]}.` };
}
