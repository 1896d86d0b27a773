/**
 * `federation-desk check`: Check compatibility headless. It parses its options, asks the app's own
 * CheckService (the one the check screen uses: same probes, same outcome rule) to check each
 * profile, and renders the runs. The configuration comes from stored profiles or from the field
 * options, never both; the secret only from stdin or an environment variable; the sign-in probes
 * run through the practice tenant's robot, the system browser, or not at all (reported as not run,
 * which is not a failure).
 */
import { checkWords } from '../../shared/targets/registry';
import { CHECKS, type CheckId, type CheckResult, type CheckRun } from '../../shared/check';
import type { CheckSignIn } from '../services/check/check-service';
import { browserPublicSignIn } from '../services/check/public-sign-in';
import { robotSignInDriver } from '../services/check/robot-sign-in';
import { createHttpClient } from '../services/http';
import { systemClock, type Clock } from '../services/ports';
import { redact, redactValue } from '../services/redact';
import { runSubjectSummary, type RunEnvironment, type RunSubject, type RunSubjectSummary } from '../services/run-environment';
import { secretHint } from '../../shared/profile';
import { writeJson, type CliCommand } from './io';
import { commandUsage } from './options';
import { checkSignInTarget, mapBounded, parseRunArgs, PROFILE_CONCURRENCY, readSecret, robotUser, select } from './run-options';
import { appVaultActive } from './cli-services';
import { openInSystemBrowser } from './system-browser';

const HELP = `
Usage: federation-desk check --profile NAME [--profile NAME ...] [options]
       federation-desk check --all [options]
       federation-desk check --tenant ID --saml-app ID --api-app ID --web-url URL
                             [--cloud global|usgov|china] [options]

Check compatibility without the app: proves each part of a federation setup against Entra ID,
live, and prints one line per check (tenant, saml-app, api-app, secret, sign-in, graph-me).

The configuration:
  --profile NAME            A profile stored by the app (in --data-dir); repeat it to check several
                            in one run. Cannot be combined with the field options below.
  --all                     Every stored profile. Several profiles are checked at the same time
                            (at most 4 at once), one report each. A practice-tenant profile is
                            checked against a practice tenant the CLI starts (unless
                            --authority-host is given).
  --tenant ID               Directory (tenant) ID or verified domain.
  --saml-app ID             Application (client) ID of the SAML-OpenID app.
  --api-app ID              Application (client) ID of the API app.
  --web-url URL             The Octopus Web URL (the API app's redirect URI).
  --cloud global|usgov|china  National cloud (default global).
  --data-dir DIR            Where the app's profiles are (default: the app's data folder). Only
                            with --profile or --all.

The client secret (never pass it as an argument):
  --secret-stdin            Read it from stdin (all of it, trimmed).
  --secret-env VAR          Read it from the environment variable VAR.
  Without either, the installed CLI (federation-desk from the Windows installer) uses the secret
  the app stored for each --profile, as the same Windows user; the CLI from a checkout cannot open
  it, so the secret check fails saying how to pass it, and sign-in is skipped.
  With several profiles, neither is accepted (each profile has its own secret).

Sign-in (the sign-in and graph-me checks):
  --sign-in none            Default. Sign-in and graph-me are not run: they are reported as
                            "skipped" with "notRun" in the JSON, and do not make the exit code 1.
  --sign-in robot           Sign in through the practice tenant's page over HTTP. Only against
                            the simulator: needs --authority-host on 127.0.0.1, localhost or ::1,
                            or practice-tenant profiles.
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
                            With several profiles: {"outcome","exitCode","profiles":[one such
                            document per profile]}.
  --help                    This text.

Ctrl+C cancels the run: the checks still running end as "Cancelled." and the exit code is 1.

Example, against the practice tenant:
  federation-desk simulate --scenario healthy        (prints authorityHost, caCertPath, ...)
  SECRET=... federation-desk check --tenant ID --saml-app ID --api-app ID --web-url URL \\
      --authority-host https://127.0.0.1:PORT --ca-file CA.pem --secret-env SECRET \\
      --sign-in robot --json

Exit codes: 0 every check run passed (warnings allowed), 1 a check failed or the run was
cancelled, 2 usage error. With several profiles, the worst of theirs.
`;

const SIGN_IN_MODES = ['none', 'robot', 'browser'] as const;
type SignInMode = (typeof SIGN_IN_MODES)[number];
const INTERACTIVE: CheckId[] = CHECKS.filter((c) => c.interactive).map((c) => c.id);

/** Timeouts: per request, per non-interactive probe, and for the robot's sign-in. */
export const CHECK_TIMEOUTS = { requestMs: 20_000, probeMs: 30_000, interactiveMs: 120_000 };

const MARKERS: Record<string, string> = { passed: '✓', warning: '!', failed: '✗', skipped: '-' };

const usage = commandUsage('check');

/** The JSON document of one run (the `check --json` contract, docs/ARCHITECTURE.md "CLI"). */
export interface CheckDocument {
  profile: RunSubjectSummary;
  fingerprint: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'passed' | 'warning' | 'failed' | 'cancelled';
  signIn: SignInMode;
  /** Checks left out by choice (--sign-in none): reported skipped, not failures. */
  notRun: CheckId[];
  results: (Pick<CheckResult, 'id' | 'status' | 'summary' | 'durationMs' | 'error' | 'fix' | 'tested' | 'facts' | 'fingerprint' | 'finishedAt'> & { title: string })[];
}

/** Several profiles: one document holding every run, and the exit code they add up to. */
export interface CheckManyDocument {
  outcome: CheckDocument['outcome'];
  exitCode: number;
  profiles: CheckDocument[];
}

function toDocument(subject: RunSubject, run: CheckRun, signIn: SignInMode, notRun: CheckId[]): CheckDocument {
  return redactValue({
    profile: runSubjectSummary(subject),
    fingerprint: run.fingerprint,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? run.startedAt,
    outcome: run.outcome ?? 'cancelled',
    signIn,
    notRun,
    results: run.results.map((r) => ({
      id: r.id,
      title: checkWords(subject, r.id).title,
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
}

function humanReport(doc: CheckDocument): string {
  const width = Math.max(...doc.results.map((r) => r.title.length));
  const lines = [`Check compatibility: ${doc.profile.name ? `profile "${doc.profile.name}", ` : ''}tenant ${doc.profile.tenantId} (${doc.profile.cloud})`, ''];
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

const exitCode = (outcome: CheckDocument['outcome']) => (outcome === 'failed' || outcome === 'cancelled' ? 1 : 0);

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
    summary: 'Check compatibility headless: prove profiles or fields against Entra ID',
    help: HELP,
    async run(argv, io) {
      const values = parseRunArgs('check', argv, {}, usage);
      const signIn = (values['sign-in'] ?? 'none') as SignInMode;
      if (!(SIGN_IN_MODES as readonly string[]).includes(signIn)) throw usage(`--sign-in must be robot, browser or none (got "${values['sign-in'] ?? ''}").`);
      const { services, subjects, stored } = select(values, io, usage, { webUrlBlocks: (i) => !i.message.includes('must end with "/"'), clock });
      // A missing trailing slash is exactly what the sign-in check demonstrates (AADSTS50011): warn, run it.
      checkSignInTarget(signIn, values, usage, subjects);
      const robot = signIn === 'robot' ? robotUser(values, io, usage, subjects) : null;
      if (stored && subjects.length > 1 && (values['secret-env'] !== undefined || values['secret-stdin']))
        throw usage('--secret-env / --secret-stdin give one secret, and each of these profiles has its own: check them one at a time to pass a secret.');
      const secret = await readSecret(values, io, usage);
      // The installed CLI (the app's own executable, same Windows user) lets the service use each
      // stored profile's own secret, as the app does, when none is given.
      const storedSecrets = stored && !secret && appVaultActive();

      const only = signIn === 'none' ? CHECKS.map((c) => c.id).filter((id) => !INTERACTIVE.includes(id)) : undefined;
      const signInFor =
        (subject: RunSubject) =>
        ({ endpoints, pinnedCas }: RunEnvironment): CheckSignIn => {
          const user = robot?.(subject);
          if (user) return { driver: robotSignInDriver({ http: createHttpClient({ pinnedCas, timeoutMs: timeouts.requestMs }), simulatorOrigin: endpoints.authorityHost, ...user }), missingReason: '' };
          if (signIn === 'browser')
            return {
              driver: null,
              publicSignIn: browserPublicSignIn(async (url) => {
                io.stderr.write(`Opening the Microsoft sign-in page in your browser. If it does not open, go to:\n${url}\n`);
                await openBrowser(url);
              }),
              missingReason: '',
            };
          return { driver: null, missingReason: `--sign-in ${signIn} was given.` };
        };
      try {
        const docs = await mapBounded(subjects, PROFILE_CONCURRENCY, async (subject) => {
          const given = secret ? { ...subject, secret: { ...subject.secret, hint: secretHint(secret) } } : subject;
          const run = await services.checks.check(given, {
            ...(storedSecrets
              ? {}
              : {
                  secret: {
                    value: secret,
                    missingReason:
                      'the CLI cannot read the app’s encrypted copy. Pass the secret’s Value with --secret-stdin (e.g. `printenv MY_SECRET | federation-desk check … --secret-stdin`) or --secret-env VAR; the installed CLI (federation-desk from the Windows installer) uses the stored one.',
                  },
                }),
            // A practice profile the CLI starts brings its own sign-in user (the robot default of the service).
            ...(signIn === 'robot' && !robot?.(subject) ? {} : { signIn: signInFor(subject) }),
            ...(only ? { only } : {}),
            // Its own signal per profile (following Ctrl+C), so the probes' listeners do not pile up on one.
            signal: AbortSignal.any([io.stopSignal]),
            timeouts,
          });
          return toDocument(given, run, signIn, only ? INTERACTIVE : []);
        });
        const code = Math.max(...docs.map((d) => exitCode(d.outcome)));
        if (values.json) writeJson(io, docs.length === 1 && !values.all ? docs[0] : ({ outcome: worstOutcome(docs), exitCode: code, profiles: docs } satisfies CheckManyDocument));
        else io.stdout.write(redact(docs.map(humanReport).join('\n')));
        return code;
      } finally {
        await services.practice.stop();
      }
    },
  };
}

const RANK: CheckDocument['outcome'][] = ['passed', 'warning', 'failed', 'cancelled'];
function worstOutcome(docs: CheckDocument[]): CheckDocument['outcome'] {
  return docs.reduce<CheckDocument['outcome']>((w, d) => (RANK.indexOf(d.outcome) > RANK.indexOf(w) ? d.outcome : w), 'passed');
}

export const checkCommand: CliCommand = makeCheckCommand();
