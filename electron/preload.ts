/**
 * The only bridge between the renderer and main: `window.api` with exactly two functions, typed by
 * the contract. No raw ipcRenderer, no event objects cross the bridge (Electron security guide,
 * "Do not expose Electron APIs to untrusted web content": https://www.electronjs.org/docs/latest/tutorial/security).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskApi } from '../shared/ipc';
import { CHANNEL_NAME_LIST, EVENT_NAME_LIST } from '../shared/ipc-names';

const EVENT_CHANNEL = 'desk:event';
const channelSet = new Set<string>(CHANNEL_NAME_LIST);
const eventSet = new Set<string>(EVENT_NAME_LIST);

const api: DeskApi = {
  invoke(channel, request) {
    if (!channelSet.has(channel)) return Promise.resolve({ ok: false, error: { code: 'invalid-payload', message: `Unknown channel "${String(channel)}".` } });
    return ipcRenderer.invoke(channel, request);
  },
  subscribe(event, listener) {
    if (!eventSet.has(event)) throw new Error(`Unknown event "${String(event)}".`);
    const handler = (_e: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
