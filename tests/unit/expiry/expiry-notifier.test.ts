import { describe, expect, it } from 'vitest';
import { ExpiryNotifier, ExpiryService, createMetadataReader, readExpiryState } from '../../../electron/services/expiry';
import { DAY, ManualScheduler, TestClock, draft, fakeHttp, makeServices, metadataXml, signingCert } from './expiry-kit';

const START = new Date('2026-01-01T09:00:00.000Z');

async function setup(options: { certDays: number; secretDate?: string; thresholds?: number[] }) {
  const clock = new TestClock(START);
  const services = makeServices(clock);
  const cert = await signingCert(new Date(START.getTime() - 300 * DAY), new Date(START.getTime() + options.certDays * DAY));
  const reader = createMetadataReader({
    resolve: async () => ({ endpoints: { authorityHost: 'https://login.microsoftonline.com', graphHost: 'https://graph.microsoft.com' }, pinnedCas: [] }),
    clock,
    http: fakeHttp(() => ({ status: 200, body: metadataXml([cert.base64Der]) })),
  });
  const expiry = new ExpiryService({ profiles: services.profiles, practice: null, clock, reader });
  const profile = await services.profiles.save({
    draft: draft({ secretExpiresAt: options.secretDate ?? '' }),
    secret: options.secretDate ? { action: 'replace', value: 'Abc8Q~0123456789abcdefghijklmnopqrstuvwx' } : { action: 'keep' },
  });
  if (options.thresholds) await expiry.setPolicy(profile.id, { thresholds: options.thresholds, warnDays: Math.max(...options.thresholds), criticalDays: 7 });
  const shown: { title: string; body: string; day: number }[] = [];
  const scheduler = new ManualScheduler();
  let checked = 0;
  const notifier = new ExpiryNotifier({
    expiry,
    profiles: services.profiles,
    clock,
    scheduler,
    notifications: {
      notify: (title, body) => {
        shown.push({ title, body, day: Math.round((clock.now().getTime() - START.getTime()) / DAY) });
        return true;
      },
    },
    onChecked: () => checked++,
  });
  return { clock, services, expiry, profile, notifier, scheduler, shown, checked: () => checked };
}

describe('expiry notifications', () => {
  it('checks at start and then once a day; each threshold fires exactly once, and expiry once more', async () => {
    const s = await setup({ certDays: 65 });
    await s.notifier.start();
    expect(s.shown).toEqual([]);
    expect(s.scheduler.pending.map((p) => p.ms)).toEqual([DAY]);
    for (let day = 1; day <= 70; day++) {
      s.clock.advanceDays(1);
      s.scheduler.fire();
      await s.notifier.runOnce(); // joins the round the timer started
    }
    expect(s.shown.map((n) => n.day)).toEqual([5, 35, 51, 58, 64, 65]);
    expect(s.shown[0]?.title).toBe('Production: the SAML signing certificate expires in 60 days');
    expect(s.shown[4]?.title).toBe('Production: the SAML signing certificate expires in 1 day');
    expect(s.shown[5]?.title).toBe('Production: the SAML signing certificate has expired');
    expect(s.shown[0]?.body).toMatch(/Make a new certificate active in Entra/);
    expect(s.checked()).toBe(71);
    s.notifier.stop();
    expect(s.scheduler.pending).toEqual([]);
  });

  it('never repeats a threshold after a restart (what was sent is kept with the profile)', async () => {
    const s = await setup({ certDays: 20, secretDate: '2026-01-11' });
    await s.notifier.runOnce();
    expect(s.shown.map((n) => n.title)).toEqual(['Production: the client secret expires in 10 days', 'Production: the SAML signing certificate expires in 20 days']);
    expect(readExpiryState(s.services.profiles.stored(s.profile.id)).notified).toMatchObject({ 'secret:Abc:2026-01-11': { sent: [60, 30, 14] } });
    // A new notifier (the app restarted) on the same data: nothing new to say today.
    const again = new ExpiryNotifier({ expiry: s.expiry, profiles: s.services.profiles, clock: s.clock, scheduler: new ManualScheduler(), notifications: { notify: () => { throw new Error('must not be called'); } } });
    expect(await again.runOnce()).toEqual([]);
  });

  it('after weeks away it shows only the most urgent threshold, not every missed one', async () => {
    const s = await setup({ certDays: 5 });
    await s.notifier.runOnce();
    expect(s.shown.map((n) => n.title)).toEqual(['Production: the SAML signing certificate expires in 5 days']);
    s.clock.advanceDays(1);
    await s.notifier.runOnce();
    expect(s.shown).toHaveLength(1);
  });

  it('respects the profile’s own thresholds', async () => {
    const s = await setup({ certDays: 45, thresholds: [40, 3] });
    await s.notifier.runOnce();
    expect(s.shown).toEqual([]);
    s.clock.advanceDays(5);
    await s.notifier.runOnce();
    expect(s.shown.map((n) => n.title)).toEqual(['Production: the SAML signing certificate expires in 40 days']);
  });

  it('tries again next round when the OS could not show the notification', async () => {
    const s = await setup({ certDays: 10 });
    const failing = new ExpiryNotifier({ expiry: s.expiry, profiles: s.services.profiles, clock: s.clock, notifications: { notify: () => false } });
    expect(await failing.runOnce()).toEqual([]);
    await s.notifier.runOnce();
    expect(s.shown).toHaveLength(1);
  });
});
