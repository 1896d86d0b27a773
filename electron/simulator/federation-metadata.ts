/**
 * /{tenant}/federationmetadata/2007-06/federationmetadata.xml[?appid=]: SAML/WS-Fed metadata as
 * Entra serves it (https://learn.microsoft.com/entra/identity-platform/federation-metadata): a UTF-8 BOM first, then an EntityDescriptor whose
 * WS-Fed RoleDescriptor and SAML IDPSSODescriptor both list every signing certificate. With an
 * appid of an app that has SAML certificates, those are listed; otherwise the tenant's own key.
 */
import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from './context';
import { resolveTenantSegment } from './discovery-endpoints';
import { ERR } from './entra-errors';
import { escapeHtml as e, type Exchange } from './exchange';

const BOM = '\uFEFF';

function keyDescriptors(certs: string[]): string {
  return certs
    .map((c) => `<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${c}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`)
    .join('');
}

const CLAIMS = [
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'Name', 'The mutable display name of the user.'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', 'Subject', 'An immutable, globally unique, non-reusable identifier of the user that is unique to the application for which a token is issued.'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'Given Name', 'First name of the user.'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'Surname', 'Last name of the user.'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'Email', 'Email address of the user.'],
  ['http://schemas.microsoft.com/identity/claims/objectidentifier', 'Object Identifier', 'Primary identifier for the user in the directory.'],
  ['http://schemas.microsoft.com/identity/claims/tenantid', 'Tenant Identifier', 'Identifier for the user\'s tenant.'],
];

/** The metadata XML for a tenant and its signing certificates (base64 DER). */
export function federationMetadataXml(origin: string, tenantId: string, certs: string[]): string {
  const base = `${origin}/${tenantId}`;
  const keys = keyDescriptors(certs);
  const claims = CLAIMS.map(
    ([uri, name, desc]) =>
      `<auth:ClaimType Uri="${uri}" xmlns:auth="http://docs.oasis-open.org/wsfed/authorization/200706"><auth:DisplayName>${e(name as string)}</auth:DisplayName><auth:Description>${e(desc as string)}</auth:Description></auth:ClaimType>`,
  ).join('');
  return (
    `${BOM}<?xml version="1.0" encoding="utf-8"?>` +
    `<EntityDescriptor ID="_${randomUUID()}" entityID="https://sts.windows.net/${tenantId}/" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">` +
    `<RoleDescriptor xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706">` +
    keys +
    `<fed:ClaimTypesOffered>${claims}</fed:ClaimTypesOffered>` +
    `<fed:SecurityTokenServiceEndpoint><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:Address>${base}/wsfed</wsa:Address></wsa:EndpointReference></fed:SecurityTokenServiceEndpoint>` +
    `<fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:Address>${base}/wsfed</wsa:Address></wsa:EndpointReference></fed:PassiveRequestorEndpoint>` +
    `</RoleDescriptor>` +
    `<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    keys +
    `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${base}/saml2"/>` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${base}/saml2"/>` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/saml2"/>` +
    `</IDPSSODescriptor></EntityDescriptor>`
  );
}

export function handleFederationMetadata(ctx: SimulatorContext, x: Exchange, segment: string): void {
  const ref = resolveTenantSegment(ctx, segment);
  if (ref.kind === 'unknown') return x.entraError(ERR.tenantNotFound(decodeURIComponent(segment)));
  const tenantId = ref.kind === 'tenant' ? ref.tenant.id : '{tenantid}';
  const appId = x.url.searchParams.get('appid')?.toLowerCase();
  const app = appId && ref.kind === 'tenant' ? ctx.dir.clientApp(ref.tenant.id, appId) : undefined;
  const samlCerts = app ? (ctx.samlCertificates.get(app.app.appId.toLowerCase()) ?? []) : [];
  const certs = samlCerts.length > 0 ? samlCerts.map((c) => c.base64Der) : (ctx.signer.jwk.x5c ?? []);
  x.send(200, federationMetadataXml(x.origin, tenantId, certs), {
    'content-type': 'application/xml; charset=utf-8',
    'cache-control': 'max-age=3600, private',
    'access-control-allow-origin': '*',
  });
}
