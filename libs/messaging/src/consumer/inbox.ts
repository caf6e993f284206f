// The inbox (ARCHITECTURE §3): a row per (consumer, event id), written in the same transaction as
// the handler's effect. JetStream delivers at least once; the inbox makes the effect happen once.
import { quoteSchema, type Migration } from '@jineng/event-store';
import { escapeLiteral, type PoolClient } from 'pg';

/** The inbox table, in the consuming service's schema: among the migrations its migration step applies. */
export const inboxMigrations: readonly Migration[] = [
  {
    id: 'messaging-0001-inbox',
    sql: (S) => `
      create table if not exists ${S}.inbox (
        consumer text not null,
        event_id uuid not null,
        event_type text not null,
        stream_sequence bigint not null,
        handled_at timestamptz not null default now(),
        primary key (consumer, event_id)
      )`,
  },
];

export interface InboxEntry {
  readonly eventId: string;
  readonly eventType: string;
  readonly streamSequence: number;
}

/** Records the entries not yet handled by `consumer`; answers the ids that are new. */
export async function claimInInbox(
  client: PoolClient,
  schema: string,
  consumer: string,
  entries: readonly InboxEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const { rows } = await client.query<{ event_id: string }>(
    `insert into ${quoteSchema(schema)}.inbox (consumer, event_id, event_type, stream_sequence)
     select $1, e.id, e.type, e.seq
       from unnest($2::uuid[], $3::text[], $4::bigint[]) as e(id, type, seq)
     on conflict (consumer, event_id) do nothing
     returning event_id`,
    [
      consumer,
      entries.map((e) => e.eventId),
      entries.map((e) => e.eventType),
      entries.map((e) => e.streamSequence),
    ],
  );
  return new Set(rows.map((row) => row.event_id));
}

/**
 * Opens the transaction and records the entries in one round trip (`begin` and the insert sent as one
 * simple-protocol query, the entries as one JSON literal); answers the ids that are new. The caller
 * runs the effect on the same client and commits or rolls back.
 */
export async function beginAndClaimInInbox(
  client: PoolClient,
  schema: string,
  consumer: string,
  entries: readonly InboxEntry[],
): Promise<Set<string>> {
  const json = JSON.stringify(
    entries.map((e) => ({ id: e.eventId, type: e.eventType, seq: e.streamSequence })),
  );
  const results = (await client.query(
    `begin;
     insert into ${quoteSchema(schema)}.inbox (consumer, event_id, event_type, stream_sequence)
     select ${escapeLiteral(consumer)}, e.id, e.type, e.seq
       from json_to_recordset(${escapeLiteral(json)}::json) as e(id uuid, type text, seq bigint)
     on conflict (consumer, event_id) do nothing
     returning event_id`,
  )) as unknown as { rows: { event_id: string }[] }[];
  return new Set(results[1].rows.map((row) => row.event_id));
}
