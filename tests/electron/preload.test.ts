// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskApi } from '../../shared/ipc';

vi.mock('electron', async () => (await import('../helpers/electron-double')).electronModule('renderer'));
const { double } = await import('../helpers/electron-double');
const { state } = double;

let api: DeskApi;
beforeAll(async () => {
  await import('../../electron/preload');
  api = state.exposed.get('api') as DeskApi;
});

describe('preload bridge', () => {
  it('exposes only window.api with invoke and subscribe', () => {
    expect([...state.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards contract channels and refuses any other name without touching IPC', async () => {
    expect(await api.invoke('profiles:list', {})).toEqual({ ok: true, value: 'profiles:list' });
    const refused = await api.invoke('electron-store-get-data' as 'profiles:list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(state.invoked.map((i) => i.channel)).toEqual(['profiles:list']);
  });

  it('delivers event payloads without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.subscribe('profiles:changed', (p) => seen.push(p));
    const deliver = (...args: unknown[]) => double.deliver('desk:event', ...args);
    deliver({ sender: 'secret-ipc-event' }, 'profiles:changed', {});
    deliver({ sender: 'secret-ipc-event' }, 'notices:changed', {});
    off();
    deliver({ sender: 'secret-ipc-event' }, 'profiles:changed', {});
    expect(seen).toEqual([{}]);
    expect(() => api.subscribe('raw:ipc' as 'profiles:changed', () => {})).toThrow(/Unknown event/);
  });
});

describe('preload names', () => {
  it('lists exactly the contract’s channels and events (the preload bundle carries no schema)', async () => {
    const { CHANNEL_NAMES, EVENT_NAMES } = await import('../../shared/ipc');
    const { CHANNEL_NAME_LIST, EVENT_NAME_LIST } = await import('../../shared/ipc-names');
    expect([...CHANNEL_NAME_LIST].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect([...EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort());
  });
});
