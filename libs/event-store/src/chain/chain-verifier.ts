import type { Pool } from 'pg';
import { quoteSchema } from '../postgres/migrate';
import { GENESIS_HASH, chainLink, contentDigest } from './event-chain';

export type BrokenLinkReason = 'hash_mismatch' | 'version_gap' | 'head_mismatch' | 'time_reversal';

export interface BrokenLink {
  readonly streamId: string;
  /** the first version whose link does not hold */
  readonly version: number;
  readonly position?: bigint;
  readonly reason: BrokenLinkReason;
  readonly detail: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  /** the first broken link of each broken stream, in stream order */
  readonly broken: readonly BrokenLink[];
}

interface ChainRow {
  event_id: string;
  stream_id: string;
  version: string;
  type: string;
  data_text: string;
  metadata_text: string;
  recorded_at: Date;
  /** the store writes whole milliseconds: anything finer was written by someone else */
  sub_millisecond: boolean;
  global_position: string;
  hash: Buffer;
}

interface Head {
  version: number;
  lastHash: string | null;
}

/**
 * Recomputes every link from the stored data, independently of the database's own computation,
 * and reports the first link that does not hold in each stream. It catches rows changed in place,
 * rows removed from the middle (a version gap), rows removed from the end (the head disagrees), and
 * a recorded time earlier than the previous version's (as-of reads would skip a version: ADR 0001).
 */
export class ChainVerifier {
  private readonly S: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly pageSize = 5000,
  ) {
    this.S = quoteSchema(schema);
  }

  async verifyStream(streamId: string): Promise<ChainReport> {
    return this.verify(streamId);
  }

  async verifyAll(): Promise<ChainReport> {
    const report = await this.verify(undefined);
    // heads that lost every event
    const { rows } = await this.pool.query<{ stream_id: string; version: string }>(
      `select s.stream_id, s.version from ${this.S}.streams s
        where s.version > 0 and not exists (select 1 from ${this.S}.events e where e.stream_id = s.stream_id)
        order by s.stream_id`,
    );
    const emptied: BrokenLink[] = rows.map((r) => ({
      streamId: r.stream_id,
      version: 1,
      reason: 'head_mismatch',
      detail: `the stream head says version ${r.version} but no event is stored`,
    }));
    const broken = [...report.broken, ...emptied].sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
    return { ...report, ok: broken.length === 0, streams: report.streams + emptied.length, broken };
  }

  private async verify(onlyStream: string | undefined): Promise<ChainReport> {
    const broken: BrokenLink[] = [];
    let streams = 0;
    let events = 0;
    let current:
      { streamId: string; version: number; hash: string; recordedAt: number; broken: boolean } | undefined;
    const heads = new Map<string, Head>();

    const closeStream = () => {
      if (!current) return;
      const head = heads.get(current.streamId);
      if (!current.broken && (!head || head.version !== current.version || head.lastHash !== current.hash)) {
        // the first version the head does not vouch for: the first missing one when events end before
        // the head, the last one when the versions agree but the hashes do not, the first one beyond
        // the head when there are more events than it counts
        const headVersion = head?.version ?? 0;
        broken.push({
          streamId: current.streamId,
          version:
            headVersion > current.version ? current.version + 1 : Math.min(headVersion + 1, current.version),
          reason: 'head_mismatch',
          detail:
            head && head.version === current.version
              ? `the hash of version ${current.version} is not the one the stream head holds`
              : `events end at version ${current.version}, the stream head says ${head?.version ?? 'nothing'}`,
        });
      }
    };

    let after: [string, number] = ['', 0];
    for (;;) {
      const params: unknown[] = [after[0], after[1], this.pageSize];
      const filter = onlyStream === undefined ? '' : 'and stream_id = $4';
      if (onlyStream !== undefined) params.push(onlyStream);
      const { rows } = await this.pool.query<ChainRow>(
        `select event_id, stream_id, version, type, data::text as data_text, metadata::text as metadata_text, recorded_at,
                (extract(epoch from recorded_at) * 1000) % 1 <> 0 as sub_millisecond, global_position, hash
           from ${this.S}.events where (stream_id, version) > ($1, $2) ${filter}
          order by stream_id, version limit $3`,
        params,
      );
      if (rows.length === 0) break;
      await this.loadHeads(rows, heads);
      for (const row of rows) {
        const version = Number(row.version);
        if (!current || current.streamId !== row.stream_id) {
          closeStream();
          streams++;
          current = {
            streamId: row.stream_id,
            version: 0,
            hash: GENESIS_HASH,
            recordedAt: -Infinity,
            broken: false,
          };
        }
        events++;
        if (!current.broken) {
          const stored = row.hash.toString('hex');
          if (version !== current.version + 1) {
            this.mark(
              broken,
              current,
              current.version + 1,
              row,
              'version_gap',
              `version ${current.version + 1} is missing`,
            );
          } else {
            const digest = contentDigest({
              id: row.event_id,
              type: row.type,
              dataText: row.data_text,
              metadataText: row.metadata_text,
            });
            const expected = chainLink(
              current.hash,
              row.stream_id,
              version,
              row.recorded_at.getTime(),
              digest,
            );
            const mismatch = row.sub_millisecond
              ? 'recorded_at was changed below the millisecond'
              : expected !== stored
                ? `stored ${stored.slice(0, 16)}…, recomputed ${expected.slice(0, 16)}…`
                : undefined;
            if (mismatch) this.mark(broken, current, version, row, 'hash_mismatch', mismatch);
            else if (row.recorded_at.getTime() < current.recordedAt) {
              this.mark(
                broken,
                current,
                version,
                row,
                'time_reversal',
                `recorded at ${row.recorded_at.toISOString()}, before version ${current.version} (${new Date(current.recordedAt).toISOString()})`,
              );
            }
          }
          current.hash = stored;
          current.recordedAt = row.recorded_at.getTime();
        }
        current.version = version;
      }
      const last = rows[rows.length - 1];
      after = [last.stream_id, Number(last.version)];
      heads.clear();
      await this.loadHeads([last], heads);
    }
    closeStream();
    if (onlyStream !== undefined && streams === 0) {
      const head = (await this.headsOf([onlyStream])).get(onlyStream);
      if (head && head.version > 0) {
        broken.push({
          streamId: onlyStream,
          version: 1,
          reason: 'head_mismatch',
          detail: `the stream head says version ${head.version} but no event is stored`,
        });
      }
    }
    return { ok: broken.length === 0, streams, events, broken };
  }

  private mark(
    broken: BrokenLink[],
    current: { streamId: string; broken: boolean },
    version: number,
    row: ChainRow,
    reason: BrokenLinkReason,
    detail: string,
  ) {
    current.broken = true;
    broken.push({
      streamId: current.streamId,
      version,
      position: BigInt(row.global_position),
      reason,
      detail,
    });
  }

  private async loadHeads(rows: readonly ChainRow[], heads: Map<string, Head>) {
    const missing = [...new Set(rows.map((r) => r.stream_id))].filter((id) => !heads.has(id));
    for (const [id, head] of await this.headsOf(missing)) heads.set(id, head);
  }

  private async headsOf(streamIds: readonly string[]): Promise<Map<string, Head>> {
    if (streamIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ stream_id: string; version: string; last_hash: Buffer | null }>(
      `select stream_id, version, last_hash from ${this.S}.streams where stream_id = any($1)`,
      [streamIds],
    );
    return new Map(
      rows.map((r) => [
        r.stream_id,
        { version: Number(r.version), lastHash: r.last_hash?.toString('hex') ?? null },
      ]),
    );
  }
}
