/** Settings channels: network (proxy, extra CA). */
import { z } from 'zod';
import { channel } from './ipc-core';
import { NetworkSettingsSchema } from './settings';

export const settingsChannels = {
  'settings:network-get': channel('The network settings (proxy, extra CA file)', z.object({}).strict(), NetworkSettingsSchema),
  'settings:network-set': channel('Save the network settings; the CA file is read and checked first', NetworkSettingsSchema.strict(), NetworkSettingsSchema),
} as const;
