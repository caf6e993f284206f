// A fresh X25519 key pair for sealing payees' bank accounts (docs/adr/0012-payee-accounts.md):
//
//   node scripts/payee-sealing-keys.mjs <folder>
//
// writes <folder>/payee-sealing-public-key.pem (the registry seals with it: JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE)
// and <folder>/payee-sealing-private-key.pem (mode 0600; only the fund ledger opens with it:
// JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE). `npm start` writes a pair of its own on every start.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAYEE_PUBLIC_KEY_FILE = 'payee-sealing-public-key.pem';
export const PAYEE_PRIVATE_KEY_FILE = 'payee-sealing-private-key.pem';

/** Writes a new pair into `folder`; answers the two paths. */
export function writePayeeSealingKeys(folder) {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  mkdirSync(folder, { recursive: true });
  const publicKeyFile = path.join(folder, PAYEE_PUBLIC_KEY_FILE);
  const privateKeyFile = path.join(folder, PAYEE_PRIVATE_KEY_FILE);
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return { publicKeyFile, privateKeyFile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node scripts/payee-sealing-keys.mjs <folder>');
    process.exit(2);
  }
  const written = writePayeeSealingKeys(path.resolve(folder));
  console.log(`  registry    (public)  ${written.publicKeyFile}`);
  console.log(`  fund-ledger (private) ${written.privateKeyFile}`);
}
