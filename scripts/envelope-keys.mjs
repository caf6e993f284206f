// A fresh Ed25519 key pair for signed envelopes (docs/adr/0002-messaging.md, "Trust boundary"):
//
//   node scripts/envelope-keys.mjs <folder> [key-id]
//
// writes <folder>/envelope-signing-key.jwk.json (the gateway's private key, mode 0600: mount it as
// JINENG_ENVELOPE_SIGNING_KEY_FILE) and <folder>/envelope-verify-keys.jwks.json (the public key as a
// JWK Set: every service's JINENG_ENVELOPE_VERIFY_KEYS_FILE). To rotate, add the new public key to the
// services' set, roll them, switch the gateway to the new private key, then drop the old public key.
// The key id defaults to `gateway-<UTC date>-<random>`. `npm start` calls `writeEnvelopeKeys` for a
// pair of its own on every start.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIGNING_KEY_FILE = 'envelope-signing-key.jwk.json';
export const VERIFY_KEYS_FILE = 'envelope-verify-keys.jwks.json';

/** Writes a new pair into `folder`; answers the two paths and the key id. */
export function writeEnvelopeKeys(folder, keyId) {
  const kid = keyId ?? `gateway-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  const { privateKey } = generateKeyPairSync('ed25519');
  const { x, d } = privateKey.export({ format: 'jwk' });
  mkdirSync(folder, { recursive: true });
  const signingKeyFile = path.join(folder, SIGNING_KEY_FILE);
  const verifyKeysFile = path.join(folder, VERIFY_KEYS_FILE);
  writeFileSync(signingKeyFile, `${JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x, d, kid })}\n`, {
    mode: 0o600,
  });
  writeFileSync(
    verifyKeysFile,
    `${JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid }] }, null, 2)}\n`,
  );
  return { signingKeyFile, verifyKeysFile, keyId: kid };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, keyId] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node scripts/envelope-keys.mjs <folder> [key-id]');
    process.exit(2);
  }
  const written = writeEnvelopeKeys(path.resolve(folder), keyId);
  console.log(`key id ${written.keyId}`);
  console.log(`  gateway  (private) ${written.signingKeyFile}`);
  console.log(`  services (public)  ${written.verifyKeysFile}`);
}
