/**
 * Certificates for the practice tenant, made with @peculiar/x509 over WebCrypto (no OpenSSL binary
 * needed, same code on Windows/macOS/Linux): the simulator's own CA (made once per data folder and
 * reused, so a client can pin it), the loopback server certificate it issues at each start (its
 * key never leaves memory), and self-signed RSA certificates for SAML and token signing.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as x509 from './x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
const crypto = webcrypto;
x509.cryptoProvider.set(crypto);

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const EC_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
export const RSA_KEY = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

const DAY = 86_400_000;

/** A CA that can issue certificates: its certificate, PEM, and private key (in memory). */
export interface CertificateAuthority {
  cert: x509.X509Certificate;
  certPem: string;
  privateKey: CryptoKey;
}

/** A certificate with its private key, both as PEM (what node:tls wants). */
export interface KeyedCertificate {
  certPem: string;
  keyPem: string;
}

function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive
  return bytes.toString('hex');
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

/** A new ECDSA P-256 CA, valid for ten years from `now`. */
export async function createCertificateAuthority(commonName: string, now = new Date()): Promise<CertificateAuthority & { keyPem: string }> {
  const keys = await crypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${commonName}, O=Federation Desk`,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    signingAlgorithm: EC_SIGN,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, certPem: cert.toString('pem'), privateKey: keys.privateKey, keyPem: await privateKeyPem(keys.privateKey) };
}

/** Where the CA lives under a data folder. */
export function caPaths(dataDir: string): { dir: string; certPath: string; keyPath: string } {
  const dir = path.join(dataDir, 'simulator-ca');
  return { dir, certPath: path.join(dir, 'ca.pem'), keyPath: path.join(dir, 'ca-key.pem') };
}

async function readCa(dataDir: string, now: Date): Promise<CertificateAuthority | null> {
  const { certPath, keyPath } = caPaths(dataDir);
  let certPem: string;
  let keyPem: string;
  try {
    [certPem, keyPem] = await Promise.all([fs.readFile(certPath, 'utf8'), fs.readFile(keyPath, 'utf8')]);
  } catch {
    return null;
  }
  try {
    const cert = new x509.X509Certificate(certPem);
    // Renew a CA that is about to lapse rather than hand out server certificates it cannot cover.
    if (cert.notAfter.getTime() - now.getTime() < 60 * DAY) return null;
    const privateKey = await crypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(keyPem), EC_KEY, false, ['sign']);
    return { cert, certPem, privateKey };
  } catch {
    return null;
  }
}

/**
 * The data folder's simulator CA, made on first use. Creation is atomic (a temporary folder renamed
 * into place), so two processes starting at once agree on one CA. The key file is mode 0600.
 */
export async function loadOrCreateCertificateAuthority(dataDir: string, now = new Date()): Promise<CertificateAuthority & { certPath: string }> {
  const { dir, certPath, keyPath } = caPaths(dataDir);
  const existing = await readCa(dataDir, now);
  if (existing) return { ...existing, certPath };
  await fs.mkdir(dataDir, { recursive: true });
  const ca = await createCertificateAuthority('Federation Desk Practice Tenant CA', now);
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await fs.mkdir(tmp, { recursive: true, mode: 0o700 });
  await fs.writeFile(path.join(tmp, 'ca-key.pem'), ca.keyPem, { mode: 0o600 });
  await fs.chmod(path.join(tmp, 'ca-key.pem'), 0o600);
  await fs.writeFile(path.join(tmp, 'ca.pem'), ca.certPem, { mode: 0o644 });
  // A stale or broken CA is replaced; a fresh one another process just made is kept.
  if (await fs.stat(dir).then(() => true, () => false)) {
    const again = await readCa(dataDir, now);
    if (again) {
      await fs.rm(tmp, { recursive: true, force: true });
      return { ...again, certPath };
    }
    await fs.rm(dir, { recursive: true, force: true });
  }
  try {
    await fs.rename(tmp, dir);
  } catch {
    await fs.rm(tmp, { recursive: true, force: true });
    const winner = await readCa(dataDir, now);
    if (!winner) throw new Error(`Could not create the simulator CA in ${dir}`);
    return { ...winner, certPath };
  }
  const written = await readCa(dataDir, now);
  if (!written) throw new Error(`The simulator CA in ${keyPath} could not be read back`);
  return { ...written, certPath };
}

/** A TLS server certificate for 127.0.0.1, ::1 and localhost, issued by `ca`, valid 30 days. */
export async function issueServerCertificate(ca: CertificateAuthority, now = new Date()): Promise<KeyedCertificate> {
  const keys = await crypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=127.0.0.1, O=Federation Desk practice tenant',
    issuer: ca.cert.subject,
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + 30 * DAY),
    signingAlgorithm: EC_SIGN,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
        { type: 'dns', value: 'localhost' },
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert.publicKey),
    ],
  });
  return { certPem: `${cert.toString('pem')}\n${ca.certPem}`, keyPem: await privateKeyPem(keys.privateKey) };
}

/** A new RSA 2048 key pair for RS256 (token signing and SAML certificates). */
export async function generateRsaKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(RSA_KEY, true, ['sign', 'verify']);
}

const processKeys = new Map<string, Promise<CryptoKeyPair>>();

/**
 * An RSA key pair made once per process and purpose ("token", "saml"), kept in memory only.
 * RSA generation takes up to a couple of seconds; a restart of the simulator need not wait again.
 */
export function processRsaKeyPair(purpose: string): Promise<CryptoKeyPair> {
  let keys = processKeys.get(purpose);
  if (!keys) {
    keys = generateRsaKeyPair();
    processKeys.set(purpose, keys);
  }
  return keys;
}

/** A self-signed RSA certificate with the given validity, as Entra makes for SAML and token signing. */
export async function createSigningCertificate(keys: CryptoKeyPair, subject: string, notBefore: Date, notAfter: Date): Promise<{ cert: x509.X509Certificate; base64Der: string; sha1Thumbprint: string }> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: subject,
    notBefore,
    notAfter,
    signingAlgorithm: RSA_KEY,
    keys,
  });
  const thumb = Buffer.from(await cert.getThumbprint('SHA-1')).toString('hex').toUpperCase();
  return { cert, base64Der: Buffer.from(cert.rawData).toString('base64'), sha1Thumbprint: thumb };
}
