import { hash } from 'node:crypto';

/**
 * The per-stream hash chain (docs/adr/0001-event-store.md):
 *   digest(e)  = sha256( id | type | length(dataText) | dataText | metadataText )
 *   link(e_v)  = sha256( hex(link(e_{v-1})) | streamId | v | recordedAtMillis | hex(digest(e_v)) )
 * with link(e_0) = 64 zeros. `dataText` and `metadataText` are the JSON texts exactly as stored
 * (the columns are `json`, which keeps the writer's text byte for byte), so the verifier hashes
 * what is in the table without re-serialising anything. The append function in PostgreSQL computes
 * `link` with the same layout; this module is the independent recomputation the verifier uses.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  readonly id: string;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
}

// crypto.hash (one call, no Hash object): about a third of createHash().update().digest()'s time
// for an event's few hundred bytes — it is paid once per event appended and once per event verified
export function contentDigest({ id, type, dataText, metadataText }: ChainedContent): string {
  return hash('sha256', `${id}|${type}|${dataText.length}|${dataText}|${metadataText}`, 'hex');
}

export function chainLink(
  previousHashHex: string,
  streamId: string,
  version: number,
  recordedAtMillis: number,
  digestHex: string,
): string {
  return hash('sha256', `${previousHashHex}|${streamId}|${version}|${recordedAtMillis}|${digestHex}`, 'hex');
}
