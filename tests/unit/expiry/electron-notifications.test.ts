/** The NotificationPort over Electron's Notification, with electron stubbed (no binary here). */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/electron-double')).electronModule());
const { state } = (await import('../../helpers/electron-double')).double;

const { electronNotifications } = await import('../../../electron/platform/notifications');

describe('electronNotifications', () => {
  beforeEach(() => {
    state.notifications.shown.length = 0;
    state.notifications.supported = true;
  });

  it('shows the notification and wires the click', () => {
    const onClick = vi.fn();
    expect(electronNotifications({ onClick }).notify('Production: the client secret expires in 7 days', 'Rotate it.')).toBe(true);
    expect(state.notifications.shown).toEqual([{ title: 'Production: the client secret expires in 7 days', body: 'Rotate it.' }]);
    state.notifications.listeners.get('click')?.();
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('says false where the OS has no notifications, so the threshold is tried again later', () => {
    state.notifications.supported = false;
    expect(electronNotifications().notify('t', 'b')).toBe(false);
    expect(state.notifications.shown).toEqual([]);
  });
});
