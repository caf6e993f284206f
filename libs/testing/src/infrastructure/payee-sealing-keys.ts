// Payees' bank accounts in tests: one fresh X25519 pair per test process, written as the files the
// registry (public key: seals) and the fund ledger (private key: opens) read. `startPlatform` gives
// every app `payeeSealingKeyEnv()`, as it gives the envelope keys.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSealingKeyPair, PAYEE_ACCOUNT_PURPOSE, sealBox, sealingPublicKey } from '@jineng/kernel';
import type { IntegrationEvent } from '@jineng/messaging';

let files: { publicKeyFile: string; privateKeyFile: string } | undefined;

export function payeeSealingKeyEnv(): {
  JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE: string;
  JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE: string;
} {
  if (!files) {
    const dir = mkdtempSync(path.join(tmpdir(), 'jineng-payee-keys-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const { publicKeyPem, privateKeyPem } = generateSealingKeyPair();
    files = {
      publicKeyFile: path.join(dir, 'payee-sealing-public-key.pem'),
      privateKeyFile: path.join(dir, 'payee-sealing-private-key.pem'),
    };
    writeFileSync(files.publicKeyFile, publicKeyPem);
    writeFileSync(files.privateKeyFile, privateKeyPem, { mode: 0o600 });
  }
  return {
    JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE: files.publicKeyFile,
    JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE: files.privateKeyFile,
  };
}

/** Registry's PayeeAccountSealed.v1 as its relay publishes it: the account sealed to the test public key. */
export function payeeAccountSealedEvent(
  payeeId: string,
  payeeKind: string,
  account: { accountName: string; accountNumber: string; bankCode?: string },
  streamVersion = 1,
): IntegrationEvent {
  const key = sealingPublicKey(
    readFileSync(payeeSealingKeyEnv().JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE, 'utf8'),
  );
  const clear = JSON.stringify({ accountName: account.accountName, accountNumber: account.accountNumber });
  const id = randomUUID();
  return {
    id,
    type: 'PayeeAccountSealed.v1',
    service: 'registry',
    streamId: `payee-account-${payeeId}`,
    streamVersion,
    recordedAt: new Date().toISOString(),
    hash: '0'.repeat(64),
    data: {
      payeeId,
      payeeKind,
      sealedAccount: sealBox(key, clear, PAYEE_ACCOUNT_PURPOSE),
      accountDigest: createHash('sha256').update(clear).digest('hex'),
      bankCode: account.bankCode ?? '102100099996',
    },
    metadata: {
      commandId: randomUUID(),
      commandType: 'RecordPayeeAccount',
      requestDigest: '0'.repeat(64),
      correlationId: id,
      causationId: id,
      actor: { userId: 'officer-1', roles: ['county_officer'] },
      jurisdiction: '530302',
      occurredAt: new Date().toISOString(),
    },
  };
}
