import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalhostCertificate {
  /** Paths, as TLS_CERT_FILE and TLS_KEY_FILE take them. */
  certFile: string;
  keyFile: string;
  /** The certificate's PEM, which a client can trust as its own authority. */
  cert: Buffer;
  remove(): void;
}

/**
 * A self-signed certificate for `localhost` (and 127.0.0.1), made by `openssl` in a folder of
 * its own, for the tests and the bench that serve HTTPS: nothing is committed, nothing is trusted
 * beyond the process that made it.
 */
export function makeLocalhostCertificate(): LocalhostCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'attendee-live-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return {
    certFile,
    keyFile,
    cert: readFileSync(certFile),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
