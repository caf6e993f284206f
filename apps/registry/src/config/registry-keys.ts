// The registry's keys, from configuration (ARCHITECTURE §6): AES-256-GCM for personal data at rest,
// HMAC-SHA256 for lookups by ID number. Each is base64 of 32 random bytes, e.g. `openssl rand -base64 32`.
//
//   JINENG_REGISTRY_DATA_KEY            encrypts; every ciphertext records the id of its key
//   JINENG_REGISTRY_PREVIOUS_DATA_KEYS  comma-separated older data keys, still read after a rotation
//   JINENG_REGISTRY_LOOKUP_KEY          keyed hashes of ID numbers; worker ids derive from them, so it
//                                       is never rotated without re-keying every worker
//
// There is no built-in default: the service refuses to start without keys. `npm start` and the tests
// pass development keys (derived from DEVELOPMENT_KEY_SEEDS); with NODE_ENV=production those are refused.
import { createHash } from 'node:crypto';

export interface RegistryKeys {
  readonly dataKey: Buffer;
  readonly previousDataKeys: readonly Buffer[];
  readonly lookupKey: Buffer;
}

export class RegistryKeyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid registry keys:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RegistryKeyError';
  }
}

/** What scripts/start.mjs hashes (sha256, base64) into the development keys. Public: never for production. */
export const DEVELOPMENT_KEY_SEEDS = {
  JINENG_REGISTRY_DATA_KEY: 'jineng development registry data key - not for production',
  JINENG_REGISTRY_LOOKUP_KEY: 'jineng development registry lookup key - not for production',
} as const;

export const developmentKey = (name: keyof typeof DEVELOPMENT_KEY_SEEDS): string =>
  createHash('sha256').update(DEVELOPMENT_KEY_SEEDS[name]).digest('base64');

export function registryKeysFromEnv(env: NodeJS.ProcessEnv = process.env): RegistryKeys {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const key = (name: string, raw: string | undefined): Buffer => {
    if (!raw) {
      problems.push(`${name} is required (base64 of 32 random bytes, e.g. \`openssl rand -base64 32\`)`);
      return Buffer.alloc(32);
    }
    const bytes = Buffer.from(raw, 'base64');
    if (bytes.length !== 32 || bytes.toString('base64') !== raw.trim()) {
      problems.push(`${name} must be base64 of exactly 32 bytes`);
    }
    if (production && Object.values(DEVELOPMENT_KEY_SEEDS).some((seed) => sha256(seed).equals(bytes))) {
      problems.push(`${name} is a published development key, refused with NODE_ENV=production`);
    }
    return bytes;
  };
  const dataKey = key('JINENG_REGISTRY_DATA_KEY', env.JINENG_REGISTRY_DATA_KEY);
  const lookupKey = key('JINENG_REGISTRY_LOOKUP_KEY', env.JINENG_REGISTRY_LOOKUP_KEY);
  const previousDataKeys = (env.JINENG_REGISTRY_PREVIOUS_DATA_KEYS ?? '')
    .split(',')
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '')
    .map((raw, i) => key(`JINENG_REGISTRY_PREVIOUS_DATA_KEYS[${i}]`, raw));
  if (dataKey.equals(lookupKey)) problems.push('the data key and the lookup key must differ');
  if (problems.length > 0) throw new RegistryKeyError(problems);
  return { dataKey, previousDataKeys, lookupKey };
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();
