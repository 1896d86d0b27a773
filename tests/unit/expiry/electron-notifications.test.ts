/** The NotificationPort over Electron's Notification, with electron stubbed (no binary here). */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const stub = vi.hoisted(() => {
  const shown: { title: string; body: string }[] = [];
  const listeners: Record<string, () => void> = {};
  let supported = true;
  class Notification {
    static isSupported() {
      return supported;
    }
    constructor(private readonly o: { title: string; body: string }) {}
    on(event: string, fn: () => void) {
      listeners[event] = fn;
      return this;
    }
    show() {
      shown.push(this.o);
    }
  }
  return { shown, listeners, Notification, setSupported: (v: boolean) => (supported = v) };
});
vi.mock('electron', () => ({ Notification: stub.Notification }));

import { electronNotifications } from '../../../electron/platform/notifications';

describe('electronNotifications', () => {
  beforeEach(() => {
    stub.shown.length = 0;
    stub.setSupported(true);
  });

  it('shows the notification and wires the click', () => {
    const onClick = vi.fn();
    expect(electronNotifications({ onClick }).notify('Production: the client secret expires in 7 days', 'Rotate it.')).toBe(true);
    expect(stub.shown).toEqual([{ title: 'Production: the client secret expires in 7 days', body: 'Rotate it.' }]);
    stub.listeners.click?.();
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('says false where the OS has no notifications, so the threshold is tried again later', () => {
    stub.setSupported(false);
    expect(electronNotifications().notify('t', 'b')).toBe(false);
    expect(stub.shown).toEqual([]);
  });
});
