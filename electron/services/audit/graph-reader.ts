/**
 * Reads what the audit needs from Microsoft Graph v1.0 with a delegated token: both app
 * registrations, their service principals, Microsoft Graph's service principal, the API app's
 * consent grants and both apps' assignments. Every response is validated; each read that fails is
 * kept as a reason (401, 403 with the consent it lacks, network, unexpected shape) so the rules can
 * mark just the steps that depend on it as unknown.
 */
import type { z } from 'zod';
import type { EntraErrorRef } from '../../../shared/check';
import { parseGraphError } from '../check/entra-response';
import { graphGet, type Wait } from '../check/graph-request';
import { HttpRequestError, type HttpClient, type HttpResponse } from '../http';
import {
  AppRoleAssignmentSchema,
  ApplicationSchema,
  collectionSchema,
  GRAPH_RESOURCE_APP_ID,
  PermissionGrantSchema,
  ServicePrincipalSchema,
  type GraphAppRoleAssignment,
  type GraphApplication,
  type GraphPermissionGrant,
  type GraphServicePrincipal,
} from './graph-schemas';

/** A read that worked, or why it did not. */
export type GraphRead<T> = { ok: true; value: T } | { ok: false; reason: string; fix: string | null; status: number | null; error: EntraErrorRef | null };

export interface GraphSnapshot {
  apiApp: GraphRead<GraphApplication | null>;
  apiSp: GraphRead<GraphServicePrincipal | null>;
  samlApp: GraphRead<GraphApplication | null>;
  samlSp: GraphRead<GraphServicePrincipal | null>;
  /** Microsoft Graph's service principal in the tenant (the resource of User.Read grants). */
  graphSp: GraphRead<GraphServicePrincipal | null>;
  /** The API app's delegated grants; ok with [] when the API app has no service principal. */
  apiGrants: GraphRead<GraphPermissionGrant[]>;
  apiAssignments: GraphRead<GraphAppRoleAssignment[]>;
  samlAssignments: GraphRead<GraphAppRoleAssignment[]>;
}

export interface GraphReaderOptions {
  /** https://graph.microsoft.com (or the cloud's, or the practice tenant's). */
  graphHost: string;
  http: HttpClient;
  accessToken: string;
  signal: AbortSignal;
  timeoutMs: number;
  /** The public client that signed in, named in consent instructions. */
  clientId: string;
  clientName: string;
  /** Waits out a Graph Retry-After; resolves early (and the read gives up) when `signal` aborts. Tests pass their own. */
  wait?: Wait;
}

const MAX_PAGES = 20;
/** What to tell an admin when Graph says 403 for lack of `permission`. */
export function consentInstruction(permission: string, clientName: string, clientId: string): string {
  return (
    `The account you signed in with may not use the delegated permission ${permission} through ${clientName} (${clientId}). ` +
    `An administrator who can grant tenant-wide consent to Microsoft Graph permissions (Global Administrator or Privileged Role Administrator) must grant it: ` +
    `Entra admin center > Identity > Applications > Enterprise applications > ${clientName} > Permissions > "Grant admin consent for <tenant>", ` +
    `or sign in here once as that administrator and tick "Consent on behalf of your organization". Then run the audit again.`
  );
}

function isGraphUrl(url: string, graphHost: string): boolean {
  try {
    return new URL(url).origin === new URL(graphHost).origin;
  } catch {
    return false;
  }
}

/** GET one Graph URL and validate it; follows @odata.nextLink for collections (same host only). */
async function getJson<T extends z.ZodType>(o: GraphReaderOptions, url: string, schema: T, permission: string): Promise<GraphRead<z.output<T>>> {
  let res: HttpResponse;
  try {
    res = await graphGet(o.http, url, { accessToken: o.accessToken, signal: o.signal, timeoutMs: o.timeoutMs, ...(o.wait ? { wait: o.wait } : {}) });
  } catch (error) {
    const why = error instanceof HttpRequestError ? error.message : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `Microsoft Graph could not be reached (${why}).`, fix: 'Check the network (proxy, firewall) and run the audit again.', status: null, error: null };
  }
  if (res.status === 429 && o.signal.aborted) return { ok: false, reason: 'Cancelled while Microsoft Graph asked to wait (throttling).', fix: null, status: 429, error: null };
  if (res.status !== 200) {
    const ref = parseGraphError(res.body);
    const said = ref ? `${res.status} ${String(ref.code)}${ref.message ? `: ${ref.message}` : ''}` : `HTTP ${res.status}`;
    if (res.status === 403)
      return { ok: false, reason: `Microsoft Graph refused to read this (${said}): the sign-in lacks ${permission}.`, fix: consentInstruction(permission, o.clientName, o.clientId), status: 403, error: ref };
    if (res.status === 429)
      return {
        ok: false,
        reason: `Microsoft Graph is throttling these requests (${said}${res.headers['retry-after'] ? `, Retry-After ${res.headers['retry-after']} s` : ''}).`,
        fix: 'Wait a few minutes and run the audit again.',
        status: 429,
        error: ref,
      };
    if (res.status === 401)
      return { ok: false, reason: `Microsoft Graph did not accept the sign-in (${said}).`, fix: 'Sign in to Microsoft Graph again and run the audit again.', status: 401, error: ref };
    return { ok: false, reason: `Microsoft Graph answered ${said}.`, fix: 'Run the audit again; if it repeats, note the request ID and check the Graph service health.', status: res.status, error: ref };
  }
  try {
    return { ok: true, value: schema.parse(JSON.parse(res.body)) };
  } catch (error) {
    return { ok: false, reason: `Microsoft Graph answered in an unexpected shape (${error instanceof Error ? error.message.slice(0, 200) : String(error)}).`, fix: null, status: 200, error: null };
  }
}

async function getAll<T extends z.ZodType>(o: GraphReaderOptions, url: string, item: T, permission: string): Promise<GraphRead<z.output<T>[]>> {
  const out: z.output<T>[] = [];
  let next: string | undefined = url;
  for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
    const read: GraphRead<z.output<ReturnType<typeof collectionSchema<T>>>> = await getJson(o, next, collectionSchema(item), permission);
    if (!read.ok) return read;
    out.push(...(read.value.value as z.output<T>[]));
    const link: string | undefined = read.value['@odata.nextLink'];
    next = link !== undefined && isGraphUrl(link, o.graphHost) ? link : undefined;
  }
  return { ok: true, value: out };
}

async function oneByAppId<T extends z.ZodType>(o: GraphReaderOptions, collection: 'applications' | 'servicePrincipals', appId: string, schema: T): Promise<GraphRead<z.output<T> | null>> {
  const url = `${o.graphHost}/v1.0/${collection}?$filter=${encodeURIComponent(`appId eq '${appId.replace(/'/g, "''")}'`)}`;
  const read = await getAll(o, url, schema, 'Application.Read.All');
  if (!read.ok) return read;
  return { ok: true, value: read.value[0] ?? null };
}

/** Everything the rules need, read concurrently where the reads do not depend on each other. */
export async function readSnapshot(o: GraphReaderOptions, apps: { apiAppId: string; samlAppId: string }): Promise<GraphSnapshot> {
  const [apiApp, apiSp, samlApp, samlSp, graphSp] = await Promise.all([
    oneByAppId(o, 'applications', apps.apiAppId, ApplicationSchema),
    oneByAppId(o, 'servicePrincipals', apps.apiAppId, ServicePrincipalSchema),
    oneByAppId(o, 'applications', apps.samlAppId, ApplicationSchema),
    oneByAppId(o, 'servicePrincipals', apps.samlAppId, ServicePrincipalSchema),
    oneByAppId(o, 'servicePrincipals', GRAPH_RESOURCE_APP_ID, ServicePrincipalSchema),
  ]);
  const spPath = (sp: GraphServicePrincipal, nav: string) => `${o.graphHost}/v1.0/servicePrincipals/${encodeURIComponent(sp.id)}/${nav}`;
  const forSp = async <T>(sp: GraphRead<GraphServicePrincipal | null>, read: (s: GraphServicePrincipal) => Promise<GraphRead<T[]>>): Promise<GraphRead<T[]>> => {
    if (!sp.ok) return sp;
    return sp.value ? read(sp.value) : { ok: true, value: [] };
  };
  const [apiGrants, apiAssignments, samlAssignments] = await Promise.all([
    forSp(apiSp, (sp) => getAll(o, spPath(sp, 'oauth2PermissionGrants'), PermissionGrantSchema, 'Directory.Read.All')),
    forSp(apiSp, (sp) => getAll(o, spPath(sp, 'appRoleAssignedTo'), AppRoleAssignmentSchema, 'Application.Read.All')),
    forSp(samlSp, (sp) => getAll(o, spPath(sp, 'appRoleAssignedTo'), AppRoleAssignmentSchema, 'Application.Read.All')),
  ]);
  return { apiApp, apiSp, samlApp, samlSp, graphSp, apiGrants, apiAssignments, samlAssignments };
}
