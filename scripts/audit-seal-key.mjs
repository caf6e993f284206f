// The audit service's seal key (docs/adr/0017-seals-and-fraud-rules.md): an Ed25519 private JWK.
//
//   node scripts/audit-seal-key.mjs <folder> [key-id]
//
// writes <folder>/audit-seal-key.jwk.json (mode 0600: the audit service's JINENG_AUDIT_SEAL_KEY_FILE) and
// <folder>/audit-seal-public-key.jwks.json (the public key, to publish beside the seals and, after a
// rotation, to keep in JINENG_AUDIT_SEAL_PUBLISHED_KEYS_FILE so older seals still verify).
// `npm start` uses `writeDevelopmentSealKey`: one fixed development key, so the seals of an earlier run
// on the same database still verify on the next start — never for production.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEAL_KEY_FILE = 'audit-seal-key.jwk.json';
export const SEAL_PUBLIC_KEYS_FILE = 'audit-seal-public-key.jwks.json';

function write(folder, privateKey, kid) {
  const { x, d } = privateKey.export({ format: 'jwk' });
  mkdirSync(folder, { recursive: true });
  const keyFile = path.join(folder, SEAL_KEY_FILE);
  const publicKeysFile = path.join(folder, SEAL_PUBLIC_KEYS_FILE);
  writeFileSync(keyFile, `${JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x, d, kid })}\n`, { mode: 0o600 });
  writeFileSync(publicKeysFile, `${JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid }] })}\n`);
  return { keyFile, publicKeysFile, keyId: kid };
}

/** A new key into `folder`. */
export function writeAuditSealKey(folder, keyId) {
  const kid =
    keyId ?? `audit-seal-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  return write(folder, generateKeyPairSync('ed25519').privateKey, kid);
}

/** The fixed development key (from a public seed: anyone can sign with it — development only). */
export function writeDevelopmentSealKey(folder) {
  const seed = createHash('sha256').update('jineng development audit seal key - not for production').digest();
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return write(
    folder,
    createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    'audit-seal-development',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, keyId] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node scripts/audit-seal-key.mjs <folder> [key-id]');
    process.exit(2);
  }
  const written = writeAuditSealKey(path.resolve(folder), keyId);
  console.log(`  audit (private) ${written.keyFile}`);
  console.log(`  public          ${written.publicKeysFile} (key id ${written.keyId})`);
}
