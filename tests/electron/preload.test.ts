// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskApi } from '../../shared/ipc';

const stub = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }));
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke,
      on: (channel: string, l: (...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
      removeListener: (channel: string, l: (...args: unknown[]) => void) => listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== l)),
    },
  };
  return { electron, exposed, listeners, invoke };
});
vi.mock('electron', () => ({ ...stub.electron, default: stub.electron }));

let api: DeskApi;
beforeAll(async () => {
  await import('../../electron/preload');
  api = stub.exposed.get('api') as DeskApi;
});

describe('preload bridge', () => {
  it('exposes only window.api with invoke and subscribe', () => {
    expect([...stub.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards contract channels and refuses any other name without touching IPC', async () => {
    expect(await api.invoke('profiles:list', {})).toEqual({ ok: true, value: 'profiles:list' });
    const refused = await api.invoke('electron-store-get-data' as 'profiles:list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(stub.invoke).toHaveBeenCalledTimes(1);
  });

  it('delivers event payloads without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.subscribe('profiles:changed', (p) => seen.push(p));
    const deliver = (...args: unknown[]) => (stub.listeners.get('desk:event') ?? []).forEach((l) => l(...args));
    deliver({ sender: 'secret-ipc-event' }, 'profiles:changed', {});
    deliver({ sender: 'secret-ipc-event' }, 'notices:changed', {});
    off();
    deliver({ sender: 'secret-ipc-event' }, 'profiles:changed', {});
    expect(seen).toEqual([{}]);
    expect(() => api.subscribe('raw:ipc' as 'profiles:changed', () => {})).toThrow(/Unknown event/);
  });
});
