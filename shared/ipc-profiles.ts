/** Profiles, app info and notices: the foundation's channels. */
import { z } from 'zod';
import { ProfileDraftSchema, ProfileViewSchema } from './profile';
import { Empty, Ok, channel } from './ipc-core';

const Id = z.string().min(1).max(100);

export const SecretActionSchema = z.discriminatedUnion('action', [
  /** Keep what is stored (the form's secret field left empty). */
  z.object({ action: z.literal('keep') }),
  z.object({ action: z.literal('replace'), value: z.string().min(1).max(10_000) }),
  z.object({ action: z.literal('clear') }),
]);
export type SecretAction = z.infer<typeof SecretActionSchema>;

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const SecretStorageStatusSchema = z.object({
  /** True when secrets are encrypted by the OS and kept across restarts. */
  persistent: z.boolean(),
  /** The OS backend: dpapi, keychain, gnome_libsecret, kwallet..., basic_text, or test. */
  backend: z.string(),
});
export type SecretStorageStatus = z.infer<typeof SecretStorageStatusSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  secretStorage: SecretStorageStatusSchema,
  notices: z.array(NoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A stored profile that breaks a rule: kept in the file unchanged, listed so it can be repaired or deleted. */
export const QuarantinedProfileViewSchema = z.object({
  key: z.string(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  reason: z.string(),
});
export type QuarantinedProfileView = z.infer<typeof QuarantinedProfileViewSchema>;

export const ProfileListSchema = z.object({
  profiles: z.array(ProfileViewSchema),
  selectedId: z.string().nullable(),
  /** Records kept aside because they break a rule (the others loaded). */
  quarantine: z.array(QuarantinedProfileViewSchema).optional(),
  /** Why nothing can be saved (a profiles file from a newer version), when that is so. */
  readOnly: z.string().optional(),
});
export type ProfileList = z.infer<typeof ProfileListSchema>;

export const profileChannels = {
  'app:info': channel('Version, data folder, secret storage and start-up notices', Empty, AppInfoSchema),
  'notices:dismiss': channel('Dismiss a start-up notice', z.object({ id: Id }).strict(), Ok),
  'profiles:list': channel('Every profile (secrets as hints only) and the selected one', Empty, ProfileListSchema),
  'profiles:save': channel(
    'Create (no id) or update a profile; rules are enforced again here',
    z.object({ id: Id.optional(), draft: ProfileDraftSchema, secret: SecretActionSchema }).strict(),
    ProfileViewSchema,
  ),
  'profiles:rename': channel('Rename a profile', z.object({ id: Id, name: z.string().max(10_000) }).strict(), ProfileViewSchema),
  'profiles:duplicate': channel('Copy a profile under a new name, without its secret', z.object({ id: Id }).strict(), ProfileViewSchema),
  'profiles:delete': channel('Delete a profile and its stored secret', z.object({ id: Id }).strict(), Ok),
  'profiles:quarantine-repair': channel(
    'Turn a quarantined record back into a profile; the reply lists every field that was reset',
    z.object({ key: z.string().min(1).max(100) }).strict(),
    z.object({ profile: ProfileViewSchema, changes: z.array(z.string()) }),
  ),
  'profiles:quarantine-delete': channel('Delete a quarantined record and its stored secret', z.object({ key: z.string().min(1).max(100) }).strict(), Ok),
  'profiles:select': channel('Remember which profile is selected', z.object({ id: Id.nullable() }).strict(), Ok),
  'shell:open-external': channel(
    'Open an https link on a Microsoft host in the system browser',
    z.object({ url: z.string().max(4096) }).strict(),
    Ok,
  ),
} as const;
