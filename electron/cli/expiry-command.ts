/**
 * `federation-desk expiry`: the client secret's and the SAML signing certificates' expiry, for
 * schedulers and monitoring (Nagios plugin conventions). The same sources and policy as the app's
 * banner and notifications (shared/expiry.ts, electron/services/expiry).
 *
 * Exit codes follow the Nagios plugin guidelines: 0 OK, 1 WARNING, 2 CRITICAL (expired or within the
 * critical days), 3 UNKNOWN. A usage error is UNKNOWN (3) too, as those guidelines ask, not the 2 other
 * commands use: a monitor must never read a typo as CRITICAL.
 */
import { originOption, readCaFileOption } from './options';
import { DEFAULT_POLICY, nagiosCode, nagiosLabel, normalizePolicy, worst, type ExpiryItem, type ExpiryPolicy, type ExpiryState, type ProfileExpiry } from '../../shared/expiry';
import type { CloudId } from '../../shared/clouds';
import { isIsoDate, normalizeAppId, normalizeTenantId, validateAppIds, validateTenantId } from '../../shared/profile';
import { readExpiryState } from '../services/expiry/expiry-state';
import { hostPort, proxyFromEnv, type PinnedCa } from '../services/http';
import { systemClock, type Clock } from '../services/ports';
import { cliServices } from './cli-services';
import { parseCliArgs, UsageError, writeJson, type CliCommand, type CliIo } from './io';

const HELP = `
Usage: federation-desk expiry --profile NAME | --all | --tenant ID --saml-app ID [options]

When do the client secret and the SAML signing certificates expire? One line per credential in
Nagios plugin style, worst first, and a Nagios exit code, for Windows Task Scheduler, cron,
Nagios, Icinga, PRTG or any monitor that runs a command.

What to watch:
  --profile NAME          A profile stored by the app (in --data-dir).
  --all                   Every stored profile.
  --tenant ID             Or the fields: Directory (tenant) ID or verified domain,
  --saml-app ID           the SAML-OpenID app's Application (client) ID (its certificates are read
                          from the public app federation metadata: no sign-in, no secret),
  --secret-expires DATE   and the client secret's expiry (yyyy-mm-dd, the Expires column in
                          Certificates & secrets). Also overrides a stored profile's date.
  --cloud global|usgov|china  National cloud (default global).
  --data-dir DIR          Where the app's profiles are (default: the app's data folder).
  A stored profile's last registration audit (federation-desk audit, or the app's) adds every
  client secret of the API app with Entra's own end date, which replaces the typed date.

Policy (defaults: the profile's own, else warning at 60 days, critical at 7):
  --warn-days N           WARNING when N days or fewer are left.
  --critical-days N       CRITICAL when N days or fewer are left (and when expired).

Endpoints (the practice tenant, a test CA):
  --authority-host URL    Sign-in host instead of the cloud's (e.g. the simulator's authorityHost).
  --graph-host URL        Microsoft Graph host instead of the cloud's.
  --ca-file PEM           Trust this CA for the --authority-host host:port only.

Output:
  --json                  One JSON document on stdout:
                          {"items":[{"profile","kind":"client-secret|saml-signing-certificate",
                          "source":"typed|federation-metadata|graph","expiresAt","daysLeft","state",
                          "label","message",...}],"worst":"ok|warning|critical|expired|unknown",
                          "checkedAt"}. "profile" is null in the fields mode.
  --help                  This text.

States: expired (the date has passed), critical (<= critical days), warning (<= warn days), ok,
unknown (no date recorded, or the metadata could not be read: the line says why).

Exit codes (Nagios): 0 OK, 1 WARNING, 2 CRITICAL or expired, 3 UNKNOWN (including usage errors).
The worst item decides: expired > critical > warning > unknown > ok.
`;

const OPTIONS = {
  profile: { type: 'string' },
  all: { type: 'boolean' },
  tenant: { type: 'string' },
  'saml-app': { type: 'string' },
  'secret-expires': { type: 'string' },
  cloud: { type: 'string' },
  'warn-days': { type: 'string' },
  'critical-days': { type: 'string' },
  'authority-host': { type: 'string' },
  'graph-host': { type: 'string' },
  'ca-file': { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const CLI_CLOUDS = ['global', 'usgov', 'china'] as const;
const usage = (message: string) => new UsageError(`${message} Run "federation-desk expiry --help".`);

/** One item of the --json document. */
export interface ExpiryJsonItem {
  profile: string | null;
  kind: ExpiryItem['kind'];
  source: ExpiryItem['source'];
  expiresAt: string | null;
  daysLeft: number | null;
  state: ExpiryState;
  label: string;
  message: string;
  thumbprint?: string;
  newest?: boolean;
  reason?: string;
}

export interface ExpiryDocument {
  items: ExpiryJsonItem[];
  worst: ExpiryState;
  checkedAt: string;
  error?: string;
}

function days(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/.test(value.trim())) throw usage(`--${name} takes a whole number of days from 0 to 730 (got "${value}").`);
  const n = Number(value.trim());
  if (n > 730) throw usage(`--${name} takes a whole number of days from 0 to 730 (got ${n}).`);
  return n;
}



/** The policy for one profile: its own (or the defaults), with --warn-days / --critical-days applied. */
function withOverrides(base: ExpiryPolicy, warnDays: number | undefined, criticalDays: number | undefined): ExpiryPolicy {
  const policy = normalizePolicy({ ...base, ...(warnDays !== undefined ? { warnDays } : {}), ...(criticalDays !== undefined ? { criticalDays } : {}) });
  if (policy.criticalDays > policy.warnDays)
    throw usage(`--critical-days (${policy.criticalDays}) must not be more than the warning days (${policy.warnDays}); pass --warn-days too.`);
  return policy;
}

const ORDER: Record<ExpiryState, number> = { expired: 0, critical: 1, warning: 2, unknown: 3, ok: 4 };

/** The --json document of some reports, items worst first. */
export function expiryDocument(reports: ProfileExpiry[], checkedAt: string): ExpiryDocument {
  const items = reports
    .flatMap((r) => r.items.map((i) => ({ r, i })))
    .sort((a, b) => ORDER[a.i.state] - ORDER[b.i.state] || (a.i.daysLeft ?? 0) - (b.i.daysLeft ?? 0))
    .map(({ r, i }): ExpiryJsonItem => ({
      profile: r.profileId === null ? null : r.profileName,
      kind: i.kind,
      source: i.source,
      expiresAt: i.expiresAt,
      daysLeft: i.daysLeft,
      state: i.state,
      label: i.label,
      message: i.message,
      ...(i.thumbprint ? { thumbprint: i.thumbprint } : {}),
      ...(i.newest !== undefined ? { newest: i.newest } : {}),
      ...(i.reason && i.state === 'unknown' ? { reason: i.reason } : {}),
    }));
  return { items, worst: worst(items.map((i) => i.state)), checkedAt };
}

/** Nagios lines: the first is the worst item (what a monitor shows), the others follow. */
export function nagiosLines(doc: ExpiryDocument, emptyReason: string): string[] {
  if (doc.items.length === 0) return [`EXPIRY UNKNOWN - ${emptyReason}`];
  return doc.items.map((i) => `EXPIRY ${nagiosLabel(i.state)} - ${i.profile ? `${i.profile}: ` : ''}${i.label} ${i.message}`);
}

function fail(io: CliIo, json: boolean, message: string, clock: Clock): number {
  io.stderr.write(`federation-desk expiry: ${message}\n`);
  if (json) writeJson(io, { items: [], worst: 'unknown', checkedAt: clock.now().toISOString(), error: message } satisfies ExpiryDocument);
  else io.stdout.write(`EXPIRY UNKNOWN - ${message}\n`);
  return 3;
}

/** The command, with its clock injectable (tests). */
export function makeExpiryCommand(deps: { clock?: Clock } = {}): CliCommand {
  const clock = deps.clock ?? systemClock;
  return {
    name: 'expiry',
    summary: 'Secret and SAML certificate expiry for schedulers and monitoring (Nagios exit codes)',
    help: HELP,
    async run(argv, io) {
      const json = argv.includes('--json');
      try {
        return await run(argv, io, clock);
      } catch (error) {
        return fail(io, json, error instanceof Error ? error.message : String(error), clock);
      }
    },
  };
}

async function run(argv: string[], io: CliIo, clock: Clock): Promise<number> {
  const { values, positionals } = parseCliArgs('expiry', argv, OPTIONS, true);
  if (positionals.length > 0) throw usage(`Unexpected argument "${positionals[0] ?? ''}".`);
  const fieldsGiven = (['tenant', 'saml-app', 'cloud'] as const).filter((k) => values[k] !== undefined);
  const modes = [values.profile !== undefined, values.all === true, fieldsGiven.length > 0].filter(Boolean).length;
  if (modes === 0) throw usage('Say what to watch: --profile NAME, --all, or --tenant ID --saml-app ID.');
  if (modes > 1) throw usage('Use one of --profile NAME, --all, or the fields (--tenant, --saml-app, --cloud), not several.');
  const warnDays = days('warn-days', values['warn-days']);
  const criticalDays = days('critical-days', values['critical-days']);
  withOverrides(DEFAULT_POLICY, warnDays, criticalDays); // refuse critical > warning before any work
  const secretExpires = values['secret-expires']?.trim();
  if (secretExpires !== undefined && !isIsoDate(secretExpires)) throw usage(`--secret-expires takes a date as yyyy-mm-dd (got "${secretExpires}").`);
  if (values.all && secretExpires !== undefined) throw usage('--secret-expires belongs to one secret: use it with --profile or the fields, not --all.');

  const authorityHost = values['authority-host'] !== undefined ? originOption(usage, 'authority-host', values['authority-host']) : undefined;
  const graphHost = values['graph-host'] !== undefined ? originOption(usage, 'graph-host', values['graph-host']) : authorityHost;
  let extraCas: ((cloud: CloudId) => PinnedCa[]) | undefined;
  if (values['ca-file'] !== undefined) {
    if (!authorityHost) throw usage('--ca-file is trusted for --authority-host only: give that too.');
    const hosts = [...new Set([authorityHost, graphHost ?? authorityHost].map((h) => hostPort(new URL(h))))];
    const pinned = [{ caPem: readCaFileOption(usage, values['ca-file']), hosts }];
    extraCas = () => pinned;
  }

  // The app's own services, the network options applied (the same ExpiryService the app's watch uses).
  const services = cliServices({
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    stderr: io.stderr,
    clock,
    network: { endpoints: { ...(authorityHost ? { authorityHost } : {}), ...(graphHost ? { graphHost } : {}) }, proxy: proxyFromEnv(io.env), ...(extraCas ? { extraCas } : {}) },
  });
  const expiry = services.expiry;
  try {
    let reports: ProfileExpiry[];
    let emptyReason = 'nothing to watch.';
    if (fieldsGiven.length > 0) {
      const tenant = values.tenant ?? '';
      const saml = values['saml-app'] ?? '';
      if (!tenant.trim() || !saml.trim()) throw usage('The fields mode needs both --tenant ID and --saml-app ID.');
      const cloud = values.cloud ?? 'global';
      if (!(CLI_CLOUDS as readonly string[]).includes(cloud)) throw usage(`--cloud must be one of ${CLI_CLOUDS.join(', ')} (got "${cloud}").`);
      const issue = [...validateTenantId(tenant), ...validateAppIds(saml, saml, tenant).filter((i) => i.field === 'samlAppId')].find((i) => i.severity === 'error');
      if (issue) throw usage(`--${issue.field === 'tenantId' ? 'tenant' : 'saml-app'}: ${issue.message}`);
      const target = {
        profileId: null,
        profileName: normalizeTenantId(tenant),
        cloud: cloud as CloudId,
        tenantId: normalizeTenantId(tenant),
        samlAppId: normalizeAppId(saml),
        clientId: null,
        secretExpiresAt: secretExpires ?? null,
        secretHint: null,
        secretStored: false,
      };
      reports = [await expiry.evaluateTarget(target, withOverrides(DEFAULT_POLICY, warnDays, criticalDays))];
    } else {
      const list = services.profiles.list();
      for (const n of services.store.takeNotices()) io.stderr.write(`${n.title}: ${n.message}\n`);
      let chosen = list.profiles;
      if (values.profile !== undefined) {
        const wanted = values.profile.trim().toLowerCase();
        chosen = list.profiles.filter((p) => p.name.toLowerCase() === wanted);
        if (chosen.length === 0) {
          const names = list.profiles.map((p) => `"${p.name}"`).join(', ');
          throw new Error(`No profile named "${values.profile}". ${names ? `Profiles here: ${names}.` : `There are no profiles in ${services.ports.dataDir}.`}`);
        }
      }
      emptyReason = `there are no profiles in ${services.ports.dataDir}.`;
      reports = [];
      for (const view of chosen) {
        const stored = services.profiles.stored(view.id);
        const profile = secretExpires !== undefined ? { ...stored, secretExpiresAt: secretExpires } : stored;
        const policy = withOverrides(readExpiryState(stored).policy ?? DEFAULT_POLICY, warnDays, criticalDays);
        reports.push(await expiry.reportFor(profile, { policy }));
      }
    }
    const doc = expiryDocument(reports, clock.now().toISOString());
    if (values.json) writeJson(io, doc);
    else io.stdout.write(`${nagiosLines(doc, emptyReason).join('\n')}\n`);
    return doc.items.length === 0 ? 3 : nagiosCode(doc.worst);
  } finally {
    await services.practice.stop();
  }
}

export const expiryCommand: CliCommand = makeExpiryCommand();
