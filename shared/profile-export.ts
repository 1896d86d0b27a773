/**
 * The file format for moving a profile between machines. It carries the federation settings only:
 * never the client secret, which must be typed again (or re-created in Entra) on the other machine.
 * Version 2 holds a profile as it is stored today (one union on `target`); version 1 files, written
 * before each target kept only its own fields, are still imported (read in today's shape first).
 */
import { z } from 'zod';
import { CLOUD_IDS } from './clouds';
import { ProfileFieldsSchema, SCENARIO_NAME_PATTERN, draftFromProfile, profileFields, profileRecordFromFormat2, type ProfileDraft, type ProfileFields } from './profile';
import { TARGET_IDS } from './targets/target-ids';
import { TtsSettingsSchema } from './targets/the-things-stack/rules';
import { AuthentikSettingsSchema } from './targets/authentik/rules';
import { WorkspaceSsoSettingsSchema } from './targets/workspace-sso/rules';

export const PROFILE_EXPORT_FORMAT = 'federation-desk-profile';
export const PROFILE_EXPORT_VERSION = 2;

/** Version 1: the profile in format 2 (Octopus's fields for every target, apiAppId for the client ID). */
const ExportV1Schema = z.object({
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
      practiceScenario: z.string().max(200).regex(SCENARIO_NAME_PATTERN, 'a practice scenario is given by its name, not a path').optional(),
      /** Absent for Octopus. */
      target: z.enum(TARGET_IDS).optional(),
      theThingsStack: TtsSettingsSchema.strict().optional(),
      authentik: AuthentikSettingsSchema.strict().optional(),
      workspaceSso: WorkspaceSsoSettingsSchema.strict().optional(),
    })
    .strict(),
});

const ExportV2Schema = z.object({
  format: z.literal(PROFILE_EXPORT_FORMAT),
  version: z.literal(PROFILE_EXPORT_VERSION),
  exportedAt: z.string(),
  profile: ProfileFieldsSchema.refine((p) => p.practiceScenario === undefined || SCENARIO_NAME_PATTERN.test(p.practiceScenario), {
    message: 'a practice scenario is given by its name, not a path',
  }),
});
export type ProfileExport = z.infer<typeof ExportV2Schema>;

/** Either version (told apart by `version`, so an error names the field of that version), read as version 2. */
export const ProfileExportSchema = z.discriminatedUnion('version', [ExportV2Schema, ExportV1Schema]).transform((e, ctx): ProfileExport => {
  if (e.version === PROFILE_EXPORT_VERSION) return e;
  const profile = ProfileFieldsSchema.safeParse(profileRecordFromFormat2(e.profile));
  if (profile.success) return { format: e.format, version: PROFILE_EXPORT_VERSION, exportedAt: e.exportedAt, profile: profile.data };
  for (const issue of profile.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['profile', ...issue.path] });
  return z.NEVER;
});

export function exportProfile(p: ProfileFields, now: Date): ProfileExport {
  return { format: PROFILE_EXPORT_FORMAT, version: PROFILE_EXPORT_VERSION, exportedAt: now.toISOString(), profile: profileFields(p) };
}

/** The form draft an imported profile starts from (validated by the same rules as typing). */
export function draftFromExport(e: ProfileExport, name?: string): ProfileDraft {
  return draftFromProfile({ ...e.profile, name: name ?? e.profile.name });
}
