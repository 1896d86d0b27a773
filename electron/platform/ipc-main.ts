/**
 * Registers one ipcMain handler per channel of the contract. Each checks the sender is our own main
 * frame, then hands the payload to `dispatch` (which validates it against the channel's schema).
 */
import { ipcMain, type WebContents } from 'electron';
import { CHANNEL_NAMES, type EventName, type EventOf } from '../../shared/ipc';
import { dispatch, type HandlerTable } from '../ipc-handlers';
import { isTrustedSender } from './security';

export const EVENT_CHANNEL = 'desk:event';

export function registerIpcHandlers(table: HandlerTable, log: (message: string) => void): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, async (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        log(`Refused ${name} from an untrusted frame: ${event.senderFrame?.url ?? 'unknown'}`);
        return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Federation Desk window.' } };
      }
      return dispatch(table, name, payload, log);
    });
  }
}

/** Send an event to a window's renderer (the preload's subscribe() delivers it). */
export function sendEvent<E extends EventName>(contents: WebContents | undefined, event: E, payload: EventOf<E>): void {
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
}
