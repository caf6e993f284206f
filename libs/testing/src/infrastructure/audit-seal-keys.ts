// The audit service's seal key in tests (ADR 0017): one fresh Ed25519 JWK per test process, written as
// the file the audit service reads (JINENG_AUDIT_SEAL_KEY_FILE), as the envelope keys are.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateEnvelopeKeys } from '@jineng/messaging';

let file: string | undefined;

export function auditSealKeyEnv(): { JINENG_AUDIT_SEAL_KEY_FILE: string } {
  if (!file) {
    const dir = mkdtempSync(path.join(tmpdir(), 'jineng-seal-key-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    file = path.join(dir, 'audit-seal-key.jwk.json');
    writeFileSync(file, JSON.stringify(generateEnvelopeKeys(`seal-test-${process.pid}`).signingJwk), {
      mode: 0o600,
    });
  }
  return { JINENG_AUDIT_SEAL_KEY_FILE: file };
}
