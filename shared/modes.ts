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

/** What switching does, said before the user confirms. */
export function switchEffect(scope: ModeScope, to: Mode): string {
  if (to === 'federated')
    return scope === 'web-portal'
      ? 'Web portal users will sign in with Microsoft. Each must exist in Entra ID with the same email address as in Octopus, and users register again after the switch.'
      : 'Assignees (technicians) will sign in with Microsoft. Each must exist in Entra ID with the same email address as in Octopus.';
  return scope === 'web-portal'
    ? 'Web portal users go back to signing in with their Octopus user name and password (mode 2), and register again.'
    : 'Assignees go back to signing in with their Octopus user name and password (mode 0).';
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
