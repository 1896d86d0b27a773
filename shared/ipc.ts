/**
 * The IPC contract (docs/ARCHITECTURE.md, "IPC contract"): one typed table of channels, `namespace:verb`,
 * each with request and response schemas, plus the events main sends to the renderer. Main validates
 * every request against it; preload exposes exactly these names; `window.api`'s type derives from it.
 */
import { z } from 'zod';
import type { Envelope } from './ipc-core';
import { profileChannels } from './ipc-profiles';
import { diagnoseChannels } from './ipc-diagnose';
import { simulatorChannels } from './ipc-simulator';
import { checkChannels } from './ipc-check';
import { settingsChannels } from './ipc-settings';
import { supportChannels } from './ipc-support';
import { expiryChannels } from './ipc-expiry';
import { auditChannels } from './ipc-audit';
import { CheckRunSchema } from './check';

export * from './ipc-core';

export const channels = {
  ...profileChannels,
  ...diagnoseChannels,
  ...simulatorChannels,
  ...checkChannels,
  ...settingsChannels,
  ...supportChannels,
  ...expiryChannels,
  ...auditChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** Events from main to renderer, delivered through the one subscribe function in preload. */
export const events = {
  /** Something in the profile list changed outside the renderer's own calls (e.g. the CLI imported one). */
  'profiles:changed': z.object({}),
  'notices:changed': z.object({}),
  /** A check run changed: a probe started or finished. */
  'check:progress': z.object({ profileId: z.string(), run: CheckRunSchema, running: z.boolean() }),
  /** Expiry watch checked again (daily round, rotation step): banners and badges should refresh. */
  'expiry:changed': z.object({}),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventOf<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What preload puts on `window.api`. */
export interface DeskApi {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}
