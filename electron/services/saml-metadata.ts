/**
 * Reads an app's SAML federation metadata (https://learn.microsoft.com/entra/identity-platform/federation-metadata;
 * the BOM: https://learn.microsoft.com/entra/identity/enterprise-apps/tutorial-manage-certificates-for-federated-single-sign-on): every signing certificate in either
 * role descriptor, de-duplicated, with its dates. Tolerates the UTF-8 BOM Entra sends, namespace
 * prefixes, and whitespace inside the base64. Malformed XML is a clear error, never a crash.
 */
import { X509Certificate } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface SigningCertificate {
  thumbprintSha1: string;
  subject: string;
  notBefore: string;
  notAfter: string;
}

export class SamlMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SamlMetadataError';
  }
}

type XmlNode = { [key: string]: unknown };

/** Walk the parsed tree and collect the base64 of every X509Certificate under a KeyDescriptor use="signing". */
function collectSigning(node: unknown, underSigning: boolean, out: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectSigning(n, underSigning, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as XmlNode;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'KeyDescriptor') {
      for (const kd of Array.isArray(value) ? value : [value]) {
        const use = kd && typeof kd === 'object' ? (kd as XmlNode)['@_use'] : undefined;
        // A KeyDescriptor without `use` applies to signing too (SAML metadata spec).
        collectSigning(kd, use === undefined || use === 'signing', out);
      }
    } else if (key === 'X509Certificate' && underSigning) {
      for (const v of Array.isArray(value) ? value : [value]) {
        const text = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as XmlNode)['#text'] : undefined;
        if (typeof text === 'string') out.push(text.replace(/\s+/g, ''));
      }
    } else if (!key.startsWith('@_')) {
      collectSigning(value, underSigning, out);
    }
  }
}

/** Parse metadata XML; throws SamlMetadataError with a reason a person can act on. */
export function parseSigningCertificates(xml: string): SigningCertificate[] {
  const text = xml.replace(/^\uFEFF/, '').trim();
  if (!text.startsWith('<')) throw new SamlMetadataError('The federation metadata is not XML (it does not start with "<").');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new SamlMetadataError(`The federation metadata is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, processEntities: false });
  const doc = parser.parse(text) as XmlNode;
  if (!doc.EntityDescriptor) throw new SamlMetadataError('The federation metadata has no EntityDescriptor element.');
  const b64: string[] = [];
  collectSigning(doc.EntityDescriptor, false, b64);
  const seen = new Map<string, SigningCertificate>();
  for (const value of b64) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(Buffer.from(value, 'base64'));
    } catch {
      throw new SamlMetadataError('A signing certificate in the federation metadata could not be read (bad base64 or DER).');
    }
    const thumbprintSha1 = cert.fingerprint.replace(/:/g, '').toUpperCase();
    if (!seen.has(thumbprintSha1))
      seen.set(thumbprintSha1, {
        thumbprintSha1,
        subject: cert.subject.replace(/\n/g, ', '),
        notBefore: new Date(cert.validFrom).toISOString(),
        notAfter: new Date(cert.validTo).toISOString(),
      });
  }
  if (seen.size === 0) throw new SamlMetadataError('The federation metadata has no signing certificate (KeyDescriptor use="signing").');
  // Newest (latest expiry) first: that is the one Entra rolls over to.
  return [...seen.values()].sort((a, b) => b.notAfter.localeCompare(a.notAfter));
}

/** The app-specific metadata URL ("App Federation Metadata Url"). */
export function federationMetadataUrl(authorityHost: string, tenant: string, appId: string): string {
  return `${authorityHost}/${encodeURIComponent(tenant)}/federationmetadata/2007-06/federationmetadata.xml?appid=${encodeURIComponent(appId)}`;
}
