import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Test-only: a UnionPay-like PKI (root -> intermediate -> signing certificate) made with the
 * openssl CLI, because node:crypto can read and check X.509 certificates but cannot issue them.
 * The signing certificate is valid for 365 days from now, the CA certificates for 3650.
 */
export interface UnionPayTestPki {
  rootCertPem: string;
  intermediateCertPem: string;
  signCertPem: string;
  signKeyPem: string;
  /** signing certificate issued directly by the root (skipping the intermediate) */
  rootIssuedCertPem: string;
  rootIssuedKeyPem: string;
}

const CA_EXTENSIONS = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n';
const LEAF_EXTENSIONS = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n';

export function makeUnionPayTestPki(label: string): UnionPayTestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'unionpay-pki-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    writeFileSync(file('ca.ext'), CA_EXTENSIONS);
    writeFileSync(file('leaf.ext'), LEAF_EXTENSIONS);
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      file('root.key'),
      '-out',
      file('root.pem'),
      '-days',
      '3650',
      '-subj',
      `/CN=${label} Root`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    const issue = (name: string, subject: string, issuer: string, days: string, extensions: string) => {
      openssl(
        'req',
        '-new',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        file(`${name}.key`),
        '-out',
        file(`${name}.csr`),
        '-subj',
        subject,
      );
      openssl(
        'x509',
        '-req',
        '-in',
        file(`${name}.csr`),
        '-CA',
        file(`${issuer}.pem`),
        '-CAkey',
        file(`${issuer}.key`),
        '-CAcreateserial',
        '-out',
        file(`${name}.pem`),
        '-days',
        days,
        '-extfile',
        file(extensions),
      );
    };
    issue('middle', `/CN=${label} Middle`, 'root', '3650', 'ca.ext');
    issue('sign', `/CN=${label} Sign/OU=00040000:SIGN`, 'middle', '365', 'leaf.ext');
    issue('direct', `/CN=${label} Direct`, 'root', '365', 'leaf.ext');
    const read = (name: string) => readFileSync(file(name), 'utf8');
    return {
      rootCertPem: read('root.pem'),
      intermediateCertPem: read('middle.pem'),
      signCertPem: read('sign.pem'),
      signKeyPem: read('sign.key'),
      rootIssuedCertPem: read('direct.pem'),
      rootIssuedKeyPem: read('direct.key'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Signs `text` with `keyPem` through the openssl CLI: an independent signer to cross-check ours. */
export function opensslSignBase64(text: string, keyPem: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unionpay-sign-'));
  try {
    writeFileSync(path.join(dir, 'key.pem'), keyPem);
    writeFileSync(path.join(dir, 'data.txt'), text);
    const signature = execFileSync('openssl', [
      'dgst',
      '-sha256',
      '-sign',
      path.join(dir, 'key.pem'),
      path.join(dir, 'data.txt'),
    ]);
    return signature.toString('base64');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
