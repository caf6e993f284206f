// The fund ledger's public key, which payees' bank accounts are sealed to (ADR 0012): a PEM file (X25519,
// SPKI) named by JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE — `npm start` and the tests make a fresh pair, a
// deployment mounts the secret `jineng-payee-sealing-public-key`. With NODE_ENV=production the registry
// does not start without it; elsewhere it starts, and RecordPayeeAccount refuses (PAYEE.SEALING_KEY_MISSING).
import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { sealingPublicKey } from '@jineng/kernel';

export const PAYEE_SEALING_PUBLIC_KEY_VARIABLE = 'JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE';

export function payeeSealingKeyFromEnv(env: NodeJS.ProcessEnv = process.env): KeyObject | undefined {
  const file = env[PAYEE_SEALING_PUBLIC_KEY_VARIABLE];
  if (!file) {
    if (env.NODE_ENV === 'production')
      throw new Error(`${PAYEE_SEALING_PUBLIC_KEY_VARIABLE} is required with NODE_ENV=production`);
    return undefined;
  }
  try {
    return sealingPublicKey(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${PAYEE_SEALING_PUBLIC_KEY_VARIABLE} (${file}): not an X25519 public key in PEM: ${String(error)}`,
    );
  }
}
