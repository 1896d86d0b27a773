/**
 * Authentication scope, as in the Octopus guide: the web portal switches between "mode 2: Username;
 * Password" and Federated identity, assignees (technicians) between "mode 0: Username; Password" and
 * Federated identity. Federated needs a passed check of the current configuration; the way back is
 * always open.
 */
import { z } from 'zod';

export const MODE_SCOPES = ['web-portal', 'assignee'] as const;
export type ModeScope = (typeof MODE_SCOPES)[number];
export const MODES = ['username-password', 'federated'] as const;
export type Mode = (typeof MODES)[number];

export const SCOPE_LABELS: Record<ModeScope, string> = {
  'web-portal': 'Web portal authentication mode',
  assignee: 'Assignee authentication mode',
};

export function modeLabel(scope: ModeScope, mode: Mode): string {
  if (mode === 'federated') return 'Federated identity';
  return scope === 'web-portal' ? 'mode 2: Username; Password' : 'mode 0: Username; Password';
}

/** What each mode means for the people signing in, in plain words (the Octopus guide's modes). */
export function modeMeaning(scope: ModeScope, mode: Mode): string {
  if (mode === 'federated')
    return scope === 'web-portal'
      ? 'Web portal users sign in with their Microsoft work account; Octopus finds each by email address.'
      : 'Assignees (technicians) sign in with their Microsoft work account; Octopus finds each by email address.';
  return scope === 'web-portal'
    ? 'Mode 2: web portal users sign in with the user name and password Octopus keeps for them.'
    : 'Mode 0: assignees (technicians) sign in with the user name and password Octopus keeps for them.';
}

/** What happens once the admin saved the switch in Octopus, said before they confirm. */
export function switchEffect(scope: ModeScope, to: Mode): string {
  if (to === 'federated')
    return scope === 'web-portal'
      ? 'Once saved in Octopus, web portal users sign in with Microsoft. Each must exist in Entra ID with the same email address as in Octopus; Octopus asks web portal users to register again.'
      : 'Once saved in Octopus, assignees (technicians) sign in with Microsoft. Each must exist in Entra ID with the same email address as in Octopus.';
  return scope === 'web-portal'
    ? 'Once saved in Octopus, web portal users sign in with their Octopus user name and password again (mode 2), and Octopus asks them to register again.'
    : 'Once saved in Octopus, assignees sign in with their Octopus user name and password again (mode 0).';
}

/**
 * The steps in Octopus itself: Federation Desk records the mode, it never changes Octopus. The names
 * are Octopus's own (Tools > Identity federation configuration > Authentication scope).
 */
export function octopusSteps(scope: ModeScope, to: Mode): string[] {
  const option = to === 'federated' ? 'Federated identity' : `Return to ${modeLabel(scope, 'username-password')}`;
  return [
    'In Octopus, open Tools > Identity federation configuration.',
    `Under Authentication scope, set ${SCOPE_LABELS[scope]} to "${option}".`,
    'Save the configuration in Octopus, then come back here and select Done in Octopus.',
  ];
}

export const ModeHistoryEntrySchema = z.object({
  at: z.string(),
  scope: z.enum(MODE_SCOPES),
  from: z.enum(MODES),
  to: z.enum(MODES),
  /** The configuration fingerprint the switch was made with. */
  fingerprint: z.string(),
});
export type ModeHistoryEntry = z.infer<typeof ModeHistoryEntrySchema>;

export const ModeStateSchema = z.object({
  'web-portal': z.enum(MODES),
  assignee: z.enum(MODES),
  history: z.array(ModeHistoryEntrySchema),
});
export type ModeState = z.infer<typeof ModeStateSchema>;

export const DEFAULT_MODE_STATE: ModeState = { 'web-portal': 'username-password', assignee: 'username-password', history: [] };
