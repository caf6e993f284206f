// Payees' bank accounts in tests: one fresh X25519 pair per test process, written as the files the
// registry (public key: seals) and the fund ledger (private key: opens) read. `startPlatform` gives
// every app `payeeSealingKeyEnv()`, as it gives the envelope keys.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSealingKeyPair } from '@jineng/kernel';

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
