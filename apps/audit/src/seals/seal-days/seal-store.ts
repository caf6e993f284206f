// The seals table and the day's events it seals, in SQL. Pure mapping to daily-seal.ts types.
import type { PoolClient } from 'pg';
import type { Queryable } from '@jineng/event-store';
import type { DailySeal } from '../domain/daily-seal';
import { sealDayBounds, type SealedEventRef } from '../domain/seal-leaves';

interface SealRow {
  sequence: string;
  day: string;
  previous_seal_hash: string;
  root: string;
  event_count: string;
  services: DailySeal['services'];
  sealed_at: Date;
  key_id: string;
  seal_hash: string;
  signature: string;
}

// `sequence::text` is output column `sequence`: an ORDER BY must name the table's column (`s.sequence`),
// or it sorts the text ('9' after '10': the seal after the tenth was numbered again, and refused)
const COLUMNS = `sequence::text, to_char(day, 'YYYY-MM-DD') as day, previous_seal_hash, root, event_count::text,
  services, sealed_at, key_id, seal_hash, signature`;

export const sealOf = (row: SealRow): DailySeal => ({
  day: row.day,
  sequence: Number(row.sequence),
  previousSealHash: row.previous_seal_hash,
  root: row.root,
  eventCount: Number(row.event_count),
  services: row.services,
  sealedAt: row.sealed_at.toISOString(),
  keyId: row.key_id,
  sealHash: row.seal_hash,
  signature: row.signature,
});

export async function lastSeal(on: Queryable, S: string): Promise<DailySeal | undefined> {
  const { rows } = (await on.query(
    `select ${COLUMNS} from ${S}.audit_seals s order by s.sequence desc limit 1`,
  )) as {
    rows: SealRow[];
  };
  return rows[0] ? sealOf(rows[0]) : undefined;
}

/** Seals in sequence order, from `fromSequence` on, at most `limit`. */
export async function sealsFrom(
  on: Queryable,
  S: string,
  fromSequence: number,
  limit: number,
): Promise<DailySeal[]> {
  const { rows } = (await on.query(
    `select ${COLUMNS} from ${S}.audit_seals s where s.sequence >= $1 order by s.sequence limit $2`,
    [fromSequence, limit],
  )) as { rows: SealRow[] };
  return rows.map(sealOf);
}

export async function insertSeal(tx: PoolClient, S: string, seal: DailySeal): Promise<void> {
  await tx.query(
    `insert into ${S}.audit_seals (sequence, day, previous_seal_hash, root, event_count, services, sealed_at,
       key_id, seal_hash, signature) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      seal.sequence,
      seal.day,
      seal.previousSealHash,
      seal.root,
      seal.eventCount,
      JSON.stringify(seal.services),
      seal.sealedAt,
      seal.keyId,
      seal.sealHash,
      seal.signature,
    ],
  );
}

/** The copy's events the owning services recorded on `day` (Asia/Shanghai). */
export async function eventsOfDay(on: Queryable, S: string, day: string): Promise<SealedEventRef[]> {
  const { startMs, endMs } = sealDayBounds(day);
  const { rows } = (await on.query(
    `select service, stream_id, stream_version::text, event_id::text, hash,
            (extract(epoch from recorded_at) * 1000)::bigint::text as recorded_ms
       from ${S}.audit_events
      where recorded_at >= to_timestamp($1::double precision / 1000) and recorded_at < to_timestamp($2::double precision / 1000)`,
    [startMs, endMs],
  )) as {
    rows: {
      service: string;
      stream_id: string;
      stream_version: string;
      event_id: string;
      hash: string;
      recorded_ms: string;
    }[];
  };
  return rows.map((row) => ({
    service: row.service,
    streamId: row.stream_id,
    version: Number(row.stream_version),
    eventId: row.event_id,
    hash: row.hash,
    recordedAtMillis: Number(row.recorded_ms),
  }));
}

/** The Shanghai day of the copy's earliest event, if any. */
export async function firstEventDay(on: Queryable, S: string): Promise<string | undefined> {
  const { rows } = (await on.query(
    `select to_char(min(recorded_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day from ${S}.audit_events`,
  )) as { rows: { day: string | null }[] };
  return rows[0]?.day ?? undefined;
}
