// The audit service's seal key (ADR 0017): an Ed25519 private JWK (as the envelope keys, RFC 8037,
// with an optional `kid`) named by JINENG_AUDIT_SEAL_KEY_FILE; earlier public keys that still verify
// older seals, after a rotation, in the JWK Set JINENG_AUDIT_SEAL_PUBLISHED_KEYS_FILE. With
// NODE_ENV=production the service does not start without the key; elsewhere it starts and makes no
// seal (npm start and the tests write a development key: libs/testing `auditSealKeyEnv`).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readEnvelopeSigningKey, readEnvelopeVerifyKeys, type EnvelopeSigningKey } from '@jineng/messaging';

export const SEAL_KEY_VARIABLE = 'JINENG_AUDIT_SEAL_KEY_FILE';
export const SEAL_PUBLISHED_KEYS_VARIABLE = 'JINENG_AUDIT_SEAL_PUBLISHED_KEYS_FILE';
export const SEAL_KEYS = Symbol('SEAL_KEYS');

export interface SealKeys {
  /** signs today's seal; absent outside production when no key is configured */
  readonly signing?: EnvelopeSigningKey;
  /** every key a seal may be verified with, by key id: the signing key's and the earlier ones */
  readonly published: ReadonlyMap<string, KeyObject>;
}

export function sealKeysFromEnv(env: NodeJS.ProcessEnv = process.env): SealKeys {
  const file = env[SEAL_KEY_VARIABLE];
  if (!file) {
    if (env.NODE_ENV === 'production')
      throw new Error(`${SEAL_KEY_VARIABLE} is required with NODE_ENV=production`);
    return { published: new Map() };
  }
  const signing = readEnvelopeSigningKey(file);
  const published = new Map<string, KeyObject>();
  const earlier = env[SEAL_PUBLISHED_KEYS_VARIABLE];
  if (earlier) for (const [kid, key] of readEnvelopeVerifyKeys(earlier)) published.set(kid, key);
  published.set(signing.keyId, createPublicKey(signing.privateKey));
  return { signing, published };
}

/** A published key as a public JWK (what the public seal page lists). */
export function publicJwkOf(keyId: string, key: KeyObject): { keyId: string; x: string } {
  const jwk = key.export({ format: 'jwk' }) as { x: string };
  return { keyId, x: jwk.x };
}
