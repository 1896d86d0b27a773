/**
 * The file format for moving a profile between machines. It carries the federation settings only:
 * never the client secret, which must be typed again (or re-created in Entra) on the other machine.
 */
import { z } from 'zod';
import { CLOUD_IDS } from './clouds';
import { draftFromProfile, profileFields, SCENARIO_NAME_PATTERN, type ProfileDraft, type ProfileView } from './profile';
import { DEFAULT_TARGET, TARGET_IDS } from './targets/target-ids';
import { TtsSettingsSchema } from './targets/the-things-stack';
import { AuthentikSettingsSchema } from './targets/authentik';
import { WorkspaceSsoSettingsSchema } from './targets/workspace-sso';

export const PROFILE_EXPORT_FORMAT = 'federation-desk-profile';

export const ProfileExportSchema = z.object({
  format: z.literal(PROFILE_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  profile: z
    .object({
      name: z.string().max(200),
      cloud: z.enum(CLOUD_IDS),
      tenantId: z.string().max(300),
      samlAppId: z.string().max(100),
      apiAppId: z.string().max(100),
      webUrl: z.string().max(2048),
      allowedDomains: z.array(z.string().max(253)).max(500),
      secretExpiresAt: z.string().max(30).nullable(),
      /** A built-in scenario's name; a path is refused (scenario files are only for `simulate --scenario FILE`). */
      practiceScenario: z.string().max(200).regex(SCENARIO_NAME_PATTERN, 'a practice scenario is given by its name, not a path').optional(),
      /** Absent for Octopus, so Octopus exports stay readable by earlier versions. */
      target: z.enum(TARGET_IDS).optional(),
      theThingsStack: TtsSettingsSchema.strict().optional(),
      /** authentik's source settings (never the consumer secret). */
      authentik: AuthentikSettingsSchema.strict().optional(),
      workspaceSso: WorkspaceSsoSettingsSchema.strict().optional(),
    })
    .strict(),
});
export type ProfileExport = z.infer<typeof ProfileExportSchema>;

export function exportProfile(p: ProfileView, now: Date): ProfileExport {
  // Octopus is said by leaving the target out, so Octopus exports stay readable by earlier versions.
  const { target, ...fields } = profileFields(p);
  return { format: PROFILE_EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), profile: { ...fields, ...(target && target !== DEFAULT_TARGET ? { target } : {}) } };
}

/** The form draft an imported profile starts from (validated by the same rules as typing). */
export function draftFromExport(e: ProfileExport, name?: string): ProfileDraft {
  return draftFromProfile({ ...e.profile, name: name ?? e.profile.name });
}
