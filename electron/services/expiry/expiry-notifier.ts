/**
 * OS notifications for expiry watch: at start and once a day while the app runs, one notification
 * per crossed threshold per credential, never twice (what was sent is kept in the profile's 'expiry'
 * extension, so a restart does not repeat it). Also reminds, once, to delete the old secret in Entra
 * when a rotation's overlap period is over. Electron stays behind the NotificationPort.
 */
import { dueNotification, EXPIRED_KEY, type ExpiryItem } from '../../../shared/expiry';
import type { Clock, Logger } from '../ports';
import type { ProfileService } from '../profile-service';
import { readExpiryState, updateExpiryState, type ExpiryExtension } from './expiry-state';
import type { ExpiryService } from './expiry-service';

/** Shows one OS notification (Electron's Notification in the app). Returns false when it could not. */
export interface NotificationPort {
  notify(title: string, body: string): boolean | Promise<boolean>;
}

/** Timers, injected so tests can run "a day later" instantly. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending daily check must not keep a process (the CLI, a test) alive.
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export const DAY_MS = 86_400_000;
/** Entries for credentials that expired this long ago are forgotten. */
const PRUNE_AFTER_MS = 120 * DAY_MS;

export interface SentNotification {
  profileId: string;
  credentialId: string;
  /** Days, or 0 for "has expired", or -1 for the rotation reminder. */
  threshold: number;
  title: string;
  body: string;
}

export interface ExpiryNotifierOptions {
  expiry: ExpiryService;
  profiles: ProfileService;
  notifications: NotificationPort;
  clock: Clock;
  scheduler?: Scheduler;
  intervalMs?: number;
  logger?: Logger;
  /** After each round (e.g. tell the renderer to refresh its banners). */
  onChecked?(): void;
}

function title(profileName: string, item: ExpiryItem, threshold: number): string {
  const what = item.kind === 'client-secret' ? 'client secret' : 'SAML signing certificate';
  if (threshold === EXPIRED_KEY) return `${profileName}: the ${what} has expired`;
  return `${profileName}: the ${what} ${item.daysLeft === 0 ? 'expires today' : `expires in ${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'}`}`;
}

function body(item: ExpiryItem): string {
  const what = item.kind === 'client-secret'
    ? 'Federated sign-ins stop when it lapses (AADSTS7000222). Open Federation Desk and rotate the secret.'
    : 'The portal and Windows client sign-ins stop when it lapses. Make a new certificate active in Entra > Enterprise applications > the SAML app > Single sign-on.';
  return `${item.label} ${item.message}. ${what}`;
}

export class ExpiryNotifier {
  private timer: unknown = null;
  private running: Promise<SentNotification[]> | null = null;
  private stopped = false;

  constructor(private readonly o: ExpiryNotifierOptions) {}

  /** Check now, then once per interval (a day) until stop(). */
  start(): Promise<SentNotification[]> {
    this.stopped = false;
    return this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) (this.o.scheduler ?? realScheduler).clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round over every profile; joins a round already running. */
  runOnce(): Promise<SentNotification[]> {
    return (this.running ??= this.round().finally(() => (this.running = null)));
  }

  private async tick(): Promise<SentNotification[]> {
    let sent: SentNotification[] = [];
    try {
      sent = await this.runOnce();
    } catch (error) {
      this.o.logger?.warn(`Expiry watch could not check: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!this.stopped) this.timer = (this.o.scheduler ?? realScheduler).setTimeout(() => void this.tick(), this.o.intervalMs ?? DAY_MS);
    return sent;
  }

  private async round(): Promise<SentNotification[]> {
    const status = await this.o.expiry.status({});
    const now = this.o.clock.now();
    const out: SentNotification[] = [];
    for (const report of status.profiles) {
      const profileId = report.profileId;
      if (profileId === null) continue;
      let state: ExpiryExtension;
      try {
        state = readExpiryState(this.o.profiles.stored(profileId));
      } catch {
        continue; // deleted meanwhile
      }
      const toSend: { item: ExpiryItem; threshold: number; markSent: number[] }[] = [];
      for (const item of report.items) {
        const due = dueNotification(item, state.notified[item.credentialId]?.sent ?? [], report.policy.thresholds);
        if (due) toSend.push({ item, ...due });
      }
      const rotation = state.rotation;
      const remind = rotation?.stage === 'overlap' && rotation.overlapUntil !== null && Date.parse(rotation.overlapUntil) <= now.getTime() && !state.overlapReminded;
      if (toSend.length === 0 && !remind) continue;

      const delivered: typeof toSend = [];
      for (const n of toSend) {
        const t = title(report.profileName, n.item, n.threshold);
        const b = body(n.item);
        if (await this.deliver(t, b)) {
          delivered.push(n);
          out.push({ profileId, credentialId: n.item.credentialId, threshold: n.threshold, title: t, body: b });
        }
      }
      let reminded = false;
      if (remind) {
        const t = `${report.profileName}: delete the old client secret in Entra`;
        const b = `The new secret ${rotation.next?.hint ?? ''}… has been in use since ${rotation.next?.provenAt.slice(0, 10) ?? 'the rotation'}. Delete the old one${rotation.previous?.hint ? ` (${rotation.previous.hint}…)` : ''} in Certificates & secrets, then complete the rotation in Federation Desk.`;
        reminded = await this.deliver(t, b);
        if (reminded) out.push({ profileId, credentialId: 'rotation', threshold: -1, title: t, body: b });
      }
      try {
        updateExpiryState(this.o.profiles, profileId, (s) => {
          const notified = { ...s.notified };
          for (const n of delivered) {
            const prev = notified[n.item.credentialId]?.sent ?? [];
            notified[n.item.credentialId] = { expiresAt: n.item.expiresAt ?? '', sent: [...new Set([...prev, ...n.markSent])].sort((a, b) => b - a) };
          }
          for (const [id, entry] of Object.entries(notified)) if (Date.parse(entry.expiresAt) < now.getTime() - PRUNE_AFTER_MS) delete notified[id];
          return { ...s, notified, ...(reminded ? { overlapReminded: true } : {}) };
        });
      } catch {
        // The profile was deleted while we notified: nothing to remember.
      }
    }
    this.o.onChecked?.();
    return out;
  }

  private async deliver(t: string, b: string): Promise<boolean> {
    try {
      return await this.o.notifications.notify(t, b);
    } catch (error) {
      this.o.logger?.warn(`A notification could not be shown: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
