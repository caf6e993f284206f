// Event ids derive from the command id, so a replayed command produces the same ids and the store's
// unique event id turns the replay into a no-op (ARCHITECTURE §2).
import { hash } from 'node:crypto';

/** Fixed forever: changing it would change every derived id. */
export const EVENT_ID_NAMESPACE = '91e87bab-54b4-4424-b931-9f4946b2b0f5';

/** The id of the `index`-th event (from 0) that command `commandId` produced: a UUID version 5. */
export function deriveEventId(commandId: string, index: number): string {
  if (typeof commandId !== 'string' || commandId === '')
    throw new TypeError('commandId must be a non-empty string');
  if (!Number.isSafeInteger(index) || index < 0)
    throw new TypeError(`event index must be an integer >= 0, got ${index}`);
  return uuidV5(EVENT_ID_NAMESPACE, `${commandId}:${index}`);
}

/** RFC 9562 UUID version 5: SHA-1 of namespace bytes ‖ UTF-8 name, with version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const bytes = hash('sha1', Buffer.concat([namespaceBytes(namespace), Buffer.from(name, 'utf8')]), 'buffer');
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const out = bytes.toString('hex', 0, 16);
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

// A few fixed namespaces, each derived from for every check-in and event: their bytes kept, not parsed
// again each time (with a one-shot hash, this halves an id's cost on the check-in path).
const namespaces = new Map<string, Buffer>();

function namespaceBytes(namespace: string): Buffer {
  let bytes = namespaces.get(namespace);
  if (bytes) return bytes;
  const hex = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`namespace is not a UUID: ${namespace}`);
  bytes = Buffer.from(hex, 'hex');
  if (namespaces.size < 64) namespaces.set(namespace, bytes);
  return bytes;
}
