/**
 * `federation-desk audit`: the registration audit headless, over the same runner and rules as the
 * app (electron/services/audit). Signs in to Microsoft Graph as a public client: the practice
 * tenant's robot (`--sign-in robot`), or the system browser with MSAL's loopback server
 * (`--sign-in browser`, real tenants). The secret is never needed: its first characters (from a
 * stored profile, or --secret-env / --secret-stdin) only tell which of the app's secrets is in use.
 * With --profile, the report is kept with the profile, as the app keeps it (the `expiry` command
 * and the app's expiry watch read the secrets' end dates from it).
 */
import { originOption, readCaFileOption, proxyOption, isLoopbackOrigin, builtInSignInUser } from './options';
import { openInSystemBrowser } from './system-browser';
import { AUDIT_APP_LABELS, GRAPH_CLI_CLIENT_ID, type AuditFinding, type AuditReport, type AuditStatus } from '../../shared/audit';
import { isAllowedExternalUrl, type CloudId } from '../../shared/clouds';
import { isGuid, normalizeAppId, normalizeTenantId, normalizeWebUrl, secretHint, validateAppIds, validateTenantId, validateWebUrl } from '../../shared/profile';
import { AUDIT_EXTENSION, browserTokenSource, driverTokenSource, runAudit, type AuditTarget, type GraphTokenSource } from '../services/audit';
import { cloudEndpoints } from '../services/check/probe-context';
import { robotSignInDriver } from '../services/check/robot-sign-in';
import { createHttpClient, hostPort, type PinnedCa } from '../services/http';
import { systemClock, type Clock } from '../services/ports';
import { redact, redactValue, registerSecret } from '../services/redact';
import { cliServices } from './cli-services';
import { parseCliArgs, readStdin, UsageError, writeJson, type CliCommand, type CliIo } from './io';

const HELP = `
Usage: federation-desk audit --profile NAME [options]
       federation-desk audit --tenant ID --saml-app ID --api-app ID --web-url URL
                             [--cloud global|usgov|china] [options]

Registration audit: reads both app registrations and their enterprise applications through
Microsoft Graph and checks every Entra-side step of the setup guide, one line per step:

  API app:          redirect-uri, public-client-flows, client-secret, api-permissions,
                    admin-consent, app-id-uri, enterprise-app, assignment, email-claim,
                    implicit-grant
  SAML-OpenID app:  enterprise-app, saml-sso-mode, saml-certificate, assignment

Each step is passed, warning, failed, or unknown (Graph could not be read; the line says why),
with the fix and a link to the exact admin-center blade.

The configuration:
  --profile NAME            A profile stored by the app (in --data-dir). Not combined with the
                            field options below.
  --tenant ID               Directory (tenant) ID or verified domain.
  --saml-app ID             Application (client) ID of the SAML-OpenID app.
  --api-app ID              Application (client) ID of the API app.
  --web-url URL             The Octopus Web URL (the API app's redirect URI, byte for byte).
  --cloud global|usgov|china  National cloud (default global).
  --data-dir DIR            Where the app's profiles are (default: the app's data folder).
  --secret-env VAR          Optional, fields mode: the client secret, only to tell by its first
  --secret-stdin            characters which of the API app's secrets is in use (never sent).

Signing in to Microsoft Graph (delegated Application.Read.All and Directory.Read.All, as a
public client; both need admin consent once per tenant):
  --sign-in browser         Default for real tenants. Opens the system browser at the Entra
                            sign-in page; MSAL's loopback server on http://localhost catches the
                            answer. The URL is also printed on stderr, to open by hand where no
                            browser starts (e.g. over SSH, open it on a machine that can reach
                            this one's localhost). Waits up to 5 minutes; Ctrl+C cancels.
  --sign-in robot           Default for a loopback --authority-host: signs in through the
                            practice tenant's page over HTTP. Only against the simulator.
  --robot-user U            The practice user, with
  --robot-password-env VAR  the environment variable holding that user's password. Give both,
                            or neither (a built-in scenario's tenant: its sign-in user).
  --client-id ID            The public client to sign in with (default Microsoft Graph Command
                            Line Tools, ${GRAPH_CLI_CLIENT_ID}). Yours must be a public client
                            with the redirect URI http://localhost.

Endpoints and network:
  --authority-host URL      Sign-in host instead of the cloud's (the simulator's authorityHost).
  --graph-host URL          Microsoft Graph host instead of the cloud's. Defaults to
                            --authority-host when that is a loopback address.
  --ca-file PEM             Trust this CA, only for the authority and Graph host:ports.
  --proxy URL               HTTP proxy for HTTPS (default HTTPS_PROXY / HTTP_PROXY, NO_PROXY).

Output:
  --json                    One JSON document on stdout:
                            {"profile","auditedAt","signedInAs","signIn","outcome","problem",
                             "findings":[{"id","app":"api|saml","title","status","summary",
                             "fix","link","value"}],"secrets":[{"keyId","hint","endDateTime",
                             "stored",...}]}
                            "link" is the admin-center URL (or null), "value" what to paste
                            (the redirect URI, api://{appId}) or null.
  --allow-warnings          Exit 0 when nothing failed or is unknown, even with warnings.
  --help                    This text.

Exit codes: 0 clean (every step passed; with --allow-warnings, warnings too), 1 findings (a step
failed, warns, or could not be read, including a sign-in that did not complete), 2 usage error.
Warnings count as findings by default: an expiring secret or a leftover secret is exactly what a
scheduled audit should report.
`;

const OPTIONS = {
  profile: { type: 'string' },
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
  'client-id': { type: 'string' },
  'authority-host': { type: 'string' },
  'graph-host': { type: 'string' },
  'ca-file': { type: 'string' },
  proxy: { type: 'string' },
  'data-dir': { type: 'string' },
  'allow-warnings': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const FIELD_OPTIONS = ['tenant', 'saml-app', 'api-app', 'web-url', 'cloud'] as const;
const CLI_CLOUDS = ['global', 'usgov', 'china'] as const;
const MARKERS: Record<AuditStatus, string> = { passed: '✓', warning: '!', failed: '✗', unknown: '?' };

/** Timeouts: per Graph request, and for the whole sign-in (a person in a browser). */
export const AUDIT_TIMEOUTS = { requestMs: 20_000, signInMs: 5 * 60_000 };

const usage = (message: string) => new UsageError(`${message} Run "federation-desk audit --help".`);






interface Configuration {
  name: string | null;
  target: AuditTarget;
  /** The stored profile's id, and where to keep its report (so `expiry` and the app see the secrets' dates). */
  stored?: { id: string; save(report: AuditReport): void };
}

function fromProfile(name: string, dataDir: string | undefined, io: CliIo): Configuration & { practiceScenario: string | undefined } {
  const services = cliServices({ ...(dataDir ? { dataDir } : {}), stderr: io.stderr });
  const list = services.profiles.list();
  for (const n of services.store.takeNotices()) io.stderr.write(redact(`${n.title}: ${n.message}\n`));
  const p = list.profiles.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!p) {
    const names = list.profiles.map((x) => `"${x.name}"`).join(', ');
    throw new UsageError(`No profile named "${name}". ${names ? `Profiles here: ${names}.` : `There are no profiles in ${services.ports.dataDir}.`}`);
  }
  return {
    name: p.name,
    stored: { id: p.id, save: (report) => services.profiles.updateExtension(p.id, AUDIT_EXTENSION, () => report) },
    practiceScenario: p.practiceScenario,
    target: { cloud: p.cloud, tenantId: p.tenantId, apiAppId: p.apiAppId, samlAppId: p.samlAppId, webUrl: p.webUrl, secretHint: p.secret.hint },
  };
}

function fromFields(values: Partial<Record<(typeof FIELD_OPTIONS)[number], string>>, io: CliIo): Configuration {
  const missing = (['tenant', 'saml-app', 'api-app', 'web-url'] as const).filter((k) => !values[k]?.trim());
  if (missing.length > 0) throw usage(`Give either --profile NAME, or all of --tenant, --saml-app, --api-app and --web-url (missing: ${missing.map((m) => `--${m}`).join(', ')}).`);
  const cloud = values.cloud ?? 'global';
  if (!(CLI_CLOUDS as readonly string[]).includes(cloud)) throw usage(`--cloud must be one of ${CLI_CLOUDS.join(', ')} (got "${cloud}").`);
  const tenant = values.tenant ?? '';
  const issues = [...validateTenantId(tenant), ...validateAppIds(values['saml-app'] ?? '', values['api-app'] ?? '', tenant), ...validateWebUrl(values['web-url'] ?? '')];
  const option = (field: string) => ({ tenantId: '--tenant', samlAppId: '--saml-app', apiAppId: '--api-app', webUrl: '--web-url' })[field] ?? field;
  // A URL without its trailing slash is what the audit compares byte for byte: warn, audit it as given.
  const blocking = issues.filter((i) => i.severity === 'error' && i.field !== 'webUrl');
  if (blocking[0]) throw usage(`${option(blocking[0].field)}: ${blocking[0].message}`);
  const webUrl = values['web-url'] ?? '';
  if (!URL.canParse(webUrl.trim())) throw usage(`--web-url: "${webUrl}" is not a URL.`);
  for (const i of issues.filter((x) => !blocking.includes(x))) io.stderr.write(redact(`warning: ${option(i.field)}: ${i.message}\n`));
  return {
    name: null,
    target: {
      cloud: cloud as CloudId,
      tenantId: normalizeTenantId(tenant),
      apiAppId: normalizeAppId(values['api-app'] ?? ''),
      samlAppId: normalizeAppId(values['saml-app'] ?? ''),
      webUrl: normalizeWebUrl(webUrl) || webUrl.trim(),
      secretHint: null,
    },
  };
}

async function hintFromSecret(values: { 'secret-stdin'?: boolean; 'secret-env'?: string }, io: CliIo): Promise<string | null> {
  if (values['secret-stdin'] && values['secret-env'] !== undefined) throw usage('Pass the secret one way: --secret-stdin or --secret-env VAR, not both.');
  let secret: string | null = null;
  if (values['secret-env'] !== undefined) {
    const name = values['secret-env'];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw usage(`--secret-env takes the NAME of an environment variable (got "${name.slice(0, 3)}…"), never the secret itself.`);
    secret = io.env[name]?.trim() ?? '';
    if (secret === '') throw usage(`The environment variable ${name} (from --secret-env) is ${io.env[name] === undefined ? 'not set' : 'empty'}.`);
  } else if (values['secret-stdin']) {
    secret = (await readStdin(io)).trim();
    if (secret === '') throw usage('--secret-stdin was given, but stdin was empty.');
  }
  if (!secret) return null;
  registerSecret(secret);
  return secretHint(secret);
}

/** One finding of the --json document (the contract's id, app, status, summary, fix, link, plus title and value). */
export interface AuditJsonFinding {
  id: AuditFinding['id'];
  app: AuditFinding['app'];
  title: string;
  status: AuditStatus;
  summary: string;
  fix: string | null;
  link: string | null;
  value: string | null;
}

export interface AuditDocument {
  profile: { name: string | null; cloud: CloudId; tenantId: string; samlAppId: string; apiAppId: string; webUrl: string };
  auditedAt: string;
  signedInAs: string | null;
  signIn: 'robot' | 'browser';
  graphClientId: string;
  outcome: AuditReport['outcome'];
  problem: { summary: string; fix: string | null } | null;
  findings: AuditJsonFinding[];
  secrets: AuditReport['secrets'];
}

function toDocument(report: AuditReport, config: Configuration, signIn: 'robot' | 'browser'): AuditDocument {
  return redactValue({
    profile: { name: config.name, cloud: config.target.cloud, tenantId: config.target.tenantId, samlAppId: config.target.samlAppId, apiAppId: config.target.apiAppId, webUrl: config.target.webUrl },
    auditedAt: report.auditedAt,
    signedInAs: report.signedInAs,
    signIn,
    graphClientId: report.graphClientId,
    outcome: report.outcome,
    problem: report.problem ? { summary: report.problem.summary, fix: report.problem.fix } : null,
    findings: report.findings.map((f) => ({ id: f.id, app: f.app, title: f.title, status: f.status, summary: f.summary, fix: f.fix, link: f.link?.url ?? null, value: f.copy?.value ?? null })),
    secrets: report.secrets,
  });
}

function humanReport(doc: AuditDocument): string {
  const lines = [
    `Registration audit: ${doc.profile.name ? `profile "${doc.profile.name}", ` : ''}tenant ${doc.profile.tenantId} (${doc.profile.cloud})${doc.signedInAs ? `, signed in to Microsoft Graph as ${doc.signedInAs}` : ''}`,
  ];
  if (doc.problem) lines.push('', `Problem: ${doc.problem.summary}`, ...(doc.problem.fix ? [`  ${doc.problem.fix}`] : []));
  const width = Math.max(...doc.findings.map((f) => f.title.length));
  for (const app of ['api', 'saml'] as const) {
    lines.push('', `${AUDIT_APP_LABELS[app]} (${app === 'api' ? doc.profile.apiAppId : doc.profile.samlAppId})`);
    for (const f of doc.findings.filter((x) => x.app === app)) lines.push(`  ${MARKERS[f.status]} ${f.title.padEnd(width)}  ${f.summary}`);
  }
  for (const f of doc.findings.filter((x) => x.status === 'failed' || x.status === 'warning')) {
    lines.push('', `${f.status === 'failed' ? 'To fix' : 'To do'} "${f.title}" (${AUDIT_APP_LABELS[f.app]}, ${f.id}):`);
    if (f.fix) lines.push(`  ${f.fix}`);
    if (f.value) lines.push(`  Value: ${f.value}`);
    if (f.link) lines.push(`  Open: ${f.link}`);
  }
  const count = (s: AuditStatus) => doc.findings.filter((f) => f.status === s).length;
  lines.push('', `${count('passed')} passed, ${count('warning')} warning, ${count('failed')} failed, ${count('unknown')} unknown.`);
  return `${lines.join('\n')}\n`;
}

export interface AuditCommandDeps {
  clock?: Clock;
  timeouts?: Partial<typeof AUDIT_TIMEOUTS>;
  /** How `--sign-in browser` opens the sign-in page (tests replace it). */
  openBrowser?: (url: string) => Promise<void>;
}

/** The command, with its clock, timeouts and browser opener injectable (tests). */
export function makeAuditCommand(deps: AuditCommandDeps = {}): CliCommand {
  const clock = deps.clock ?? systemClock;
  const timeouts = { ...AUDIT_TIMEOUTS, ...deps.timeouts };
  const openBrowser = deps.openBrowser ?? openInSystemBrowser;
  return {
    name: 'audit',
    summary: 'Registration audit: check every Entra-side step of the setup guide through Microsoft Graph',
    help: HELP,
    async run(argv, io) {
      const { values, positionals } = parseCliArgs('audit', argv, OPTIONS, true);
      if (positionals.length > 0) throw usage(`Unexpected argument "${redact(positionals[0] ?? '')}".`);
      const fields = FIELD_OPTIONS.filter((k) => values[k] !== undefined);
      if (values.profile !== undefined && fields.length > 0)
        throw usage(`--profile takes every field from the stored profile, so ${fields.map((f) => `--${f}`).join(', ')} cannot be combined with it.`);
      if (values['data-dir'] !== undefined && values.profile === undefined) throw usage('--data-dir only matters with --profile NAME.');
      if (values.profile !== undefined && (values['secret-env'] !== undefined || values['secret-stdin'])) throw usage('--secret-env / --secret-stdin are for the fields mode; a stored profile already knows its secret’s first characters.');
      const clientId = (values['client-id'] ?? GRAPH_CLI_CLIENT_ID).trim().toLowerCase();
      if (!isGuid(clientId)) throw usage(`--client-id must be an Application (client) ID, a GUID (got "${values['client-id'] ?? ''}").`);

      let authorityHost = values['authority-host'] !== undefined ? originOption(usage, 'authority-host', values['authority-host']) : undefined;
      let graphHost = values['graph-host'] !== undefined ? originOption(usage, 'graph-host', values['graph-host']) : undefined;
      if (authorityHost && !graphHost && isLoopbackOrigin(authorityHost)) graphHost = authorityHost;
      const signInValue = values['sign-in'] ?? (authorityHost && isLoopbackOrigin(authorityHost) ? 'robot' : 'browser');
      if (signInValue !== 'robot' && signInValue !== 'browser')
        throw usage(`--sign-in must be browser or robot (got "${signInValue}"). The audit cannot run without a Graph sign-in.`);
      const signIn: 'robot' | 'browser' = signInValue;
      if (signIn === 'robot' && (!authorityHost || !isLoopbackOrigin(authorityHost)))
        throw usage(`--sign-in robot signs in only to the practice tenant, so it needs --authority-host on a loopback address (from "federation-desk simulate")${authorityHost ? `, not ${authorityHost}` : ''}. It never types a password into the real Entra ID.`);
      if (signIn === 'browser' && authorityHost && isLoopbackOrigin(authorityHost))
        throw usage('--sign-in browser cannot sign in to the practice tenant: the system browser does not trust its certificate (only Federation Desk does). Use --sign-in robot.');
      if (signIn !== 'robot' && (values['robot-user'] !== undefined || values['robot-password-env'] !== undefined)) throw usage('--robot-user and --robot-password-env only apply with --sign-in robot.');

      let config: Configuration;
      if (values.profile !== undefined) {
        const p = fromProfile(values.profile, values['data-dir'], io);
        if (p.target.cloud === 'practice' && !authorityHost)
          throw usage(`"${p.name ?? values.profile}" is a practice-tenant profile. Start it with "federation-desk simulate --scenario ${p.practiceScenario ?? 'NAME'}" and pass its authorityHost and caCertPath as --authority-host and --ca-file.`);
        config = p;
      } else {
        config = fromFields(values, io);
        const hint = await hintFromSecret(values, io);
        if (hint) config = { ...config, target: { ...config.target, secretHint: hint } };
      }
      if (config.target.cloud === 'practice' && authorityHost && !graphHost) graphHost = authorityHost;

      let robot: { username: string; password: string } | null = null;
      if (signIn === 'robot') {
        const user = values['robot-user'];
        const passwordEnv = values['robot-password-env'];
        if ((user === undefined) !== (passwordEnv === undefined)) throw usage('Give both --robot-user U and --robot-password-env VAR, or neither (for a built-in practice scenario).');
        if (user !== undefined && passwordEnv !== undefined) {
          const password = io.env[passwordEnv] ?? '';
          if (password === '') throw usage(`The environment variable ${passwordEnv} (from --robot-password-env) is ${io.env[passwordEnv] === undefined ? 'not set' : 'empty'}.`);
          registerSecret(password);
          robot = { username: user, password };
        } else {
          robot = builtInSignInUser(config.target.tenantId.toLowerCase());
          if (!robot) throw usage(`${config.target.tenantId} is not the tenant of a built-in practice scenario: give --robot-user U and --robot-password-env VAR.`);
        }
      }

      let endpoints: { authorityHost: string; graphHost: string };
      try {
        endpoints = cloudEndpoints(config.target.cloud, { ...(authorityHost ? { authorityHost } : {}), ...(graphHost ? { graphHost } : {}) });
      } catch (error) {
        throw usage(error instanceof Error ? error.message : String(error));
      }
      authorityHost = endpoints.authorityHost;
      graphHost = endpoints.graphHost;
      const pinnedCas: PinnedCa[] = [];
      if (values['ca-file'] !== undefined) pinnedCas.push({ caPem: readCaFileOption(usage, values['ca-file']), hosts: [...new Set([hostPort(new URL(authorityHost)), hostPort(new URL(graphHost))])] });
      const http = createHttpClient({ pinnedCas, proxy: proxyOption(usage, values.proxy, io.env), timeoutMs: timeouts.requestMs });

      const tokenSource: GraphTokenSource = robot
        ? driverTokenSource(robotSignInDriver({ http, simulatorOrigin: authorityHost, username: robot.username, password: robot.password }))
        : browserTokenSource(async (url) => {
            if (!isAllowedExternalUrl(url)) throw new Error(`Refusing to open a sign-in page that is not a Microsoft host: ${new URL(url).host}`);
            io.stderr.write(`Sign in to Microsoft Graph in your browser. If no browser opened, open this address:\n  ${url}\n`);
            await openBrowser(url);
          });

      const controller = new AbortController();
      const stop = () => controller.abort();
      if (io.stopSignal.aborted) stop();
      io.stopSignal.addEventListener('abort', stop, { once: true });
      let report: AuditReport;
      try {
        ({ report } = await runAudit({
          target: config.target,
          profile: { id: config.stored?.id ?? null, name: config.name },
          endpoints,
          http,
          tokenSource,
          clientId,
          clock,
          signal: AbortSignal.any([controller.signal, AbortSignal.timeout(timeouts.signInMs)]),
          requestTimeoutMs: timeouts.requestMs,
        }));
      } finally {
        io.stopSignal.removeEventListener('abort', stop);
      }
      // Kept with a stored profile, as the app does: the expiry watch reads the secrets' end dates from it.
      config.stored?.save(report);
      const doc = toDocument(report, config, signIn);
      if (values.json) writeJson(io, doc);
      else io.stdout.write(redact(humanReport(doc)));
      const blocking = doc.findings.filter((f) => f.status !== 'passed' && !(values['allow-warnings'] && f.status === 'warning'));
      return blocking.length === 0 ? 0 : 1;
    },
  };
}

export const auditCommand: CliCommand = makeAuditCommand();
