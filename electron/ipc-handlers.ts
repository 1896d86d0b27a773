/**
 * The handler table: one function per channel of the contract, each receiving an already-validated
 * request. `dispatch` is the single way in, used by ipcMain in the app and by the test harness, so
 * both validate exactly the same way.
 */
import { z } from 'zod';
import { channels, DeskError, type ChannelName, type Channels, type Envelope, type ResponseOf } from '../shared/ipc';
import { isAllowedExternalUrl } from '../shared/clouds';
import { exportProfile } from '../shared/profile-export';
import type { AppServices } from './app-services';
import { redact } from './services/redact';

export type Handler<C extends ChannelName> = (request: z.output<Channels[C]['request']>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** Every channel's implementation over the services. */
export function createHandlers(s: AppServices): HandlerTable {
  return {
    'app:info': () => s.appInfo(),
    'notices:dismiss': ({ id }) => {
      s.dismissNotice(id);
      return { ok: true as const };
    },
    'profiles:list': () => s.profiles.list(),
    'profiles:save': (req) => s.profiles.save(req),
    'profiles:rename': ({ id, name }) => s.profiles.rename(id, name),
    'profiles:duplicate': ({ id }) => s.profiles.duplicate(id),
    'profiles:delete': async ({ id }) => {
      await s.profiles.delete(id);
      return { ok: true as const };
    },
    'profiles:quarantine-repair': ({ key }) => s.profiles.repairQuarantined(key),
    'profiles:quarantine-delete': ({ key }) => {
      s.profiles.deleteQuarantined(key);
      return { ok: true as const };
    },
    'profiles:select': ({ id }) => {
      s.profiles.select(id);
      return { ok: true as const };
    },
    'diagnose:text': (req) => s.diagnose.diagnoseText(req),
    'diagnose:catalog': (req) => s.diagnose.searchCatalog(req),
    'support:summary': ({ profileId }) => s.support.summary(profileId),
    'settings:network-get': () => s.settings.network(),
    'settings:network-set': (req) => s.settings.setNetwork(req),
    'settings:choose-ca-file': async () => {
      if (!s.ports.chooseFile) throw new DeskError('unavailable', 'There is no file dialog here: type the path of the CA certificate file.');
      return { path: await s.ports.chooseFile({ title: 'Choose the CA certificate (PEM)', filters: [{ name: 'Certificates', extensions: ['pem', 'crt', 'cer'] }] }) };
    },
    'settings:appearance-get': () => s.settings.appearance(),
    'settings:appearance-set': (req) => {
      const saved = s.settings.setAppearance(req);
      s.ports.applyTheme?.(saved.theme);
      return saved;
    },
    'settings:updates-get': () => s.settings.updates(),
    'settings:updates-set': (req) => s.settings.setUpdates(req),
    'check:run': async ({ profileId }) => ({ outcome: (await s.checks.run(profileId)).outcome }),
    'check:cancel': ({ profileId }) => {
      s.checks.cancel(profileId);
      return { ok: true as const };
    },
    'check:state': ({ profileId }) => s.checks.state(profileId),
    'modes:get': ({ profileId }) => s.modes.get(profileId),
    'modes:set': ({ profileId, scope, mode }) => s.modes.set(profileId, scope, mode),
    'profiles:export-settings': ({ profileId }) => {
      const profile = s.profiles.get(profileId);
      const doc = exportProfile(profile, s.ports.clock.now());
      const safeName = profile.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
      return { fileName: `${safeName}.federation-desk.json`, json: `${JSON.stringify(doc, null, 2)}\n` };
    },
    'practice:scenarios': () => s.practice.scenarios(),
    'practice:values': ({ scenario }) => {
      if (!s.practice.isScenario(scenario)) throw new DeskError('not-found', `There is no practice scenario named "${scenario}".`);
      return s.practice.values(scenario);
    },
    'expiry:status': (req) => s.expiry.status(req),
    'expiry:set-policy': ({ profileId, policy }) => s.expiry.setPolicy(profileId, policy),
    'rotation:start': ({ profileId }) => s.rotation.start(profileId),
    'rotation:prove': ({ profileId, secret, expiresAt }) => s.rotation.prove(profileId, secret, expiresAt),
    'rotation:complete': ({ profileId }) => s.rotation.complete(profileId),
    'rotation:abandon': ({ profileId }) => s.rotation.abandon(profileId),
    'audit:run': ({ profileId }) => s.audit.run(profileId),
    'audit:cancel': ({ profileId }) => {
      s.audit.cancel(profileId);
      return { ok: true as const };
    },
    'audit:state': ({ profileId }) => s.audit.state(profileId),
    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url))
        throw new DeskError('forbidden', `Federation Desk opens only https links to Microsoft sign-in, admin and documentation sites; this link was not opened: ${url}`);
      await s.ports.openExternal(url);
      return { ok: true as const };
    },
  };
}

/**
 * Validate `payload` against the channel's schema, run its handler, and wrap the outcome in an
 * envelope. Never throws: a bad payload, a refused action and a crash each become a typed error.
 */
export async function dispatch(table: HandlerTable, channelName: string, payload: unknown, log?: (message: string) => void): Promise<Envelope<unknown>> {
  if (!Object.hasOwn(channels, channelName))
    return { ok: false, error: { code: 'invalid-payload', message: `Unknown channel "${channelName}".` } };
  const name = channelName as ChannelName;
  const parsed = channels[name].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(request)');
    return {
      ok: false,
      error: {
        code: 'invalid-payload',
        message: `The request to ${name} was malformed: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`,
        paths,
      },
    };
  }
  try {
    const handler = table[name] as (request: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof DeskError)
      return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    const message = redact(error instanceof Error ? error.message : String(error));
    log?.(`${name} failed: ${redact(error instanceof Error ? (error.stack ?? message) : message)}`);
    return { ok: false, error: { code: 'internal', message: `Something went wrong in ${name}: ${message}` } };
  }
}
