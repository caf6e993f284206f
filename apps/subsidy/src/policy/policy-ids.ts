// Ids derived rather than drawn: a version drafted without an id gets one from its command id, so a
// retried command drafts the same version; seed versions and their commands get fixed ones.
import { createHash } from 'node:crypto';

/** Fixed forever: changing them would change every derived id. */
const DRAFT_NAMESPACE = 'c2f4a8e1-6b3d-4f2a-9e7c-5d1b0a3f8e26';
export const SEED_NAMESPACE = '3f0c6b8e-2a51-4d7e-9c1a-7b5e4d2f9a60';

export const versionIdForCommand = (commandId: string): string => uuidV5(DRAFT_NAMESPACE, commandId);

/** RFC 9562 UUID version 5: SHA-1 of namespace bytes ‖ UTF-8 name, version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
