// The seal key from configuration: required in production, published with the earlier keys.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateEnvelopeKeys } from '@jineng/messaging';
import { publicJwkOf, sealKeysFromEnv } from './seal-key.config';

const dir = mkdtempSync(path.join(tmpdir(), 'seal-key-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('refuses to start in production without a key; elsewhere starts with none and publishes none', () => {
  expect(() => sealKeysFromEnv({ NODE_ENV: 'production' })).toThrow(
    'JINENG_AUDIT_SEAL_KEY_FILE is required with NODE_ENV=production',
  );
  expect(sealKeysFromEnv({})).toEqual({ published: new Map() });
});

it('signs with the configured key and publishes its public key with the earlier ones', () => {
  const current = generateEnvelopeKeys('seal-2026');
  const earlier = generateEnvelopeKeys('seal-2025');
  writeFileSync(path.join(dir, 'key.json'), JSON.stringify(current.signingJwk));
  writeFileSync(path.join(dir, 'earlier.json'), JSON.stringify(earlier.verifyJwks));
  const keys = sealKeysFromEnv({
    JINENG_AUDIT_SEAL_KEY_FILE: path.join(dir, 'key.json'),
    JINENG_AUDIT_SEAL_PUBLISHED_KEYS_FILE: path.join(dir, 'earlier.json'),
  });
  expect(keys.signing?.keyId).toBe('seal-2026');
  expect([...keys.published].map(([kid, key]) => publicJwkOf(kid, key))).toEqual([
    { keyId: 'seal-2025', x: earlier.verifyJwks.keys[0].x },
    { keyId: 'seal-2026', x: current.signingJwk.x },
  ]);
  // a public key where the private one belongs is refused
  expect(() => sealKeysFromEnv({ JINENG_AUDIT_SEAL_KEY_FILE: path.join(dir, 'earlier.json') })).toThrow();
});
