// The simulator's TLS identity: a self-signed certificate for 127.0.0.1, localhost and the three
// Korea Post host names, committed under ./tls (TEST ONLY — the key is public, see README.md). It is
// committed rather than generated at start because Node's crypto cannot sign an X.509 certificate and
// the tests must not depend on an openssl binary.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// paths, not URL objects: under happy-dom (the popup's tests) the global URL is not node's, and fs refuses it
const dir = join(dirname(fileURLToPath(import.meta.url)), 'tls');

export const SANDBOX_TLS = {
  cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  key: readFileSync(join(dir, 'key.pem'), 'utf8'),
};

/**
 * base64 SHA-256 of the certificate's SubjectPublicKeyInfo: what Chromium's
 * --ignore-certificate-errors-spki-list takes to trust this one certificate in a test profile.
 */
export function sandboxSpkiHash(): string {
  const spki = new X509Certificate(SANDBOX_TLS.cert).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
