/**
 * What a failed or warning check row offers next to its fix: the admin-center blade where the setting lives (the same
 * deep links the Diagnose and Entra setup pages use, shared/aadsts/links.ts) and the values the fix
 * asks to paste, taken from the fix text itself so every target's fix gets its own.
 */
import { buildLinks, linkTargetOf, type LinkKey } from './aadsts/links';
import type { Link } from './aadsts/schema';
import type { CheckId, CheckResult } from './check';
import type { ProfileFields } from './profile';

/** The blade each probe's setting lives on (docs/ARCHITECTURE.md, "Admin-center links"). */
const CHECK_BLADES: Record<CheckId, LinkKey[]> = {
  tenant: ['tenant-overview'],
  'saml-app': ['saml-overview', 'enterprise-apps'],
  'api-app': ['api-overview'],
  secret: ['api-credentials'],
  'sign-in': ['api-authentication'],
  'graph-me': ['api-permissions'],
};

/** A result that says the user has no email is fixed on the user, not on the app. */
const NO_EMAIL = /no email/i;

export function fixLinks(result: CheckResult, profile: ProfileFields): Link[] {
  if (profile.cloud === 'practice') return [];
  const keys: LinkKey[] = NO_EMAIL.test(result.summary) ? ['users'] : CHECK_BLADES[result.id];
  return buildLinks(keys, linkTargetOf(profile)).slice(0, 1);
}

/** URLs and api:// URIs a fix asks the admin to enter, in order, once each. */
export function fixValues(fix: readonly string[]): string[] {
  const found = fix.flatMap((step) => [...step.matchAll(/\b(?:https?|api):\/\/[^\s"'“”‘’<>]+/g)].map((m) => m[0].replace(/[.,;:)]+$/, '')));
  return [...new Set(found)];
}
