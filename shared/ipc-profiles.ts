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

export const ProfileListSchema = z.object({
  profiles: z.array(ProfileViewSchema),
  selectedId: z.string().nullable(),
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
  'profiles:select': channel('Remember which profile is selected', z.object({ id: Id.nullable() }).strict(), Ok),
  'shell:open-external': channel(
    'Open an https link on a Microsoft host in the system browser',
    z.object({ url: z.string().max(4096) }).strict(),
    Ok,
  ),
} as const;
