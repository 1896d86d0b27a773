/**
 * `federation-desk check`: Check Compatibility headless, over the same probes and runner as the app
 * (createCheckContext + runProbes). The configuration comes from a stored profile or from the field
 * options, never both; the secret only from stdin or an environment variable; the sign-in probes run
 * through the practice tenant's robot, or not at all (reported as not run, which is not a failure).
 */
import { originOption, readCaFileOption, proxyOption, isLoopbackOrigin, builtInSignInUser } from './options';
import { checksNotApplicable } from '../../shared/targets/checks';
import type { TargetId } from '../../shared/targets/target-ids';
import type { WorkspaceSsoSettings } from '../../shared/targets/workspace-sso';
import { probesForTarget } from '../services/check/target-probes';
import { openInSystemBrowser } from './system-browser';
import { browserPublicSignIn } from '../services/check/public-sign-in';
import { CHECKS, checkDefinition, configurationFingerprint, fingerprintInput, type CheckId, type CheckResult } from '../../shared/check';
import type { CloudId } from '../../shared/clouds';
import { normalizeAppId, normalizeTenantId, normalizeWebUrl, secretHint, validateAppIds, validateSecret, validateTenantId, validateWebUrl, type ProfileView } from '../../shared/profile';
import { createCheckContext } from '../services/check/check-context';
import { cloudEndpoints } from '../services/check/probe-context';
import { robotSignInDriver } from '../services/check/robot-sign-in';
import { runProbes } from '../services/check/runner';
import type { SignInDriver } from '../services/check/sign-in-driver';
import { createHttpClient, hostPort, type PinnedCa } from '../services/http';
import { systemClock, type Clock } from '../services/ports';
import { redact, redactValue, registerSecret } from '../services/redact';
import { cliServices } from './cli-services';
import { parseCliArgs, readStdin, UsageError, writeJson, type CliCommand, type CliIo } from './io';

const HELP = `
Usage: federation-desk check --profile NAME [options]
       federation-desk check --tenant ID --saml-app ID --api-app ID --web-url URL
                             [--cloud global|usgov|china] [options]

Check Compatibility without the app: proves each part of a federation setup against Entra ID,
live, and prints one line per check (tenant, saml-app, api-app, secret, sign-in, graph-me).

The configuration:
  --profile NAME            A profile stored by the app (in --data-dir). Cannot be combined with
                            the field options below: use one or the other.
  --tenant ID               Directory (tenant) ID or verified domain.
  --saml-app ID             Application (client) ID of the SAML-OpenID app.
  --api-app ID              Application (client) ID of the API app.
  --web-url URL             The Octopus Web URL (the API app's redirect URI).
  --cloud global|usgov|china  National cloud (default global).
  --data-dir DIR            Where the app's profiles are (default: the app's data folder). Only
                            with --profile.

The client secret (the CLI cannot open the app's encrypted copy; never pass it as an argument):
  --secret-stdin            Read it from stdin (all of it, trimmed).
  --secret-env VAR          Read it from the environment variable VAR.
  Without either, the secret check fails saying how to pass it, and sign-in is skipped.

Sign-in (the sign-in and graph-me checks):
  --sign-in none            Default. Sign-in and graph-me are not run: they are reported as
                            "skipped" with "notRun" in the JSON, and do not make the exit code 1.
  --sign-in robot           Sign in through the practice tenant's page over HTTP. Only against
                            the simulator: needs --authority-host on 127.0.0.1, localhost or ::1.
  --robot-user U            The practice user to sign in as, with
  --robot-password-env VAR  the environment variable holding that user's password. Give both, or
                            neither: for a built-in scenario's tenant both default to the
                            scenario's sign-in user (the "signInUser" that "simulate" prints).
  --sign-in browser         Sign in in your own browser, as a public client: needs http://localhost
                            registered for the API app under "Mobile and desktop applications"
                            and "Allow public client flows" on. It proves the sign-in and the
                            tokens, not the Octopus Web URL redirect, so a clean result is a
                            warning (only the app's sign-in window can prove that redirect).
                            The URL is also printed on stderr. Not for the practice tenant.

Endpoints and network:
  --authority-host URL      Sign-in host instead of the cloud's (e.g. the practice tenant's
                            authorityHost).
  --graph-host URL          Microsoft Graph host instead of the cloud's. Defaults to
                            --authority-host when that is a loopback address (the simulator
                            serves both).
  --ca-file PEM             Trust this CA, only for the authority and Graph host:ports of this
                            run (the simulator's caCertPath, or a TLS-inspecting proxy's CA).
  --proxy URL               HTTP proxy (http://[user:pass@]host:port) for HTTPS via CONNECT.
                            Default: HTTPS_PROXY / HTTP_PROXY, with NO_PROXY. Loopback hosts
                            always go direct.

Output:
  --json                    One JSON document on stdout:
                            {"profile","fingerprint","startedAt","finishedAt","outcome","signIn",
                             "notRun","results":[{"id","title","status","summary","durationMs",
                             "error":{"code","traceId","correlationId","timestamp","message"}|null,
                             "fix":[...],"tested","facts","fingerprint","finishedAt"}]}
  --help                    This text.

Ctrl+C cancels the run: the checks still running end as "Cancelled." and the exit code is 1.

Example, against the practice tenant:
  federation-desk simulate --scenario healthy        (prints authorityHost, caCertPath, ...)
  SECRET=... federation-desk check --tenant ID --saml-app ID --api-app ID --web-url URL \\
      --authority-host https://127.0.0.1:PORT --ca-file CA.pem --secret-env SECRET \\
      --sign-in robot --json

Exit codes: 0 every check run passed (warnings allowed), 1 a check failed or the run was
cancelled, 2 usage error.
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
  'authority-host': { type: 'string' },
  'graph-host': { type: 'string' },
  'ca-file': { type: 'string' },
  proxy: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const FIELD_OPTIONS = ['tenant', 'saml-app', 'api-app', 'web-url', 'cloud'] as const;
const SIGN_IN_MODES = ['none', 'robot', 'browser'] as const;
type SignInMode = (typeof SIGN_IN_MODES)[number];
const CLI_CLOUDS = ['global', 'usgov', 'china'] as const;
const INTERACTIVE: CheckId[] = CHECKS.filter((c) => c.interactive).map((c) => c.id);

/** Timeouts: per request, per non-interactive probe, and for the robot's sign-in. */
export const CHECK_TIMEOUTS = { requestMs: 20_000, probeMs: 30_000, interactiveMs: 120_000 };

const MARKERS: Record<string, string> = { passed: '✓', warning: '!', failed: '✗', skipped: '-' };

interface Configuration {
  name: string | null;
  cloud: CloudId;
  tenantId: string;
  samlAppId: string;
  apiAppId: string;
  webUrl: string;
  practiceScenario?: string;
  /** What the profile federates (a stored profile's; fields mean Octopus), and that target's own settings. */
  target?: TargetId;
  theThingsStack?: unknown;
  authentik?: unknown;
  /** A workspace SSO profile's workspaces, whose redirect URIs its checks test. */
  workspaceSso?: WorkspaceSsoSettings;
  secretHint: string | null;
  secretExpiresAt: string | null;
  secretUpdatedAt: string | null;
}

const usage = (message: string) => new UsageError(`${message} Run "federation-desk check --help".`);



function loadProfile(name: string, dataDir: string | undefined, io: CliIo): ProfileView {
  const services = cliServices({ ...(dataDir ? { dataDir } : {}), stderr: io.stderr });
  const list = services.profiles.list();
  for (const n of services.store.takeNotices()) io.stderr.write(redact(`${n.title}: ${n.message}\n`));
  const found = list.profiles.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) {
    const names = list.profiles.map((p) => `"${p.name}"`).join(', ');
    throw new UsageError(`No profile named "${name}". ${names ? `Profiles here: ${names}.` : `There are no profiles in ${services.ports.dataDir}.`}`);
  }
  return found;
}

/** The configuration from the field options, validated as the profile form does (errors are usage errors). */
function configurationFromFields(values: Partial<Record<(typeof FIELD_OPTIONS)[number], string>>, io: CliIo): Omit<Configuration, 'secretHint'> {
  const missing = (['tenant', 'saml-app', 'api-app', 'web-url'] as const).filter((k) => !values[k]?.trim());
  if (missing.length > 0)
    throw usage(`Give either --profile NAME, or all of --tenant, --saml-app, --api-app and --web-url (missing: ${missing.map((m) => `--${m}`).join(', ')}).`);
  const cloud = values.cloud ?? 'global';
  if (!(CLI_CLOUDS as readonly string[]).includes(cloud)) throw usage(`--cloud must be one of ${CLI_CLOUDS.join(', ')} (got "${cloud}").`);
  const tenant = values.tenant ?? '';
  const issues = [...validateTenantId(tenant), ...validateAppIds(values['saml-app'] ?? '', values['api-app'] ?? '', tenant), ...validateWebUrl(values['web-url'] ?? '')];
  const option = (field: string) => ({ tenantId: '--tenant', samlAppId: '--saml-app', apiAppId: '--api-app', webUrl: '--web-url' })[field] ?? field;
  // A missing trailing slash is exactly what the sign-in check demonstrates (AADSTS50011): warn, run it.
  const blocking = issues.filter((i) => i.severity === 'error' && !(i.field === 'webUrl' && i.message.includes('must end with "/"')));
  if (blocking[0]) throw usage(`${option(blocking[0].field)}: ${blocking[0].message}`);
  for (const i of issues.filter((x) => !blocking.includes(x))) io.stderr.write(redact(`warning: ${option(i.field)}: ${i.message}\n`));
  return {
    name: null,
    cloud: cloud as CloudId,
    tenantId: normalizeTenantId(tenant),
    samlAppId: normalizeAppId(values['saml-app'] ?? ''),
    apiAppId: normalizeAppId(values['api-app'] ?? ''),
    webUrl: normalizeWebUrl(values['web-url'] ?? ''),
    secretExpiresAt: null,
    secretUpdatedAt: null,
  };
}

async function readSecret(values: { 'secret-stdin'?: boolean; 'secret-env'?: string }, io: CliIo): Promise<string | null> {
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




/** The JSON document of one run (the `check --json` contract, docs/ARCHITECTURE.md "CLI"). */
export interface CheckDocument {
  profile: { name: string | null; cloud: CloudId; tenantId: string; samlAppId: string; apiAppId: string; webUrl: string };
  fingerprint: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'passed' | 'warning' | 'failed' | 'cancelled';
  signIn: SignInMode;
  /** Checks left out by choice (--sign-in none): reported skipped, not failures. */
  notRun: CheckId[];
  results: (Pick<CheckResult, 'id' | 'status' | 'summary' | 'durationMs' | 'error' | 'fix' | 'tested' | 'facts' | 'fingerprint' | 'finishedAt'> & { title: string })[];
}

function humanReport(doc: CheckDocument): string {
  const width = Math.max(...doc.results.map((r) => r.title.length));
  const lines = [`Check Compatibility: ${doc.profile.name ? `profile "${doc.profile.name}", ` : ''}tenant ${doc.profile.tenantId} (${doc.profile.cloud})`, ''];
  for (const r of doc.results) {
    const time = r.durationMs !== null ? ` (${r.durationMs} ms)` : '';
    lines.push(`${MARKERS[r.status] ?? '?'} ${r.title.padEnd(width)}  ${r.summary}${time}`);
  }
  const withSteps = doc.results.filter((r) => (r.status === 'failed' || r.status === 'warning') && (r.fix.length > 0 || r.error));
  for (const r of withSteps) {
    lines.push('', `${r.status === 'failed' ? 'To fix' : 'To do'} "${r.title}":`);
    r.fix.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
    if (r.error) {
      const code = typeof r.error.code === 'number' ? `AADSTS${r.error.code}` : r.error.code;
      lines.push(`  Entra said ${code}${r.error.traceId ? `, Trace ID ${r.error.traceId}` : ''}${r.error.correlationId ? `, Correlation ID ${r.error.correlationId}` : ''}${r.error.timestamp ? `, ${r.error.timestamp}` : ''}.`);
    }
  }
  const count = (s: string) => doc.results.filter((r) => r.status === s && !doc.notRun.includes(r.id)).length;
  const notRun = doc.notRun.length ? `, ${doc.notRun.length} not run (--sign-in ${doc.signIn})` : '';
  lines.push('', `${doc.outcome === 'cancelled' ? 'Cancelled. ' : ''}${count('passed')} passed, ${count('warning')} warning, ${count('failed')} failed, ${count('skipped')} skipped${notRun}.`);
  return `${lines.join('\n')}\n`;
}

export interface CheckCommandDeps {
  clock?: Clock;
  timeouts?: Partial<typeof CHECK_TIMEOUTS>;
  /** Shows the sign-in page for --sign-in browser (default: the OS browser; tests drive it themselves). */
  openBrowser?: (url: string) => Promise<void>;
}

/** The command, with its clock and timeouts injectable (tests). */
export function makeCheckCommand(deps: CheckCommandDeps = {}): CliCommand {
  const clock = deps.clock ?? systemClock;
  const timeouts = { ...CHECK_TIMEOUTS, ...deps.timeouts };
  const openBrowser = deps.openBrowser ?? openInSystemBrowser;
  return {
    name: 'check',
    summary: 'Check Compatibility headless: prove a profile or fields against Entra ID',
    help: HELP,
    async run(argv, io) {
      const { values, positionals } = parseCliArgs('check', argv, OPTIONS, true);
      if (positionals.length > 0) throw usage(`Unexpected argument "${redact(positionals[0] ?? '')}". The secret is never an argument: use --secret-stdin or --secret-env VAR.`);

      // Configuration: a stored profile, or the fields, never a mix (nothing is overridden silently).
      const fields = FIELD_OPTIONS.filter((k) => values[k] !== undefined);
      if (values.profile !== undefined && fields.length > 0)
        throw usage(`--profile takes every field from the stored profile, so ${fields.map((f) => `--${f}`).join(', ')} cannot be combined with it. Drop --profile to check the fields, or drop ${fields.length === 1 ? 'the field' : 'the fields'} to check the profile as stored.`);
      if (values['data-dir'] !== undefined && values.profile === undefined) throw usage('--data-dir only matters with --profile NAME.');

      const signIn = (values['sign-in'] ?? 'none') as SignInMode;
      if (!(SIGN_IN_MODES as readonly string[]).includes(signIn)) throw usage(`--sign-in must be robot, browser or none (got "${values['sign-in'] ?? ''}").`);
      if (signIn !== 'robot' && (values['robot-user'] !== undefined || values['robot-password-env'] !== undefined))
        throw usage('--robot-user and --robot-password-env only apply with --sign-in robot.');

      let authorityHost = values['authority-host'] !== undefined ? originOption(usage, 'authority-host', values['authority-host']) : undefined;
      let graphHost = values['graph-host'] !== undefined ? originOption(usage, 'graph-host', values['graph-host']) : undefined;
      if (signIn === 'robot' && (!authorityHost || !isLoopbackOrigin(authorityHost)))
        throw usage(
          `--sign-in robot signs in only to the practice tenant, so it needs --authority-host on a loopback address (https://127.0.0.1:PORT from "federation-desk simulate")${authorityHost ? `, not ${authorityHost}` : ''}. It never types a password into the real Entra ID.`,
        );
      if (signIn === 'browser' && authorityHost && isLoopbackOrigin(authorityHost))
        throw usage('--sign-in browser cannot sign in to the practice tenant (your browser does not trust its certificate authority): use --sign-in robot.');
      if (authorityHost && !graphHost && isLoopbackOrigin(authorityHost)) graphHost = authorityHost;

      let config: Configuration;
      if (values.profile !== undefined) {
        const p = loadProfile(values.profile, values['data-dir'], io);
        if (p.cloud === 'practice' && !authorityHost)
          throw usage(
            `"${p.name}" is a practice-tenant profile. Start it with "federation-desk simulate --scenario ${p.practiceScenario ?? 'NAME'}" and pass its authorityHost and caCertPath as --authority-host and --ca-file.`,
          );
        config = {
          name: p.name,
          cloud: p.cloud,
          tenantId: p.tenantId,
          samlAppId: p.samlAppId,
          apiAppId: p.apiAppId,
          webUrl: p.webUrl,
          ...(p.practiceScenario ? { practiceScenario: p.practiceScenario } : {}),
          ...(p.target ? { target: p.target, theThingsStack: p.theThingsStack, authentik: p.authentik } : {}),
          ...(p.workspaceSso ? { workspaceSso: p.workspaceSso } : {}),
          secretHint: p.secret.hint,
          secretExpiresAt: p.secretExpiresAt,
          secretUpdatedAt: p.secret.updatedAt,
        };
      } else config = { ...configurationFromFields(values, io), secretHint: null };
      if (config.cloud === 'practice' && authorityHost && !graphHost) graphHost = authorityHost;

      // The robot's practice user: both options, or the built-in scenarios' user for their tenant.
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
          robot = builtInSignInUser(config.tenantId.toLowerCase());
          if (!robot)
            throw usage(`${config.tenantId} is not the tenant of a built-in practice scenario, so there is no default sign-in user: give --robot-user U and --robot-password-env VAR (the "signInUser" that "simulate" printed).`);
        }
      }

      const secret = await readSecret(values, io);
      if (secret) config = { ...config, secretHint: secretHint(secret) };

      let endpoints: { authorityHost: string; graphHost: string };
      try {
        endpoints = cloudEndpoints(config.cloud, { ...(authorityHost ? { authorityHost } : {}), ...(graphHost ? { graphHost } : {}) });
      } catch (error) {
        throw usage(error instanceof Error ? error.message : String(error));
      }
      authorityHost = endpoints.authorityHost;
      graphHost = endpoints.graphHost;

      const pinnedCas: PinnedCa[] = [];
      if (values['ca-file'] !== undefined) {
        const hosts = [...new Set([hostPort(new URL(authorityHost)), hostPort(new URL(graphHost))])];
        pinnedCas.push({ caPem: readCaFileOption(usage, values['ca-file']), hosts });
      }
      const proxy = proxyOption(usage, values.proxy, io.env);
      const http = createHttpClient({ pinnedCas, proxy, timeoutMs: timeouts.requestMs });

      let driver: SignInDriver | null = null;
      if (robot) driver = robotSignInDriver({ http, simulatorOrigin: authorityHost, username: robot.username, password: robot.password });

      const controller = new AbortController();
      const stop = () => controller.abort();
      if (io.stopSignal.aborted) stop();
      io.stopSignal.addEventListener('abort', stop, { once: true });

      const input = fingerprintInput({ ...config, secretUpdatedAt: config.secretUpdatedAt });
      const startedAt = clock.now().toISOString();
      const only = signIn === 'none' ? CHECKS.map((c) => c.id).filter((id) => !INTERACTIVE.includes(id)) : undefined;
      let results: CheckResult[];
      try {
        const ctx = createCheckContext({
          target: {
            cloud: config.cloud,
            tenantId: config.tenantId,
            samlAppId: config.samlAppId,
            apiAppId: config.apiAppId,
            webUrl: config.webUrl,
            secretHint: config.secretHint,
            secretExpiresAt: config.secretExpiresAt,
          },
          cloud: config.cloud,
          endpoints,
          network: { proxy, pinnedCas, requestTimeoutMs: timeouts.requestMs },
          clock,
          signal: controller.signal,
          secret,
          secretMissingReason:
            'the CLI cannot read the app’s encrypted copy. Pass the secret’s Value with --secret-stdin (e.g. `printenv MY_SECRET | federation-desk check … --secret-stdin`) or --secret-env VAR.',
          signIn: driver,
          publicSignIn:
            signIn === 'browser'
              ? browserPublicSignIn(async (url) => {
                  io.stderr.write(`Opening the Microsoft sign-in page in your browser. If it does not open, go to:\n${url}\n`);
                  await openBrowser(url);
                })
              : null,
          signInMissingReason: `--sign-in ${signIn} was given.`,
          http,
        });
        // Targets other than Octopus swap some probes and leave out the ones they do not use, as in the app.
        const notApplicable = checksNotApplicable(config.target);
        results = await runProbes({
          ctx,
          fingerprintInput: input,
          clock,
          probeTimeoutMs: timeouts.probeMs,
          interactiveTimeoutMs: timeouts.interactiveMs,
          probes: probesForTarget(config.target, config),
          ...(notApplicable ? { notApplicable } : {}),
          ...(only ? { only } : {}),
        });
      } finally {
        io.stopSignal.removeEventListener('abort', stop);
      }

      const cancelled = controller.signal.aborted;
      const notRun = only ? INTERACTIVE : [];
      const doc: CheckDocument = redactValue({
        profile: { name: config.name, cloud: config.cloud, tenantId: config.tenantId, samlAppId: config.samlAppId, apiAppId: config.apiAppId, webUrl: config.webUrl },
        fingerprint: configurationFingerprint(input),
        startedAt,
        finishedAt: clock.now().toISOString(),
        outcome: cancelled ? 'cancelled' : results.some((r) => r.status === 'failed') ? 'failed' : results.some((r) => r.status === 'warning') ? 'warning' : 'passed',
        signIn,
        notRun,
        results: results.map((r) => ({
          id: r.id,
          title: checkDefinition(r.id).title,
          status: r.status,
          summary: notRun.includes(r.id) ? `Not run: --sign-in ${signIn} was given (use --sign-in robot against the practice tenant, or run this check in the app).` : r.summary,
          durationMs: r.durationMs,
          error: r.error,
          fix: r.fix,
          tested: r.tested,
          facts: r.facts,
          fingerprint: r.fingerprint,
          finishedAt: r.finishedAt,
        })),
      });
      if (values.json) writeJson(io, doc);
      else io.stdout.write(redact(humanReport(doc)));
      return doc.outcome === 'failed' || doc.outcome === 'cancelled' ? 1 : 0;
    },
  };
}

export const checkCommand: CliCommand = makeCheckCommand();
