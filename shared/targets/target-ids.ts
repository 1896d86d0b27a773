/**
 * The integration targets a profile can describe. Only targets whose fields, rules, probes and
 * export are complete are listed here: the form's "Target" picker and the stored format both use
 * this list, so a half-built target can neither be chosen nor stored.
 */
export const TARGET_IDS = ['octopus', 'the-things-stack', 'authentik', 'workspace-sso'] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** Profiles written before targets existed describe Octopus. */
export const DEFAULT_TARGET: TargetId = 'octopus';

export const TARGET_LABELS: Readonly<Record<TargetId, string>> = {
  octopus: 'Octopus Deploy',
  'the-things-stack': 'The Things Stack (OIDC provider)',
  authentik: 'authentik (Entra ID OAuth source)',
  'workspace-sso': 'Workspace SSO (OnTrackio-style)',
};
