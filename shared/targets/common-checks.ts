/**
 * Check rows several targets share word for word: the tenant check, the SAML app that only
 * Octopus has, and a secret proven with a Microsoft Graph token (for apps that expose no API).
 * Each target's plan takes these and writes the rest in its own words.
 */
import type { PlannedCheck } from './target';

export const TENANT_CHECK: PlannedCheck = {
  probe: 'tenant',
  title: 'Directory (tenant)',
  proves: 'The Directory (tenant) ID exists in the chosen cloud (OpenID discovery document).',
};

/** The SAML-app row of a target that signs in with OpenID Connect only. */
export function noSamlApp(label: string): PlannedCheck {
  return {
    notApplicable: `Not used by ${label}: it has no SAML app.`,
    title: 'SAML app',
    proves: `${label} signs in with OpenID Connect only; there is no SAML app to check.`,
  };
}

export const GRAPH_SECRET_CHECK: PlannedCheck = {
  probe: 'secret-graph',
  title: 'Client secret',
  proves:
    'The client secret is the Value (not the Secret ID), valid and not expired; proven with a Microsoft Graph token, because the app exposes no API of its own.',
};
