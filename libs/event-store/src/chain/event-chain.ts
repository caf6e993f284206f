import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The per-stream hash chain (docs/adr/0001-event-store.md):
 *   digest(e)  = sha256( canonicalJson({ id, type, data, metadata }) )
 *   link(e_v)  = sha256( hex(link(e_{v-1})) | streamId | v | recordedAtMillis | hex(digest(e_v)) )
 * with link(e_0) = 32 zero bytes. The append function in PostgreSQL computes `link` with the same
 * text layout; this module is the independent recomputation the verifier uses.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

export function contentDigest(event: ChainedContent): string {
  const canonical = canonicalJson({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function chainLink(
  previousHashHex: string,
  streamId: string,
  version: number,
  recordedAtMillis: number,
  digestHex: string,
): string {
  return createHash('sha256')
    .update(`${previousHashHex}|${streamId}|${version}|${recordedAtMillis}|${digestHex}`, 'utf8')
    .digest('hex');
}
