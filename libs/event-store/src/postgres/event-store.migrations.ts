// The event store's schema, as ordered idempotent migrations. `S` is the quoted schema name.
export interface Migration {
  readonly id: string;
  readonly sql: (S: string) => string;
}

export const eventStoreMigrations: readonly Migration[] = [
  {
    id: '0001-events',
    sql: (S) => `
      create table ${S}.events (
        global_position bigint generated always as identity,
        -- the writer's transaction: readers stop below the oldest running one (ADR 0001)
        transaction_id  xid8        not null default pg_current_xact_id(),
        event_id        uuid        not null,
        stream_id       text        not null,
        version         bigint      not null check (version >= 1),
        type            text        not null,
        -- json, not jsonb: the store never looks inside events (read models do, in their own tables);
        -- json keeps the writer's text as is, so appends and replays skip jsonb's conversions (ADR 0001)
        data            json        not null,
        metadata        json        not null,
        content_digest  bytea       not null,
        hash            bytea       not null,
        recorded_at     timestamptz not null,
        constraint events_event_id_unique unique (event_id),
        constraint events_stream_version_unique unique (stream_id, version)
      );
      create index events_global_order on ${S}.events (transaction_id, global_position);

      -- one row per stream: its head, locked by appenders to that stream only
      create table ${S}.streams (
        stream_id text   primary key,
        version   bigint not null,
        last_hash bytea
      );

      -- durable positions of catch-up subscriptions and projections
      create table ${S}.checkpoints (
        subscription_id text        primary key,
        transaction_id  xid8        not null,
        position        bigint      not null,
        updated_at      timestamptz not null default now()
      );

      -- the log is append-only: the database itself refuses to change it
      create function ${S}.refuse_event_change() returns trigger language plpgsql as $$
      begin
        raise exception 'events are immutable: % on %.% is refused', tg_op, tg_table_schema, tg_table_name
          using errcode = 'JN002', hint = 'append a correcting event instead';
      end $$;
      create trigger events_are_immutable before update or delete or truncate on ${S}.events
        for each statement execute function ${S}.refuse_event_change();
    `,
  },
  {
    id: '0002-append-functions',
    sql: (S) => `
      -- Were these events appended already (a retried append)? Answers the original result, nothing when the
      -- first id is unknown, and refuses ids stored with other content or at another place.
      create function ${S}.find_appended(
        p_stream_id text, p_ids uuid[], p_digests text[],
        out status text, out stream_version bigint, out transaction_id text, out positions bigint[]
      ) language plpgsql stable as $$
      declare
        n           int := array_length(p_ids, 1);
        v_existing  record;
      begin
        select e.stream_id, e.version, e.transaction_id into v_existing
          from ${S}.events e where e.event_id = p_ids[1];
        if not found then
          return;
        end if;
        select array_agg(e.global_position order by t.o) into positions
          from unnest(p_ids, p_digests) with ordinality as t(id, digest, o)
          join ${S}.events e on e.event_id = t.id
                            and e.stream_id = p_stream_id
                            and e.version = v_existing.version + t.o - 1
                            and e.content_digest = decode(t.digest, 'hex');
        if v_existing.stream_id <> p_stream_id or coalesce(array_length(positions, 1), 0) <> n then
          raise exception 'event id % is already stored with other content or at another place', p_ids[1]
            using errcode = 'JN001';
        end if;
        status := 'idempotent';
        stream_version := v_existing.version + n - 1;
        transaction_id := v_existing.transaction_id::text;
      end $$;

      -- One round trip per append: idempotency, optimistic concurrency, hash chain, insert.
      -- p_events: [{ id, type, data, metadata, digest (hex) }]. status: 'ok' | 'idempotent' | 'conflict'.
      create function ${S}.append_events(
        p_stream_id text, p_expected_kind text, p_expected bigint, p_events json,
        out status text, out stream_version bigint, out transaction_id text, out positions bigint[]
      ) language plpgsql as $$
      declare
        n           int;
        v_ids       uuid[];
        v_types     text[];
        v_data      json[];
        v_metadata  json[];
        v_digests   text[];
        v_version   bigint;
        v_last_hash bytea;
        v_prev      text;
        v_hashes    bytea[] := '{}';
        v_recorded  timestamptz := date_trunc('milliseconds', now());
        v_ms        text := (extract(epoch from date_trunc('milliseconds', now())) * 1000)::bigint::text;
      begin
        select array_agg(r.id order by r.o), array_agg(r.type order by r.o), array_agg(r.data order by r.o),
               array_agg(r.metadata order by r.o), array_agg(r.digest order by r.o)
          into v_ids, v_types, v_data, v_metadata, v_digests
          from rows from (json_to_recordset(p_events) as (id uuid, type text, data json, metadata json, digest text))
               with ordinality as r(id, type, data, metadata, digest, o);
        n := array_length(v_ids, 1);

        -- 1. a retry of an append that already happened answers as the first time
        perform 1 from ${S}.events e where e.event_id = v_ids[1];
        if found then
          select * into status, stream_version, transaction_id, positions
            from ${S}.find_appended(p_stream_id, v_ids, v_digests);
          return;
        end if;

        -- 2. optimistic concurrency on the stream head (row lock: only this stream's writers wait)
        select s.version, s.last_hash into v_version, v_last_hash
          from ${S}.streams s where s.stream_id = p_stream_id for update;
        if not found then
          if p_expected_kind = 'exists' or (p_expected_kind = 'exact' and p_expected <> 0) then
            status := 'conflict';
            stream_version := 0;
            return;
          end if;
          insert into ${S}.streams (stream_id, version) values (p_stream_id, 0) on conflict do nothing;
          select s.version, s.last_hash into v_version, v_last_hash
            from ${S}.streams s where s.stream_id = p_stream_id for update;
        end if;
        if (p_expected_kind = 'exact' and v_version <> p_expected)
           or (p_expected_kind = 'no_stream' and v_version <> 0)
           or (p_expected_kind = 'exists' and v_version = 0) then
          -- we may have waited on the lock for our own original append: then it is a retry, not a conflict
          select * into status, stream_version, transaction_id, positions
            from ${S}.find_appended(p_stream_id, v_ids, v_digests);
          if status is null then
            status := 'conflict';
            stream_version := v_version;
          end if;
          return;
        end if;

        -- 3. the chain: link = sha256(prev | stream | version | recordedAtMillis | digest)
        v_prev := coalesce(encode(v_last_hash, 'hex'), repeat('0', 64));
        for i in 1..n loop
          v_hashes[i] := sha256(convert_to(
            v_prev || '|' || p_stream_id || '|' || (v_version + i)::text || '|' || v_ms || '|' || v_digests[i], 'UTF8'));
          v_prev := encode(v_hashes[i], 'hex');
        end loop;

        -- 4. insert in order and move the head
        with inserted as (
          insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
          select t.id, p_stream_id, v_version + t.o, t.type, t.data, t.metadata, decode(t.digest, 'hex'), t.hash, v_recorded
            from unnest(v_ids, v_types, v_data, v_metadata, v_digests, v_hashes) with ordinality
                 as t(id, type, data, metadata, digest, hash, o)
           order by t.o
          returning global_position
        )
        select array_agg(global_position order by global_position) into positions from inserted;
        update ${S}.streams set version = v_version + n, last_hash = v_hashes[n] where stream_id = p_stream_id;
        status := 'ok';
        stream_version := v_version + n;
        transaction_id := pg_current_xact_id()::text;
      end $$;

      -- Group commit: several appends, each decided on its own, committed together. Callers send them
      -- sorted by stream id, so two groups lock stream heads in the same order and cannot deadlock.
      -- p_appends: [{ streamId, kind, expected, events }]. Answers one result object per append, in order.
      create function ${S}.append_many(p_appends json) returns json language plpgsql as $$
      declare
        v_item    json;
        v_result  record;
        v_results json[] := '{}';
      begin
        for v_item in select value from json_array_elements(p_appends) loop
          select * into v_result from ${S}.append_events(
            v_item->>'streamId', v_item->>'kind', (v_item->>'expected')::bigint, v_item->'events');
          v_results := v_results || json_build_object('status', v_result.status, 'stream_version', v_result.stream_version,
            'transaction_id', v_result.transaction_id, 'positions', v_result.positions);
        end loop;
        return array_to_json(v_results);
      end $$;
    `,
  },
  {
    // Issue 9: as-of reads never skip a version, and the runtime role appends only through these functions.
    // Replaces append_events and append_many of 0002 (which stay above as history); find_appended is unchanged.
    id: '0003-stream-time-and-definer-appends',
    sql: (S) => `
      -- the stream head keeps the recorded time of its last event
      alter table ${S}.streams add column last_recorded_at timestamptz;
      update ${S}.streams s set last_recorded_at = (
        select max(e.recorded_at) from ${S}.events e where e.stream_id = s.stream_id);

      -- THE rule of recorded times (ADR 0001, decision 6): the time of the next event of a stream is the
      -- clock when the stream's head is locked, never before the stream's last recorded time, to the
      -- millisecond. So times never go back within a stream, and "as of T" is always a prefix of it.
      -- now() (the transaction's start) broke it: a transaction that began before another one but got
      -- the head after it recorded an earlier time for a later version.
      create function ${S}.next_recorded_at(p_stream_last timestamptz) returns timestamptz
        language sql volatile set search_path = pg_catalog, pg_temp
        as $$ select greatest(date_trunc('milliseconds', clock_timestamp()), p_stream_last) $$;

      -- As 0002, with two changes: the recorded time comes from next_recorded_at once the head is locked,
      -- and it runs as its owner (security definer): the runtime role may execute it but may not write
      -- events or stream heads itself (ADR 0001, decision 7).
      create or replace function ${S}.append_events(
        p_stream_id text, p_expected_kind text, p_expected bigint, p_events json,
        out status text, out stream_version bigint, out transaction_id text, out positions bigint[]
      ) language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
      declare
        n           int;
        v_ids       uuid[];
        v_types     text[];
        v_data      json[];
        v_metadata  json[];
        v_digests   text[];
        v_version   bigint;
        v_last_hash bytea;
        v_last_at   timestamptz;
        v_prev      text;
        v_hashes    bytea[] := '{}';
        v_recorded  timestamptz;
        v_ms        text;
      begin
        select array_agg(r.id order by r.o), array_agg(r.type order by r.o), array_agg(r.data order by r.o),
               array_agg(r.metadata order by r.o), array_agg(r.digest order by r.o)
          into v_ids, v_types, v_data, v_metadata, v_digests
          from rows from (json_to_recordset(p_events) as (id uuid, type text, data json, metadata json, digest text))
               with ordinality as r(id, type, data, metadata, digest, o);
        n := array_length(v_ids, 1);

        -- 1. a retry of an append that already happened answers as the first time
        perform 1 from ${S}.events e where e.event_id = v_ids[1];
        if found then
          select * into status, stream_version, transaction_id, positions
            from ${S}.find_appended(p_stream_id, v_ids, v_digests);
          return;
        end if;

        -- 2. optimistic concurrency on the stream head (row lock: only this stream's writers wait)
        select s.version, s.last_hash, s.last_recorded_at into v_version, v_last_hash, v_last_at
          from ${S}.streams s where s.stream_id = p_stream_id for update;
        if not found then
          if p_expected_kind = 'exists' or (p_expected_kind = 'exact' and p_expected <> 0) then
            status := 'conflict';
            stream_version := 0;
            return;
          end if;
          insert into ${S}.streams (stream_id, version) values (p_stream_id, 0) on conflict do nothing;
          select s.version, s.last_hash, s.last_recorded_at into v_version, v_last_hash, v_last_at
            from ${S}.streams s where s.stream_id = p_stream_id for update;
        end if;
        if (p_expected_kind = 'exact' and v_version <> p_expected)
           or (p_expected_kind = 'no_stream' and v_version <> 0)
           or (p_expected_kind = 'exists' and v_version = 0) then
          -- we may have waited on the lock for our own original append: then it is a retry, not a conflict
          select * into status, stream_version, transaction_id, positions
            from ${S}.find_appended(p_stream_id, v_ids, v_digests);
          if status is null then
            status := 'conflict';
            stream_version := v_version;
          end if;
          return;
        end if;

        -- 3. the recorded time, under the head's lock, and the chain:
        --    link = sha256(prev | stream | version | recordedAtMillis | digest)
        v_recorded := ${S}.next_recorded_at(v_last_at);
        v_ms := (extract(epoch from v_recorded) * 1000)::bigint::text;
        v_prev := coalesce(encode(v_last_hash, 'hex'), repeat('0', 64));
        for i in 1..n loop
          v_hashes[i] := sha256(convert_to(
            v_prev || '|' || p_stream_id || '|' || (v_version + i)::text || '|' || v_ms || '|' || v_digests[i], 'UTF8'));
          v_prev := encode(v_hashes[i], 'hex');
        end loop;

        -- 4. insert in order and move the head
        with inserted as (
          insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
          select t.id, p_stream_id, v_version + t.o, t.type, t.data, t.metadata, decode(t.digest, 'hex'), t.hash, v_recorded
            from unnest(v_ids, v_types, v_data, v_metadata, v_digests, v_hashes) with ordinality
                 as t(id, type, data, metadata, digest, hash, o)
           order by t.o
          returning global_position
        )
        select array_agg(global_position order by global_position) into positions from inserted;
        update ${S}.streams set version = v_version + n, last_hash = v_hashes[n], last_recorded_at = v_recorded
         where stream_id = p_stream_id;
        status := 'ok';
        stream_version := v_version + n;
        transaction_id := pg_current_xact_id()::text;
      end $$;

      -- the group commit of 0002, run as its owner too
      alter function ${S}.append_many(json) security definer set search_path = pg_catalog, pg_temp;
      alter function ${S}.find_appended(text, uuid[], text[]) set search_path = pg_catalog, pg_temp;
    `,
  },
];
