// The ledger's private key for payees' bank accounts (ADR 0012): a PEM file (X25519, PKCS#8) named by
// JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE — `npm start` and the tests make a fresh pair, a deployment
// mounts the secret `jineng-payee-sealing-private-key`. Required with NODE_ENV=production; elsewhere
// the service starts without it and refuses to write a payment file (PAYMENT.OPENING_KEY_MISSING).
// Accounts are opened here only, one at a time, while a payment file is written; nothing else sees them.
import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { openSealedBox, PAYEE_ACCOUNT_PURPOSE, SealedBoxError, sealingPrivateKey } from '@jineng/kernel';
import { Injectable } from '@nestjs/common';
import {
  parseClearAccount,
  PayeeAccountUnreadable,
  PayeeOpeningKeyMissing,
  type ClearPayeeAccount,
} from './domain/payee-account';

export const PAYEE_OPENING_KEY_VARIABLE = 'JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE';

export function payeeOpeningKeyFromEnv(env: NodeJS.ProcessEnv = process.env): KeyObject | undefined {
  const file = env[PAYEE_OPENING_KEY_VARIABLE];
  if (!file) {
    if (env.NODE_ENV === 'production')
      throw new Error(`${PAYEE_OPENING_KEY_VARIABLE} is required with NODE_ENV=production`);
    return undefined;
  }
  try {
    return sealingPrivateKey(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${PAYEE_OPENING_KEY_VARIABLE} (${file}): not an X25519 private key in PEM: ${String(error)}`,
    );
  }
}

@Injectable()
export class PayeeAccountOpener {
  private readonly key = payeeOpeningKeyFromEnv();

  /** Throws PAYMENT.OPENING_KEY_MISSING when no key is configured. */
  assertConfigured(): void {
    if (!this.key) throw new PayeeOpeningKeyMissing({});
  }

  open(payeeId: string, sealedAccount: string): ClearPayeeAccount {
    this.assertConfigured();
    let text: string;
    try {
      text = openSealedBox(this.key!, sealedAccount, PAYEE_ACCOUNT_PURPOSE);
    } catch (error) {
      if (error instanceof SealedBoxError) throw new PayeeAccountUnreadable({ payeeId });
      throw error;
    }
    const account = parseClearAccount(text);
    if (!account) throw new PayeeAccountUnreadable({ payeeId });
    return account;
  }
}
