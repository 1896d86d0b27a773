/**
 * One audit: sign in to Microsoft Graph, read both apps, evaluate the rules. Shared by the app's
 * AuditService and the `audit` CLI, so both report exactly the same findings.
 */
import { AUDIT_STEPS, auditOutcome, type AuditFinding, type AuditReport } from '../../../shared/audit';
import type { Endpoints } from '../check/probe-context';
import type { HttpClient } from '../http';
import type { Clock } from '../ports';
import { redact } from '../redact';
import { readSnapshot, type GraphRead, type GraphSnapshot } from './graph-reader';
import { evaluateSnapshot, type AuditTarget } from './rules';
import { GraphSignInError, graphClientName, type GraphToken, type GraphTokenSource } from './token-source';

export interface RunAuditInput {
  target: AuditTarget;
  profile: { id: string | null; name: string | null };
  endpoints: Endpoints;
  http: HttpClient;
  tokenSource: GraphTokenSource;
  /** The public client to sign in with (default Microsoft Graph Command Line Tools). */
  clientId: string;
  clock: Clock;
  signal: AbortSignal;
  requestTimeoutMs: number;
  warnDays?: number;
  /** How to wait out Graph's Retry-After (default: a timer ended by `signal`). */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The value the guide asks for on a step, to copy even when Graph could not be read. */
function guideValue(f: AuditFinding, t: AuditTarget): AuditFinding['copy'] {
  if (f.id === 'redirect-uri') return { label: 'Redirect URI', value: t.webUrl };
  if (f.id === 'app-id-uri') return { label: 'Application ID URI', value: `api://${t.apiAppId.toLowerCase()}` };
  return null;
}

/** Every step unknown, for when nothing could be read. */
function allUnknown(t: AuditTarget, why: string, fix: string | null): AuditFinding[] {
  return AUDIT_STEPS.map((s) => {
    const f: AuditFinding = { id: s.id, app: s.app, title: s.title, status: 'unknown', summary: `Not checked: ${why}`, fix, link: null, copy: null, facts: [] };
    return { ...f, copy: guideValue(f, t) };
  });
}

/** The first read refused for lack of sign-in or consent: the report's headline problem. */
function accessProblem(s: GraphSnapshot): { summary: string; fix: string | null } | null {
  const reads: GraphRead<unknown>[] = [s.apiApp, s.apiSp, s.samlApp, s.samlSp, s.graphSp, s.apiGrants, s.apiAssignments, s.samlAssignments];
  for (const r of reads) if (!r.ok && (r.status === 401 || r.status === 403)) return { summary: r.reason, fix: r.fix };
  return null;
}

/**
 * Run the audit. Never throws for Entra's or Graph's answers: a failed sign-in is a report whose
 * problem says what to do, with every step unknown. `rejected` in the result is true when Graph said 401 (a cached token should be dropped).
 */
export async function runAudit(input: RunAuditInput): Promise<{ report: AuditReport; rejected: boolean }> {
  const t = input.target;
  const base = {
    profileId: input.profile.id,
    profileName: input.profile.name,
    cloud: t.cloud,
    tenantId: t.tenantId,
    apiAppId: t.apiAppId,
    samlAppId: t.samlAppId,
    graphClientId: input.clientId,
  };
  let token: GraphToken;
  try {
    token = await input.tokenSource.acquire({ tenantId: t.tenantId, endpoints: input.endpoints, http: input.http, clientId: input.clientId, signal: input.signal, timeoutMs: input.requestTimeoutMs });
  } catch (error) {
    const e = error instanceof GraphSignInError ? error : new GraphSignInError(`Signing in to Microsoft Graph failed: ${error instanceof Error ? error.message : String(error)}`, null);
    const summary = redact(e.message);
    const findings = allUnknown(t, 'the sign-in to Microsoft Graph did not complete.', e.fix);
    return {
      report: { ...base, auditedAt: input.clock.now().toISOString(), signedInAs: null, outcome: auditOutcome(findings), problem: { summary, fix: e.fix, link: null }, findings, secrets: [] },
      rejected: false,
    };
  }
  const snapshot = await readSnapshot(
    { graphHost: input.endpoints.graphHost, http: input.http, accessToken: token.accessToken, signal: input.signal, timeoutMs: input.requestTimeoutMs, clientId: input.clientId, clientName: graphClientName(input.clientId), ...(input.wait ? { wait: input.wait } : {}) },
    { apiAppId: t.apiAppId, samlAppId: t.samlAppId },
  );
  const evaluated = evaluateSnapshot(snapshot, t, { now: input.clock.now(), ...(input.warnDays !== undefined ? { warnDays: input.warnDays } : {}) });
  const findings = evaluated.findings.map((f) => ({ ...f, summary: redact(f.summary), copy: f.copy ?? guideValue(f, t) }));
  const problem = accessProblem(snapshot);
  const rejected = [snapshot.apiApp, snapshot.apiSp, snapshot.samlApp, snapshot.samlSp].some((r) => !r.ok && r.status === 401);
  return {
    report: {
      ...base,
      auditedAt: input.clock.now().toISOString(),
      signedInAs: token.username,
      outcome: auditOutcome(findings),
      problem: problem ? { ...problem, link: null } : null,
      findings,
      secrets: evaluated.secrets,
    },
    rejected,
  };
}
