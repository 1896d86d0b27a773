/**
 * The channel and event names alone, for preload: it checks every name against these lists, and
 * importing the contract itself would bundle zod and every schema into preload.cjs (788 KB for two
 * lists of strings). The types below make the compiler hold these lists equal to the contract.
 */
import type { ChannelName, EventName } from './ipc';

export const CHANNEL_NAME_LIST = [
  'app:info',
  'notices:dismiss',
  'profiles:list',
  'profiles:save',
  'profiles:rename',
  'profiles:duplicate',
  'profiles:delete',
  'profiles:quarantine-repair',
  'profiles:quarantine-delete',
  'profiles:select',
  'shell:open-external',
  'diagnose:text',
  'diagnose:catalog',
  'practice:scenarios',
  'practice:values',
  'check:run',
  'check:cancel',
  'check:state',
  'modes:get',
  'modes:set',
  'profiles:export-settings',
  'settings:network-get',
  'settings:network-set',
  'settings:choose-ca-file',
  'settings:appearance-get',
  'settings:appearance-set',
  'settings:updates-get',
  'settings:updates-set',
  'support:summary',
  'expiry:status',
  'expiry:set-policy',
  'rotation:start',
  'rotation:prove',
  'rotation:complete',
  'rotation:abandon',
  'audit:run',
  'audit:cancel',
  'audit:state',

] as const satisfies readonly ChannelName[];

export const EVENT_NAME_LIST = [
  'profiles:changed',
  'notices:changed',
  'check:progress',
  'expiry:changed',
] as const satisfies readonly EventName[];

/** A channel or event of the contract missing from the lists above fails type checking here. */
type Missing<All, Listed> = Exclude<All, Listed>;
export const EVERY_CHANNEL_LISTED: Missing<ChannelName, (typeof CHANNEL_NAME_LIST)[number]> extends never ? true : never = true;
export const EVERY_EVENT_LISTED: Missing<EventName, (typeof EVENT_NAME_LIST)[number]> extends never ? true : never = true;
