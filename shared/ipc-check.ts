/** Check compatibility, authentication modes and settings export channels (docs/ARCHITECTURE.md, "Check compatibility"). */
import { z } from 'zod';
import { CheckRunSchema } from './check';
import { Ok, channel } from './ipc-core';
import { MODE_SCOPES, MODES, ModeStateSchema } from './modes';

const ProfileId = z.object({ profileId: z.string().min(1).max(100) }).strict();

export const CheckStateSchema = z.object({
  /** The last run (finished or in progress); null when the profile was never checked. */
  run: CheckRunSchema.nullable(),
  running: z.boolean(),
});
export type CheckState = z.infer<typeof CheckStateSchema>;

export const checkChannels = {
  'check:run': channel(
    'Run Check compatibility for a profile; resolves with the outcome when it ends (the run itself arrives as check:progress events, the last with running false)',
    ProfileId,
    CheckRunSchema.pick({ outcome: true }),
  ),
  'check:cancel': channel('Cancel the running check of a profile', ProfileId, Ok),
  'check:state': channel('The last check run of a profile and whether one is running', ProfileId, CheckStateSchema),
  'modes:get': channel('The authentication modes of a profile and their history', ProfileId, ModeStateSchema),
  'modes:set': channel(
    'Switch an authentication mode (federated only after a passed check of the current configuration)',
    z.object({ profileId: z.string().min(1).max(100), scope: z.enum(MODE_SCOPES), mode: z.enum(MODES) }).strict(),
    ModeStateSchema,
  ),
  'profiles:export-settings': channel(
    'The profile’s federation settings as JSON (never the secret)',
    ProfileId,
    z.object({ fileName: z.string(), json: z.string() }),
  ),
} as const;
