/**
 * What `check` and `audit` parse alike: which profiles (stored ones by name, --all, or the field
 * options), the secret (stdin or an environment variable, never an argument), the practice
 * tenant's sign-in user, and where requests go (--authority-host, --graph-host, --ca-file,
 * --proxy). One implementation, so a mistake gets the same message from either command; the
 * commands then only call the services and render what they return.
 */
import type { CloudId } from '../../shared/clouds';
import { normalizeAppId, normalizeTenantId, normalizeWebUrl, validateAppIds, validateSecret, validateTenantId, validateWebUrl, type FieldIssue } from '../../shared/profile';
import type { AppServices } from '../app-services';
import { cloudEndpoints } from '../services/check/probe-context';
import { hostPort, type PinnedCa } from '../services/http';
import { redact, registerSecret } from '../services/redact';
import type { NetworkOverrides, RunSubject } from '../services/run-environment';
import { cliServices } from './cli-services';
import { builtInSignInUser, isLoopbackOrigin, originOption, proxyOption, readCaFileOption, type Usage } from './options';
import { parseCliArgs, readStdin, UsageError, type CliIo } from './io';

/** The options both commands take; each adds its own. */
export const RUN_OPTIONS = {
  profile: { type: 'string', multiple: true },
  all: { type: 'boolean' },
  tenant: { type: 'string' },
  'saml-app': { type: 'string' },
  'api-app': { type: 'string' },
  'web-url': { type: 'string' },
  cloud: { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  'secret-env': { type: 'string' },
  'sign-in': { type: 'string' },
  'robot-user': { type: 'string' },
  'robot-password-env': { type: 'string' },
  'authority-host': { type: 'string' },
  'graph-host': { type: 'string' },
  'ca-file': { type: 'string' },
  proxy: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const FIELD_OPTIONS = ['tenant', 'saml-app', 'api-app', 'web-url', 'cloud'] as const;
const CLI_CLOUDS = ['global', 'usgov', 'china'] as const;

/** Profiles run at the same time in one process: enough to hide the network's round trips, few enough for a small proxy or tenant. */
export const PROFILE_CONCURRENCY = 4;

type RunValues = {
  profile?: string[];
  all?: boolean;
  tenant?: string;
  'saml-app'?: string;
  'api-app'?: string;
  'web-url'?: string;
  cloud?: string;
  'secret-stdin'?: boolean;
  'secret-env'?: string;
  'robot-user'?: string;
  'robot-password-env'?: string;
  'authority-host'?: string;
  'graph-host'?: string;
  'ca-file'?: string;
  proxy?: string;
  'data-dir'?: string;
};

/** Parse a command line with the shared options plus the command's own; refuses positionals (a secret pasted as an argument). */
export function parseRunArgs<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>(command: string, argv: string[], own: T, usage: Usage) {
  const { values, positionals } = parseCliArgs(command, argv, { ...RUN_OPTIONS, ...own }, true);
  if (positionals.length > 0) throw usage(`Unexpected argument "${redact(positionals[0] ?? '')}". The secret is never an argument: use --secret-stdin or --secret-env VAR.`);
  return values;
}

/** The hosts given on the command line; a loopback authority host (the simulator) serves Graph too. */
export function givenHosts(values: RunValues, usage: Usage): { authorityHost?: string; graphHost?: string } {
  const authorityHost = values['authority-host'] !== undefined ? originOption(usage, 'authority-host', values['authority-host']) : undefined;
  const graphHost = values['graph-host'] !== undefined ? originOption(usage, 'graph-host', values['graph-host']) : authorityHost && isLoopbackOrigin(authorityHost) ? authorityHost : undefined;
  return { ...(authorityHost ? { authorityHost } : {}), ...(graphHost ? { graphHost } : {}) };
}

/** The profiles to run: stored ones (--profile NAME, repeatable, or --all), or the one the field options describe. */
export interface Selection {
  services: AppServices;
  subjects: RunSubject[];
  /** True when the profiles are stored ones (results may be kept with them). */
  stored: boolean;
}

/**
 * Select what to run and open the services over the app's data folder (with the network options
 * applied). `webUrlBlocks` says which Web URL problems stop the run (the others are warnings).
 */
export function select(values: RunValues, io: CliIo, usage: Usage, o: { webUrlBlocks: (issue: FieldIssue) => boolean; clock?: AppServices['ports']['clock'] }): Selection {
  const names = values.profile ?? [];
  const byName = names.length > 0 || values.all === true;
  const fields = FIELD_OPTIONS.filter((k) => values[k] !== undefined);
  if (names.length > 0 && values.all) throw usage('--all already takes every stored profile: drop --profile, or drop --all.');
  if (byName && fields.length > 0)
    throw usage(
      `--profile takes every field from the stored profile, so ${fields.map((f) => `--${f}`).join(', ')} cannot be combined with it. Drop --profile to check the fields, or drop ${fields.length === 1 ? 'the field' : 'the fields'} to check the profile as stored.`,
    );
  if (values['data-dir'] !== undefined && !byName) throw usage('--data-dir only matters with --profile NAME or --all.');
  const network = networkOptions(values, io, usage);
  const services = cliServices({ ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}), stderr: io.stderr, network, ...(o.clock ? { clock: o.clock } : {}) });
  if (!byName) return { services, subjects: [fromFields(values, io, usage, o.webUrlBlocks)], stored: false };

  const list = services.profiles.list();
  for (const n of services.store.takeNotices()) io.stderr.write(redact(`${n.title}: ${n.message}\n`));
  const here = list.profiles.map((p) => `"${p.name}"`).join(', ');
  const none = `There are no profiles in ${services.ports.dataDir}.`;
  const chosen = values.all
    ? list.profiles
    : [...new Set(names.map((n) => n.trim()))].map((name) => {
        const found = list.profiles.find((p) => p.name.toLowerCase() === name.toLowerCase());
        if (!found) throw new UsageError(`No profile named "${name}". ${here ? `Profiles here: ${here}.` : none}`);
        return found;
      });
  if (chosen.length === 0) throw new UsageError(`--all found nothing to run. ${none}`);
  return { services, subjects: chosen.map((p) => ({ ...services.profiles.stored(p.id), name: p.name })), stored: true };
}

/** Endpoints, the CA file (trusted for the given hosts, else each cloud's), and the proxy. */
function networkOptions(values: RunValues, io: CliIo, usage: Usage): NetworkOverrides {
  const endpoints = givenHosts(values, usage);
  const proxy = proxyOption(usage, values.proxy, io.env);
  if (values['ca-file'] === undefined) return { endpoints, proxy };
  const caPem = readCaFileOption(usage, values['ca-file']);
  const extraCas = (cloud: CloudId): PinnedCa[] => {
    if (cloud === 'practice' && !endpoints.authorityHost) return [];
    const e = cloudEndpoints(cloud, endpoints);
    return [{ caPem, hosts: [...new Set([hostPort(new URL(e.authorityHost)), hostPort(new URL(e.graphHost))])] }];
  };
  return { endpoints, proxy, extraCas };
}

function fromFields(values: RunValues, io: CliIo, usage: Usage, webUrlBlocks: (issue: FieldIssue) => boolean): RunSubject {
  const missing = (['tenant', 'saml-app', 'api-app', 'web-url'] as const).filter((k) => !values[k]?.trim());
  if (missing.length > 0)
    throw usage(`Give either --profile NAME (or --all), or all of --tenant, --saml-app, --api-app and --web-url (missing: ${missing.map((m) => `--${m}`).join(', ')}).`);
  const cloud = values.cloud ?? 'global';
  if (!(CLI_CLOUDS as readonly string[]).includes(cloud)) throw usage(`--cloud must be one of ${CLI_CLOUDS.join(', ')} (got "${cloud}").`);
  const tenant = values.tenant ?? '';
  const webUrl = values['web-url'] ?? '';
  const issues = [...validateTenantId(tenant), ...validateAppIds(values['saml-app'] ?? '', values['api-app'] ?? '', tenant), ...validateWebUrl(webUrl)];
  const option = (field: string) => ({ tenantId: '--tenant', samlAppId: '--saml-app', clientId: '--api-app', webUrl: '--web-url' })[field] ?? field;
  const blocking = issues.filter((i) => i.severity === 'error' && (i.field !== 'webUrl' || webUrlBlocks(i)));
  if (blocking[0]) throw usage(`${option(blocking[0].field)}: ${blocking[0].message}`);
  if (!URL.canParse(webUrl.trim())) throw usage(`--web-url: "${webUrl}" is not a URL.`);
  for (const i of issues.filter((x) => !blocking.includes(x))) io.stderr.write(redact(`warning: ${option(i.field)}: ${i.message}\n`));
  return {
    id: null,
    // A configuration given by its fields has no name (the --json document says null).
    name: '',
    cloud: cloud as CloudId,
    tenantId: normalizeTenantId(tenant),
    clientId: normalizeAppId(values['api-app'] ?? ''),
    secretExpiresAt: null,
    target: 'octopus',
    samlAppId: normalizeAppId(values['saml-app'] ?? ''),
    webUrl: normalizeWebUrl(webUrl) || webUrl.trim(),
    allowedDomains: [],
    secret: { hint: null, updatedAt: null },
  };
}

/** The secret passed with --secret-env VAR or --secret-stdin, registered for redaction; null when neither. */
export async function readSecret(values: RunValues, io: CliIo, usage: Usage): Promise<string | null> {
  if (values['secret-stdin'] && values['secret-env'] !== undefined) throw usage('Pass the secret one way: --secret-stdin or --secret-env VAR, not both.');
  let secret: string | null = null;
  if (values['secret-env'] !== undefined) {
    const name = values['secret-env'];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw usage(`--secret-env takes the NAME of an environment variable (got "${name.slice(0, 3)}…"), never the secret itself.`);
    secret = io.env[name]?.trim() ?? '';
    if (secret === '') throw usage(`The environment variable ${name} (from --secret-env) is ${io.env[name] === undefined ? 'not set' : 'empty'}. Set it to the client secret's Value.`);
  } else if (values['secret-stdin']) {
    if (io.stdinIsTTY) io.stderr.write('Paste the client secret value, then press Enter and Ctrl+D (Ctrl+Z and Enter on Windows).\n');
    secret = (await readStdin(io)).trim();
    if (secret === '') throw usage('--secret-stdin was given, but stdin was empty. Pipe the client secret value in.');
  }
  if (secret) {
    registerSecret(secret);
    for (const issue of validateSecret({ raw: secret, secretStored: false })) io.stderr.write(redact(`warning: the client secret: ${issue.message}\n`));
  }
  return secret;
}

/**
 * `--sign-in robot`'s practice user: both options, or, for a built-in scenario's tenant, its user
 * (null here: the practice tenant the app starts brings its own). Checked before anything runs.
 */
export function robotUser(values: RunValues, io: CliIo, usage: Usage, subjects: RunSubject[]): (subject: RunSubject) => { username: string; password: string } | null {
  const user = values['robot-user'];
  const passwordEnv = values['robot-password-env'];
  if ((user === undefined) !== (passwordEnv === undefined)) throw usage('Give both --robot-user U and --robot-password-env VAR, or neither (for a built-in practice scenario).');
  if (user !== undefined && passwordEnv !== undefined) {
    const password = io.env[passwordEnv] ?? '';
    if (password === '') throw usage(`The environment variable ${passwordEnv} (from --robot-password-env) is ${io.env[passwordEnv] === undefined ? 'not set' : 'empty'}.`);
    registerSecret(password);
    return () => ({ username: user, password });
  }
  const started = (s: RunSubject) => s.cloud === 'practice' && values['authority-host'] === undefined;
  for (const s of subjects)
    if (!started(s) && !builtInSignInUser(s.tenantId.toLowerCase()))
      throw usage(
        `${s.tenantId} is not the tenant of a built-in practice scenario, so there is no default sign-in user: give --robot-user U and --robot-password-env VAR (the "signInUser" that "simulate" printed).`,
      );
  return (s) => (started(s) ? null : builtInSignInUser(s.tenantId.toLowerCase()));
}

/**
 * Where a sign-in may go: `robot` only to the practice tenant (a loopback --authority-host, or
 * practice profiles the CLI starts), `browser` never there (the system browser does not trust its CA).
 */
export function checkSignInTarget(mode: string, values: RunValues, usage: Usage, subjects: RunSubject[]): void {
  const given = givenHosts(values, usage).authorityHost;
  const practiceOnly = given ? isLoopbackOrigin(given) : subjects.every((s) => s.cloud === 'practice');
  if (mode === 'robot' && !practiceOnly)
    throw usage(
      `--sign-in robot signs in only to the practice tenant, so it needs --authority-host on a loopback address (https://127.0.0.1:PORT from "federation-desk simulate")${given ? `, not ${given}` : ''}, or practice profiles. It never types a password into the real Entra ID.`,
    );
  if (mode === 'browser' && (given ? isLoopbackOrigin(given) : subjects.some((s) => s.cloud === 'practice')))
    throw usage('--sign-in browser cannot sign in to the practice tenant: the system browser does not trust its certificate (only Federation Desk does). Use --sign-in robot.');
  if (mode !== 'robot' && (values['robot-user'] !== undefined || values['robot-password-env'] !== undefined)) throw usage('--robot-user and --robot-password-env only apply with --sign-in robot.');
}

/** Run `fn` over every item, at most `limit` at a time, results in the items' order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
