/** Settings channels: network (proxy, extra CA), appearance (theme) and updates. */
import { z } from 'zod';
import { channel } from './ipc-core';
import { AppearanceSettingsSchema, NetworkSettingsSchema, UpdateSettingsSchema } from './settings';

export const settingsChannels = {
  'settings:network-get': channel('The network settings (proxy, extra CA file)', z.object({}).strict(), NetworkSettingsSchema),
  'settings:network-set': channel('Save the network settings; the CA file is read and checked first', NetworkSettingsSchema.strict(), NetworkSettingsSchema),
  'settings:choose-ca-file': channel(
    'Let the user pick the CA certificate file in the system file dialog; null when cancelled',
    z.object({}).strict(),
    z.object({ path: z.string().max(4096).nullable() }),
  ),
  'settings:appearance-get': channel('The theme: system, light or dark', z.object({}).strict(), AppearanceSettingsSchema),
  'settings:appearance-set': channel('Save the theme; the app window follows it at once', AppearanceSettingsSchema.strict(), AppearanceSettingsSchema),
  'settings:updates-get': channel('Whether the installed app looks for updates by itself', z.object({}).strict(), UpdateSettingsSchema),
  'settings:updates-set': channel('Switch automatic updates on or off', UpdateSettingsSchema.strict(), UpdateSettingsSchema),
} as const;
