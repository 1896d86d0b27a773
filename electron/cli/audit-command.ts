/**
 * `federation-desk audit`: the registration audit headless, over the same runner and rules as the
 * app (electron/services/audit). Signs in to Microsoft Graph as a public client: the practice
 * tenant's robot (`--sign-in robot`), or the system browser with MSAL's loopback server
 * (`--sign-in browser`, real tenants). The secret is never needed: its first characters (from a
 * stored profile, or --secret-env / --secret-stdin) only tell which of the app's secrets is in use.
 * It parses its options, asks the app's own AuditService to audit each profile, and renders the
 * reports. With --profile, the report is kept with the profile, as the app keeps it (the `expiry` command
 * and the app's expiry watch read the secrets' end dates from it).
 */
import { AUDIT_APP_LABELS, GRAPH_CLI_CLIENT_ID, type AuditFinding, type AuditReport, type AuditStatus } from '../../shared/audit';
import { isAllowedExternalUrl } from '../../shared/clouds';
import { isGuid, secretHint } from '../../shared/profile';
import { browserTokenSource, driverTokenSource } from '../services/audit';
import { robotSignInDriver } from '../services/check/robot-sign-in';
import { createHttpClient } from '../services/http';
import { systemClock, type Clock } from '../services/ports';
import { redact, redactValue } from '../services/redact';
import { runSubjectSummary, type RunEnvironment, type RunSubject, type RunSubjectSummary } from '../services/run-environment';
import { writeJson, type CliCommand } from './io';
import { commandUsage, isLoopbackOrigin } from './options';
import { checkSignInTarget, givenHosts, mapBounded, parseRunArgs, PROFILE_CONCURRENCY, readSecret, robotUser, select } from './run-options';
import { openInSystemBrowser } from './system-browser';

const HELP = `
Usage: federation-desk audit --profile NAME [--profile NAME ...] [options]
       federation-desk audit --all [options]
       federation-desk audit --tenant ID --saml-app ID --api-app ID --web-url URL
                             [--cloud global|usgov|china] [options]

Entra setup audit (the app's "Entra setup" page): reads both app registrations and their
enterprise applications through Microsoft Graph and checks every Entra-side step of the setup
guide, one line per step:

  API app:          redirect-uri, public-client-flows, client-secret, api-permissions,
                    admin-consent, app-id-uri, enterprise-app, assignment, email-claim,
                    implicit-grant
  SAML-OpenID app:  enterprise-app, saml-sso-mode, saml-certificate, assignment

Each step is passed, warning, failed, or unknown (Graph could not be read; the line says why),
with the fix and a link to the exact admin-center blade.

The configuration:
  --profile NAME            A profile stored by the app (in --data-dir); repeat it to audit several
                            in one run (the report is kept with each). Not combined with the
                            field options below.
  --all                     Every stored profile (at most 4 at once, one report each). A
                            practice-tenant profile is audited against a practice tenant the CLI
                            starts, unless --authority-host is given.
  --tenant ID               Directory (tenant) ID or verified domain.
  --saml-app ID             Application (client) ID of the SAML-OpenID app.
  --api-app ID              Application (client) ID of the API app.
  --web-url URL             The Octopus Web URL (the API app's redirect URI, byte for byte).
  --cloud global|usgov|china  National cloud (default global).
  --data-dir DIR            Where the app's profiles are (default: the app's data folder). Only
                            with --profile or --all.
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
                            (the redirect URI, api://{appId}) or null. With several profiles:
                            {"exitCode","profiles":[one such document per profile]}.
  --allow-warnings          Exit 0 when nothing failed or is unknown, even with warnings.
  --help                    This text.

Exit codes: 0 clean (every step passed; with --allow-warnings, warnings too), 1 findings (a step
failed, warns, or could not be read, including a sign-in that did not complete), 2 usage error.
With several profiles, the worst of theirs.
Warnings count as findings by default: an expiring secret or a leftover secret is exactly what a
scheduled audit should report.
`;

const OWN_OPTIONS = {
  'client-id': { type: 'string' },
  'allow-warnings': { type: 'boolean' },
} as const;

const MARKERS: Record<AuditStatus, string> = { passed: '✓', warning: '!', failed: '✗', unknown: '?' };

/** Timeouts: per Graph request, and for the whole sign-in (a person in a browser). */
export const AUDIT_TIMEOUTS = { requestMs: 20_000, signInMs: 5 * 60_000 };

const usage = commandUsage('audit');

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
  profile: RunSubjectSummary;
  auditedAt: string;
  signedInAs: string | null;
  signIn: 'robot' | 'browser';
  graphClientId: string;
  outcome: AuditReport['outcome'];
  problem: { summary: string; fix: string | null } | null;
  findings: AuditJsonFinding[];
  secrets: AuditReport['secrets'];
}

function toDocument(report: AuditReport, config: RunSubject, signIn: 'robot' | 'browser'): AuditDocument {
  return redactValue({
    profile: runSubjectSummary(config),
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
    `Entra setup: ${doc.profile.name ? `profile "${doc.profile.name}", ` : ''}tenant ${doc.profile.tenantId} (${doc.profile.cloud})${doc.signedInAs ? `, signed in to Microsoft Graph as ${doc.signedInAs}` : ''}`,
  ];
  if (doc.problem) lines.push('', `Problem: ${doc.problem.summary}`, ...(doc.problem.fix ? [`  ${doc.problem.fix}`] : []));
  const width = Math.max(...doc.findings.map((f) => f.title.length));
  for (const app of ['api', 'saml'] as const) {
    lines.push('', `${AUDIT_APP_LABELS[app]} (${app === 'api' ? doc.profile.clientId : (doc.profile.samlAppId ?? '')})`);
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

/** Several profiles: one document holding every report, and the exit code they add up to. */
export interface AuditManyDocument {
  exitCode: number;
  profiles: AuditDocument[];
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
    summary: 'Entra setup audit: check every Entra-side step of the setup guide through Microsoft Graph',
    help: HELP,
    async run(argv, io) {
      const values = parseRunArgs('audit', argv, OWN_OPTIONS, usage);
      const clientId = (values['client-id'] ?? GRAPH_CLI_CLIENT_ID).trim().toLowerCase();
      if (!isGuid(clientId)) throw usage(`--client-id must be an Application (client) ID, a GUID (got "${values['client-id'] ?? ''}").`);
      const { authorityHost } = givenHosts(values, usage);
      const signInValue = values['sign-in'] ?? (authorityHost && isLoopbackOrigin(authorityHost) ? 'robot' : undefined);
      if (signInValue !== undefined && signInValue !== 'robot' && signInValue !== 'browser')
        throw usage(`--sign-in must be browser or robot (got "${signInValue}"). The audit cannot run without a Graph sign-in.`);
      // A URL without its trailing slash is what the audit compares byte for byte: warn, audit it as given.
      const { services, subjects, stored } = select(values, io, usage, { webUrlBlocks: () => false, clock });
      // Default: the robot for the practice tenant (a loopback host, or practice profiles), the browser for real tenants.
      const signIn: 'robot' | 'browser' = signInValue ?? (!authorityHost && subjects.every((s) => s.cloud === 'practice') ? 'robot' : 'browser');
      checkSignInTarget(signIn, values, usage, subjects);
      if (stored && (values['secret-env'] !== undefined || values['secret-stdin'])) throw usage('--secret-env / --secret-stdin are for the fields mode; a stored profile already knows its secret’s first characters.');
      const robot = signIn === 'robot' ? robotUser(values, io, usage, subjects) : null;
      const secret = await readSecret(values, io, usage);

      const browser = browserTokenSource(async (url) => {
        if (!isAllowedExternalUrl(url)) throw new Error(`Refusing to open a sign-in page that is not a Microsoft host: ${new URL(url).host}`);
        io.stderr.write(`Sign in to Microsoft Graph in your browser. If no browser opened, open this address:\n  ${url}\n`);
        await openBrowser(url);
      });
      const tokenSourceFor = (subject: RunSubject) => {
        const user = robot?.(subject);
        if (user)
          return ({ endpoints, pinnedCas }: RunEnvironment) =>
            driverTokenSource(robotSignInDriver({ http: createHttpClient({ pinnedCas, timeoutMs: timeouts.requestMs }), simulatorOrigin: endpoints.authorityHost, ...user }));
        return signIn === 'browser' ? () => browser : undefined;
      };
      try {
        const docs = await mapBounded(subjects, PROFILE_CONCURRENCY, async (subject) => {
          const given = secret ? { ...subject, secret: { ...subject.secret, hint: secretHint(secret) } } : subject;
          const tokenSource = tokenSourceFor(given);
          const overrides = { clientId, signal: AbortSignal.any([io.stopSignal, AbortSignal.timeout(timeouts.signInMs)]), ...(tokenSource ? { tokenSource } : {}) };
          // A stored profile keeps its report, as in the app: the expiry watch reads the secrets' end dates from it.
          const report = given.id ? await services.audit.run(given.id, overrides) : await services.audit.audit(given, overrides);
          return toDocument(report, given, signIn);
        });
        const code = Math.max(...docs.map((doc) => (doc.findings.some((f) => f.status !== 'passed' && !(values['allow-warnings'] && f.status === 'warning')) ? 1 : 0)));
        if (values.json) writeJson(io, docs.length === 1 && !values.all ? docs[0] : ({ exitCode: code, profiles: docs } satisfies AuditManyDocument));
        else io.stdout.write(redact(docs.map(humanReport).join('\n')));
        return code;
      } finally {
        await services.practice.stop();
      }
    },
  };
}

export const auditCommand: CliCommand = makeAuditCommand();
