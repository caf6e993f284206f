import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from './personal-data-cipher';
import {
  DEVELOPMENT_KEY_SEEDS,
  developmentKey,
  registryKeysFromEnv,
  RegistryKeyError,
} from '../config/registry-keys';

const key = () => randomBytes(32).toString('base64');
const context = { table: 'worker_personal_data', id: 'w-1', field: 'name' };

describe('PersonalDataCipher', () => {
  const keys = registryKeysFromEnv({ JINENG_REGISTRY_DATA_KEY: key(), JINENG_REGISTRY_LOOKUP_KEY: key() });
  const cipher = new PersonalDataCipher(keys);

  it('round-trips a value, and the stored form holds no clear text', () => {
    const stored = cipher.encrypt('张三丰', context);
    expect(stored.toString('utf8')).not.toContain('张三丰');
    expect(cipher.decrypt(stored, context)).toBe('张三丰');
    // a fresh IV each time
    expect(cipher.encrypt('张三丰', context).equals(stored)).toBe(false);
  });

  it('refuses a ciphertext moved to another record or field, or tampered with', () => {
    const stored = cipher.encrypt('13812345678', context);
    expect(() => cipher.decrypt(stored, { ...context, id: 'w-2' })).toThrow();
    expect(() => cipher.decrypt(stored, { ...context, field: 'phone' })).toThrow();
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered, context)).toThrow();
  });

  it('reads values written under a previous data key after a rotation', () => {
    const old = key();
    const lookup = key();
    const before = new PersonalDataCipher(
      registryKeysFromEnv({ JINENG_REGISTRY_DATA_KEY: old, JINENG_REGISTRY_LOOKUP_KEY: lookup }),
    );
    const stored = before.encrypt('李四', context);
    const after = new PersonalDataCipher(
      registryKeysFromEnv({
        JINENG_REGISTRY_DATA_KEY: key(),
        JINENG_REGISTRY_PREVIOUS_DATA_KEYS: old,
        JINENG_REGISTRY_LOOKUP_KEY: lookup,
      }),
    );
    expect(after.decrypt(stored, context)).toBe('李四');
  });

  it('hashes by kind under the lookup key: the same value gives the same hash, another key another', () => {
    const a = cipher.lookupHash('resident-id', '11010519491231002X');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.lookupHash('resident-id', '11010519491231002X')).toBe(a);
    const other = new PersonalDataCipher(
      registryKeysFromEnv({ JINENG_REGISTRY_DATA_KEY: key(), JINENG_REGISTRY_LOOKUP_KEY: key() }),
    );
    expect(other.lookupHash('resident-id', '11010519491231002X')).not.toBe(a);
  });
});

describe('registryKeysFromEnv', () => {
  it('refuses to run without keys, naming each', () => {
    expect(() => registryKeysFromEnv({})).toThrow(RegistryKeyError);
    try {
      registryKeysFromEnv({ JINENG_REGISTRY_DATA_KEY: 'c2hvcnQ=' });
    } catch (error) {
      const problems = (error as RegistryKeyError).problems.join('\n');
      expect(problems).toContain('JINENG_REGISTRY_DATA_KEY must be base64 of exactly 32 bytes');
      expect(problems).toContain('JINENG_REGISTRY_LOOKUP_KEY is required');
    }
  });

  it('accepts the development keys outside production and refuses them in production', () => {
    const env = {
      JINENG_REGISTRY_DATA_KEY: developmentKey('JINENG_REGISTRY_DATA_KEY'),
      JINENG_REGISTRY_LOOKUP_KEY: developmentKey('JINENG_REGISTRY_LOOKUP_KEY'),
    };
    expect(() => registryKeysFromEnv(env)).not.toThrow();
    expect(() => registryKeysFromEnv({ ...env, NODE_ENV: 'production' })).toThrow(
      /published development key/,
    );
  });
});

it('uses the seeds scripts/start.mjs hashes into the development keys of `npm start`', () => {
  const start = readFileSync(path.join(__dirname, '../../../../scripts/start.mjs'), 'utf8');
  for (const seed of Object.values(DEVELOPMENT_KEY_SEEDS)) expect(start).toContain(seed);
});
