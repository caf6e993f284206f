// The hash chains of the audit copy, recomputed from the copy itself and checked against the hashes the
// owning services computed when they stored the events (libs/event-store event-chain.ts, ADR 0001):
//   link(e_v) = sha256( hex(link(e_{v-1})) | streamId | v | recordedAtMillis | hex(digest(e_v)) )
// A row of the copy changed after it arrived, a version missing from a stream, or an event the source
// sent with a hash that does not follow from its content and its predecessor — each is the first broken
// link of its stream. Pure: the caller reads the rows, stream by stream in version order.
import { GENESIS_HASH, chainLink, contentDigest } from '@jineng/event-store';

export interface AuditChainRow {
  readonly service: string;
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  /** the data and metadata JSON texts as the copy holds them */
  readonly dataText: string;
  readonly metadataText: string;
  readonly recordedAtMillis: number;
  readonly hash: string;
}

export type AuditChainBreak = 'hash_mismatch' | 'version_gap';

export interface BrokenAuditLink {
  readonly service: string;
  readonly streamId: string;
  readonly version: number;
  readonly reason: AuditChainBreak;
  readonly detail: string;
}

export interface AuditChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly broken: BrokenAuditLink[];
}

/** Folds rows (grouped by service and stream, each in version order) into a report. */
export class AuditChainCheck {
  private key?: string;
  private previousHash = GENESIS_HASH;
  private expectedVersion = 1;
  private brokenStream = false;
  private streams = 0;
  private events = 0;
  private readonly broken: BrokenAuditLink[] = [];

  add(row: AuditChainRow): void {
    const key = `${row.service}\u0000${row.streamId}`;
    if (key !== this.key) {
      this.key = key;
      this.previousHash = GENESIS_HASH;
      this.expectedVersion = 1;
      this.brokenStream = false;
      this.streams++;
    }
    this.events++;
    if (this.brokenStream) return; // the first broken link of a stream is reported
    const at = { service: row.service, streamId: row.streamId, version: row.version };
    if (row.version !== this.expectedVersion) {
      this.fail({
        ...at,
        reason: 'version_gap',
        detail: `expected version ${this.expectedVersion}, found ${row.version}: the copy misses events`,
      });
      return;
    }
    const digest = contentDigest({
      id: row.eventId,
      type: row.type,
      dataText: row.dataText,
      metadataText: row.metadataText,
    });
    const link = chainLink(this.previousHash, row.streamId, row.version, row.recordedAtMillis, digest);
    if (link !== row.hash) {
      this.fail({
        ...at,
        reason: 'hash_mismatch',
        detail: `event ${row.eventId}: its content and predecessor give ${link}, the source recorded ${row.hash}`,
      });
      return;
    }
    this.previousHash = row.hash;
    this.expectedVersion = row.version + 1;
  }

  report(): AuditChainReport {
    return {
      ok: this.broken.length === 0,
      streams: this.streams,
      events: this.events,
      broken: [...this.broken],
    };
  }

  private fail(link: BrokenAuditLink): void {
    this.broken.push(link);
    this.brokenStream = true;
  }
}

export function verifyAuditChains(rows: Iterable<AuditChainRow>): AuditChainReport {
  const check = new AuditChainCheck();
  for (const row of rows) check.add(row);
  return check.report();
}
