/**
 * Read-only lookups over a scenario, the way Entra resolves things: a tenant by GUID or verified
 * domain, an app as seen from a tenant (registered there, or multi-tenant with a service principal
 * there), a resource by identifier URI or appId, consent grants, assignments.
 */
import type {
  AppRoleDef,
  PermissionScope,
  Scenario,
  ScenarioApplication,
  ScenarioPermissionGrant,
  ScenarioServicePrincipal,
  ScenarioTenant,
  ScenarioUser,
} from './scenario-schema';

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_RESOURCE_URIS = ['https://graph.microsoft.com', 'https://graph.microsoft.com/', GRAPH_APP_ID];
/** OpenID Connect scopes: they ask for sign-in itself, not for a resource. */
export const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

const lower = (s: string) => s.toLowerCase();

/** A resource a token can be issued for. */
export interface Resource {
  sp: ScenarioServicePrincipal;
  app: ScenarioApplication | undefined;
  /** The audience a token for it carries. */
  audience: string;
  /** The identifier the client used, for messages. */
  requested: string;
}

/** Lookups over one scenario. Pure; the simulator builds one per start. */
export class Directory {
  constructor(readonly scenario: Scenario) {}

  /** A tenant by GUID or verified domain (case-insensitive). */
  tenant(idOrDomain: string): ScenarioTenant | undefined {
    const v = lower(idOrDomain);
    return this.scenario.tenants.find((t) => lower(t.id) === v || t.domains.some((d) => lower(d) === v));
  }

  tenantById(id: string): ScenarioTenant | undefined {
    return this.scenario.tenants.find((t) => lower(t.id) === lower(id));
  }

  /** How Entra names a tenant in messages: its default domain. */
  tenantName(t: ScenarioTenant): string {
    return t.domains[0] ?? t.id;
  }

  applicationByAppId(appId: string): ScenarioApplication | undefined {
    return this.scenario.applications.find((a) => lower(a.appId) === lower(appId));
  }

  servicePrincipal(tenantId: string, appId: string): ScenarioServicePrincipal | undefined {
    return this.scenario.servicePrincipals.find((sp) => lower(sp.tenantId) === lower(tenantId) && lower(sp.appId) === lower(appId));
  }

  servicePrincipalById(id: string): ScenarioServicePrincipal | undefined {
    return this.scenario.servicePrincipals.find((sp) => lower(sp.id) === lower(id));
  }

  /**
   * The app as seen from `tenantId`: registered there, or multi-tenant and instantiated there by a
   * service principal. Undefined means AADSTS700016.
   */
  clientApp(tenantId: string, appId: string): { app: ScenarioApplication; sp: ScenarioServicePrincipal | undefined } | undefined {
    const app = this.applicationByAppId(appId);
    if (!app) return undefined;
    const sp = this.servicePrincipal(tenantId, appId);
    if (lower(app.tenantId) === lower(tenantId)) return { app, sp };
    if (app.signInAudience !== 'AzureADMyOrg' && sp) return { app, sp };
    return undefined;
  }

  userByUpn(upn: string): ScenarioUser | undefined {
    return this.scenario.users.find((u) => lower(u.userPrincipalName) === lower(upn));
  }

  userById(id: string): ScenarioUser | undefined {
    return this.scenario.users.find((u) => lower(u.id) === lower(id));
  }

  /**
   * A resource by the identifier a scope names (`api://...`, an appId, `https://graph.microsoft.com`).
   * `graphOrigin` is the simulator's Graph host, which also names Microsoft Graph.
   */
  resource(tenantId: string, identifier: string, graphOrigin: string): Resource | undefined {
    const id = identifier.replace(/\/+$/, '');
    const idl = lower(id);
    if (GRAPH_RESOURCE_URIS.some((g) => lower(g.replace(/\/+$/, '')) === idl) || idl === lower(graphOrigin)) {
      const sp = this.servicePrincipal(tenantId, GRAPH_APP_ID);
      return sp ? { sp, app: undefined, audience: 'https://graph.microsoft.com', requested: identifier } : undefined;
    }
    const candidates = this.scenario.servicePrincipals.filter((sp) => lower(sp.tenantId) === lower(tenantId));
    for (const sp of candidates) {
      const app = this.applicationByAppId(sp.appId);
      if (lower(sp.appId) === idl) return { sp, app, audience: sp.appId, requested: identifier };
      if (app?.identifierUris.some((u) => lower(u.replace(/\/+$/, '')) === idl)) {
        const v2 = app.api.requestedAccessTokenVersion === 2;
        return { sp, app, audience: v2 ? app.appId : identifier, requested: identifier };
      }
    }
    return undefined;
  }

  /** Delegated scopes the resource offers (the SP's own list, or its app's exposed API). */
  offeredScopes(resource: ScenarioServicePrincipal): PermissionScope[] {
    if (resource.oauth2PermissionScopes.length > 0) return resource.oauth2PermissionScopes;
    return this.applicationByAppId(resource.appId)?.api.oauth2PermissionScopes ?? [];
  }

  appRoles(resource: ScenarioServicePrincipal): AppRoleDef[] {
    if (resource.appRoles.length > 0) return resource.appRoles;
    return this.applicationByAppId(resource.appId)?.appRoles ?? [];
  }

  /** Delegated grants from client SP to resource SP that apply to `userId`. */
  grants(clientSpId: string, resourceSpId: string, userId: string): ScenarioPermissionGrant[] {
    return this.scenario.oauth2PermissionGrants.filter(
      (g) =>
        lower(g.clientId) === lower(clientSpId) &&
        lower(g.resourceId) === lower(resourceSpId) &&
        (g.consentType === 'AllPrincipals' || (g.principalId !== null && lower(g.principalId) === lower(userId))),
    );
  }

  /** The consented scope values from client to resource for a user. */
  consentedScopes(clientSpId: string, resourceSpId: string, userId: string): Set<string> {
    const out = new Set<string>();
    for (const g of this.grants(clientSpId, resourceSpId, userId)) for (const s of g.scope.split(/\s+/)) if (s) out.add(s);
    return out;
  }

  /** True when the user is assigned (directly) to the service principal. */
  isAssigned(spId: string, userId: string): boolean {
    return this.scenario.appRoleAssignments.some((a) => lower(a.resourceId) === lower(spId) && lower(a.principalId) === lower(userId));
  }

  /** Application permissions (app role values) the client SP holds on the resource SP. */
  applicationRoles(clientSpId: string, resourceSp: ScenarioServicePrincipal): string[] {
    const roles = this.appRoles(resourceSp);
    return this.scenario.appRoleAssignments
      .filter((a) => a.principalType === 'ServicePrincipal' && lower(a.principalId) === lower(clientSpId) && lower(a.resourceId) === lower(resourceSp.id))
      .map((a) => roles.find((r) => lower(r.id) === lower(a.appRoleId))?.value)
      .filter((v): v is string => typeof v === 'string');
  }
}
