// Personal data at rest (ARCHITECTURE §6): AES-256-GCM with a random 96-bit IV per value, and the
// value's place (table, record id, field) as additional data, so a ciphertext cannot be moved to
// another record or field unnoticed. Lookups go through a keyed hash (HMAC-SHA256), never the value.
//
// Stored form: version (1 byte) ‖ key id (4 bytes: sha256 of the key) ‖ IV (12) ‖ tag (16) ‖ ciphertext.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { RegistryKeys } from '../config/registry-keys';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 4;

/** Where a value lives: bound into its ciphertext. */
export interface CipherContext {
  readonly table: string;
  readonly id: string;
  readonly field: string;
}

export class PersonalDataCipher {
  private readonly current: { id: Buffer; key: Buffer };
  private readonly byId = new Map<string, Buffer>();

  constructor(private readonly keys: RegistryKeys) {
    for (const key of [keys.dataKey, ...keys.previousDataKeys])
      this.byId.set(keyId(key).toString('hex'), key);
    this.current = { id: keyId(keys.dataKey), key: keys.dataKey };
  }

  encrypt(plain: string, context: CipherContext): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(aad(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), this.current.id, iv, cipher.getAuthTag(), body]);
  }

  decrypt(stored: Buffer, context: CipherContext): string {
    if (stored[0] !== VERSION) throw new Error(`unknown ciphertext version ${stored[0]}`);
    let at = 1;
    const id = stored.subarray(at, (at += KEY_ID_BYTES)).toString('hex');
    const key = this.byId.get(id);
    if (!key) throw new Error(`no configured data key has id ${id} (see JINENG_REGISTRY_PREVIOUS_DATA_KEYS)`);
    const iv = stored.subarray(at, (at += IV_BYTES));
    const tag = stored.subarray(at, (at += TAG_BYTES));
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(stored.subarray(at)), decipher.final()]).toString('utf8');
  }

  /** The keyed hash of a value of a kind (`resident-id`): hex HMAC-SHA256 under the lookup key. */
  lookupHash(kind: string, value: string): string {
    return createHmac('sha256', this.keys.lookupKey).update(`${kind}:${value}`).digest('hex');
  }
}

const keyId = (key: Buffer): Buffer => createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES);
const aad = (c: CipherContext): Buffer => Buffer.from(`${c.table}|${c.id}|${c.field}`, 'utf8');
