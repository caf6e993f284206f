// The event store's schema, as ordered idempotent migrations. `S` is the quoted schema name.
import { appendGroupNewStreams } from './append-group-new-streams.migration';

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
  {
    // Issue 17: a group of appends judged and written as a set, in a constant number of statements,
    // instead of one nested append_events call (about 8 statements) per append. Same answers as
    // append_many; append_events stays, as the path for the appends of a group that cannot go in the set.
    id: '0004-append-group',
    sql: (S) => `
      -- The rule of recorded times of 0003, unchanged, in plpgsql: a SQL function with a SET clause is
      -- parsed and planned again at every call, a plpgsql one once per session
      create or replace function ${S}.next_recorded_at(p_stream_last timestamptz) returns timestamptz
        language plpgsql volatile set search_path = pg_catalog, pg_temp as $$
      begin
        return greatest(date_trunc('milliseconds', clock_timestamp()), p_stream_last);
      end $$;

      -- p_appends: [{ streamId, kind, expected, events: [{ id, type, data, metadata, digest (hex) }] }], any
      -- mix of streams, expected versions and event counts. Answers, in order, one object per append:
      -- { status: 'ok' | 'idempotent' | 'conflict', stream_version, transaction_id, positions }.
      --   1. read the group once, and in the same statement
      --   2. lock every stream head of the group in stream-id order (a missing head is created; one that
      --      ends up with no event is removed again): two groups never wait on each other in a cycle;
      --   3. judge the whole set: an append goes one by one (append_events) when its stream is twice in the
      --      group or one of its ids is twice in the group or already stored (a retry, or an id conflict);
      --      otherwise its expected version decides 'conflict' or 'set'. The recorded time of each stream
      --      of the set is taken here, under its lock (next_recorded_at, ADR 0001 decision 6, with the
      --      clock read once for the group);
      --   4. the chain links of the set, in one loop over the events;
      --   5. the appends that go one by one, in group order (none, usually);
      --   6. insert the set's events, move their heads, answer.
      create function ${S}.append_group(p_appends json) returns json
        language plpgsql security definer set search_path = pg_catalog, pg_temp
        -- its statements take arrays whose sizes vary from call to call: planned once, not at every call;
        -- and never with a scan of a whole table (a plan made while the store is small stays in use as it
        -- grows): heads and ids are looked up by their keys, whatever the statistics say
        set plan_cache_mode = force_generic_plan set enable_seqscan = off as $$
      declare
        -- the appends, by their place in the group
        v_streams   text[];
        v_kinds     text[];
        v_expected  bigint[];
        v_counts    int[];
        -- the events, in group order: their append's place (v_of), their place in the append (v_nth)
        v_of        int[];
        v_nth       int[];
        v_ids       uuid[];
        v_types     text[];
        v_data      json[];
        v_metadata  json[];
        v_digests   text[];
        -- heads this call created
        v_created   text[];
        -- the judgement, by the append's place
        v_routes    text[];
        v_versions  bigint[];
        v_recorded  timestamptz[];
        v_clock     timestamptz;
        v_alone     json[];
        -- the set's chain
        v_pieces    text[];
        v_piece     text;
        v_prev      text;
        v_hash      bytea;
        v_hashes    bytea[] := '{}';
        v_count     int := 0;
        v_place     bigint;
        v_one       record;
        v_results   json;
      begin
        -- 1. the group, parsed once, and 2. every head of the group locked, in stream-id order
        --    (WHERE false: an existing head is locked, not changed), in one statement
        with g as materialized (
          select a.stream_id, a.kind, a.expected, a.o, e.*
            from rows from (json_to_recordset(p_appends) as ("streamId" text, kind text, expected bigint, events json))
                 with ordinality as a(stream_id, kind, expected, events, o)
           cross join lateral (
             select x.*, count(*) over () as n
               from rows from (json_to_recordset(a.events) as (id uuid, type text, data json, metadata json, digest text))
                    with ordinality as x(id, type, data, metadata, digest, k)
           ) e
           order by a.o, e.k -- the aggregates below take their rows in this order
        ), created as (
          insert into ${S}.streams as s (stream_id, version)
          select d.stream_id, 0 from (select distinct g.stream_id from g) d
           order by d.stream_id
          on conflict (stream_id) do update set version = s.version where false
          returning s.stream_id
        )
        select array_agg(g.stream_id) filter (where g.k = 1), array_agg(g.kind) filter (where g.k = 1),
               array_agg(g.expected) filter (where g.k = 1), array_agg(g.n) filter (where g.k = 1),
               array_agg(g.o), array_agg(g.k), array_agg(g.id), array_agg(g.type), array_agg(g.data),
               array_agg(g.metadata), array_agg(g.digest), (select array_agg(c.stream_id) from created c)
          into v_streams, v_kinds, v_expected, v_counts, v_of, v_nth, v_ids, v_types, v_data, v_metadata, v_digests,
               v_created
          from g;
        if v_streams is null then
          return '[]'::json;
        end if;
        if array_length(v_streams, 1) <> json_array_length(p_appends) then
          -- an append without events would drop out of the arrays and shift every answer after it
          raise exception 'every append of a group needs at least one event' using errcode = '22023';
        end if;

        -- 3. the judgement of the whole set (a new snapshot: it sees what committed while we waited for a lock)
        v_clock := ${S}.next_recorded_at(null);
        with ap as (
          select t.stream_id, t.kind, t.expected, t.o
            from unnest(v_streams, v_kinds, v_expected) with ordinality as t(stream_id, kind, expected, o)
        ), ev as (
          select t.o, t.k, t.id, t.digest, t.i
            from unnest(v_of, v_nth, v_ids, v_digests) with ordinality as t(o, k, id, digest, i)
        ), alone as (
          select ap.o from ap where ap.stream_id in (select stream_id from ap group by stream_id having count(*) > 1)
          union select ev.o from ev where ev.id in (select id from ev group by id having count(*) > 1)
          -- a probe of the id index per event (a scalar subquery: never turned into a join)
          union select ev.o from ev where (select true from ${S}.events x where x.event_id = ev.id) is not null
        ), judged as materialized (
          select ap.o, ap.stream_id, coalesce(h.version, 0) as version, h.last_hash,
                 case when ap.o in (select alone.o from alone) then 'alone'
                      when h.stream_id is null
                        or (ap.kind = 'exact' and h.version <> ap.expected)
                        or (ap.kind = 'no_stream' and h.version <> 0)
                        or (ap.kind = 'exists' and h.version = 0) then 'conflict'
                      else 'set' end as route,
                 h.last_recorded_at
            from ap left join lateral (
              -- a probe of the head's key per append (limit: never turned into a join)
              select h.stream_id, h.version, h.last_hash, h.last_recorded_at
                from ${S}.streams h where h.stream_id = ap.stream_id limit 1
            ) h on true
        ), timed as materialized (
          -- next_recorded_at(head's last time), with the clock read once for the group (v_clock, under
          -- every lock of the group): one call instead of one per stream
          select j.*, greatest(v_clock, j.last_recorded_at) as recorded_at
            from judged j where j.route = 'set'
        )
        select array_agg(j.route order by j.o), array_agg(j.version order by j.o),
               array_agg(t.recorded_at order by j.o),
               -- a piece per event of the group, null for those not in the set
               (select array_agg(case when ev.k = 1 then coalesce(encode(t2.last_hash, 'hex'), repeat('0', 64)) else '' end
                                 || '|' || t2.stream_id || '|' || (t2.version + ev.k)::text
                                 || '|' || (extract(epoch from t2.recorded_at) * 1000)::bigint::text || '|' || ev.digest
                                 order by ev.i)
                  from ev left join timed t2 on t2.o = ev.o)
          into v_routes, v_versions, v_recorded, v_pieces
          from judged j left join timed t on t.o = j.o;

        -- 4. the chain of the set: link = sha256(prev | stream | version | recordedAtMillis | digest);
        --    an append's first piece starts with its head's hash, the others with '|' (after the previous
        --    link); v_hashes is aligned with the group's events, null for those not in the set
        foreach v_piece in array v_pieces loop
          v_count := v_count + 1;
          if v_piece is null then
            v_hashes[v_count] := null;
            continue;
          end if;
          if left(v_piece, 1) = '|' then
            v_piece := v_prev || v_piece;
          end if;
          v_hash := sha256(convert_to(v_piece, 'UTF8'));
          v_hashes[v_count] := v_hash;
          v_prev := encode(v_hash, 'hex');
        end loop;

        -- 5. the appends that go one by one, in group order
        v_alone := array_fill(null::json, array[array_length(v_streams, 1)]);
        if 'alone' = any(v_routes) then
          for v_place in select t.o from unnest(v_routes) with ordinality as t(route, o) where t.route = 'alone' order by t.o loop
            select * into v_one from ${S}.append_events(
              v_streams[v_place], v_kinds[v_place], v_expected[v_place], (p_appends -> (v_place::int - 1)) -> 'events');
            v_alone[v_place] := json_build_object('status', v_one.status, 'stream_version', v_one.stream_version,
              'transaction_id', v_one.transaction_id, 'positions', v_one.positions);
          end loop;
        end if;

        -- 6. the set's events in group order, their heads moved, heads created for nothing removed; the answers
        with ap as (
          select t.stream_id, t.route, t.version, t.recorded_at, t.n, t.alone, t.o
            from unnest(v_streams, v_routes, v_versions, v_recorded, v_counts, v_alone)
                 with ordinality as t(stream_id, route, version, recorded_at, n, alone, o)
        ), linked as (
          select t.i, t.o, t.k, t.id, t.type, t.data, t.metadata, t.digest, t.hash,
                 ap.stream_id, ap.version + t.k as version, ap.n, ap.recorded_at
            from unnest(v_of, v_nth, v_ids, v_types, v_data, v_metadata, v_digests, v_hashes)
                 with ordinality as t(o, k, id, type, data, metadata, digest, hash, i)
            join ap on ap.o = t.o and ap.route = 'set'
        ), inserted as (
          insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
          select l.id, l.stream_id, l.version, l.type, l.data, l.metadata, decode(l.digest, 'hex'), l.hash, l.recorded_at
            from linked l order by l.i
          returning stream_id, version, global_position
        ), moved as (
          update ${S}.streams s set version = l.version, last_hash = l.hash, last_recorded_at = l.recorded_at
            from linked l where l.k = l.n and s.stream_id = l.stream_id
        ), removed as (
          delete from ${S}.streams s
           where s.stream_id = any(v_created) and s.version = 0
             and not exists (select 1 from ap where ap.stream_id = s.stream_id and ap.route = 'set')
        ), positions as (
          select i.stream_id, array_agg(i.global_position order by i.version) as positions
            from inserted i group by i.stream_id
        )
        select json_agg(case ap.route
                 when 'set' then json_build_object('status', 'ok', 'stream_version', ap.version + ap.n,
                   'transaction_id', pg_current_xact_id()::text, 'positions', p.positions)
                 when 'conflict' then json_build_object('status', 'conflict', 'stream_version', ap.version,
                   'transaction_id', null, 'positions', null)
                 else ap.alone end order by ap.o)
          into v_results
          from ap left join positions p on p.stream_id = ap.stream_id and ap.route = 'set';
        return v_results;
      end $$;
    `,
  },
  {
    // Issue 17, follow-up: append_group of 0004 with the heads created for nothing found in the judgement
    // and removed by a statement of their own, only when there are any. 0004 looked for them in the
    // insert statement: a probe of every head the group created and, for each, a scan of the group's
    // appends — quadratic in a group of new streams (500 check-ins: about half of the call's CPU).
    id: '0005-append-group-unused-heads',
    sql: (S) => `
      create or replace function ${S}.append_group(p_appends json) returns json
        language plpgsql security definer set search_path = pg_catalog, pg_temp
        -- its statements take arrays whose sizes vary from call to call: planned once, not at every call;
        -- and never with a scan of a whole table (a plan made while the store is small stays in use as it
        -- grows): heads and ids are looked up by their keys, whatever the statistics say
        set plan_cache_mode = force_generic_plan set enable_seqscan = off as $$
      declare
        -- the appends, by their place in the group
        v_streams   text[];
        v_kinds     text[];
        v_expected  bigint[];
        v_counts    int[];
        -- the events, in group order: their append's place (v_of), their place in the append (v_nth)
        v_of        int[];
        v_nth       int[];
        v_ids       uuid[];
        v_types     text[];
        v_data      json[];
        v_metadata  json[];
        v_digests   text[];
        -- heads this call created, and those of them no event of the set goes to
        v_created   text[];
        v_unused    text[];
        -- the judgement, by the append's place
        v_routes    text[];
        v_versions  bigint[];
        v_recorded  timestamptz[];
        v_clock     timestamptz;
        v_alone     json[];
        -- the set's chain
        v_pieces    text[];
        v_piece     text;
        v_prev      text;
        v_hash      bytea;
        v_hashes    bytea[] := '{}';
        v_count     int := 0;
        v_place     bigint;
        v_one       record;
        v_results   json;
      begin
        -- 1. the group, parsed once, and 2. every head of the group locked, in stream-id order
        --    (WHERE false: an existing head is locked, not changed), in one statement
        with g as materialized (
          select a.stream_id, a.kind, a.expected, a.o, e.*
            from rows from (json_to_recordset(p_appends) as ("streamId" text, kind text, expected bigint, events json))
                 with ordinality as a(stream_id, kind, expected, events, o)
           cross join lateral (
             select x.*, count(*) over () as n
               from rows from (json_to_recordset(a.events) as (id uuid, type text, data json, metadata json, digest text))
                    with ordinality as x(id, type, data, metadata, digest, k)
           ) e
           order by a.o, e.k -- the aggregates below take their rows in this order
        ), created as (
          insert into ${S}.streams as s (stream_id, version)
          select d.stream_id, 0 from (select distinct g.stream_id from g) d
           order by d.stream_id
          on conflict (stream_id) do update set version = s.version where false
          returning s.stream_id
        )
        select array_agg(g.stream_id) filter (where g.k = 1), array_agg(g.kind) filter (where g.k = 1),
               array_agg(g.expected) filter (where g.k = 1), array_agg(g.n) filter (where g.k = 1),
               array_agg(g.o), array_agg(g.k), array_agg(g.id), array_agg(g.type), array_agg(g.data),
               array_agg(g.metadata), array_agg(g.digest), (select array_agg(c.stream_id) from created c)
          into v_streams, v_kinds, v_expected, v_counts, v_of, v_nth, v_ids, v_types, v_data, v_metadata, v_digests,
               v_created
          from g;
        if v_streams is null then
          return '[]'::json;
        end if;
        if array_length(v_streams, 1) <> json_array_length(p_appends) then
          -- an append without events would drop out of the arrays and shift every answer after it
          raise exception 'every append of a group needs at least one event' using errcode = '22023';
        end if;

        -- 3. the judgement of the whole set (a new snapshot: it sees what committed while we waited for a lock)
        v_clock := ${S}.next_recorded_at(null);
        with ap as (
          select t.stream_id, t.kind, t.expected, t.o
            from unnest(v_streams, v_kinds, v_expected) with ordinality as t(stream_id, kind, expected, o)
        ), ev as (
          select t.o, t.k, t.id, t.digest, t.i
            from unnest(v_of, v_nth, v_ids, v_digests) with ordinality as t(o, k, id, digest, i)
        ), alone as (
          select ap.o from ap where ap.stream_id in (select stream_id from ap group by stream_id having count(*) > 1)
          union select ev.o from ev where ev.id in (select id from ev group by id having count(*) > 1)
          -- a probe of the id index per event (a scalar subquery: never turned into a join)
          union select ev.o from ev where (select true from ${S}.events x where x.event_id = ev.id) is not null
        ), judged as materialized (
          select ap.o, ap.stream_id, coalesce(h.version, 0) as version, h.last_hash,
                 case when ap.o in (select alone.o from alone) then 'alone'
                      when h.stream_id is null
                        or (ap.kind = 'exact' and h.version <> ap.expected)
                        or (ap.kind = 'no_stream' and h.version <> 0)
                        or (ap.kind = 'exists' and h.version = 0) then 'conflict'
                      else 'set' end as route,
                 h.last_recorded_at
            from ap left join lateral (
              -- a probe of the head's key per append (limit: never turned into a join)
              select h.stream_id, h.version, h.last_hash, h.last_recorded_at
                from ${S}.streams h where h.stream_id = ap.stream_id limit 1
            ) h on true
        ), timed as materialized (
          -- next_recorded_at(head's last time), with the clock read once for the group (v_clock, under
          -- every lock of the group): one call instead of one per stream
          select j.*, greatest(v_clock, j.last_recorded_at) as recorded_at
            from judged j where j.route = 'set'
        )
        select array_agg(j.route order by j.o), array_agg(j.version order by j.o),
               array_agg(t.recorded_at order by j.o),
               -- the heads created for appends that are not in the set (a stream twice in the group goes
               -- one by one every time, so a stream is in the set with its only append or not at all)
               (select array_agg(distinct j2.stream_id) from judged j2
                 where j2.route <> 'set' and j2.stream_id in (select unnest(v_created))),
               -- a piece per event of the group, null for those not in the set
               (select array_agg(case when ev.k = 1 then coalesce(encode(t2.last_hash, 'hex'), repeat('0', 64)) else '' end
                                 || '|' || t2.stream_id || '|' || (t2.version + ev.k)::text
                                 || '|' || (extract(epoch from t2.recorded_at) * 1000)::bigint::text || '|' || ev.digest
                                 order by ev.i)
                  from ev left join timed t2 on t2.o = ev.o)
          into v_routes, v_versions, v_recorded, v_unused, v_pieces
          from judged j left join timed t on t.o = j.o;

        -- 4. the chain of the set: link = sha256(prev | stream | version | recordedAtMillis | digest);
        --    an append's first piece starts with its head's hash, the others with '|' (after the previous
        --    link); v_hashes is aligned with the group's events, null for those not in the set
        foreach v_piece in array v_pieces loop
          v_count := v_count + 1;
          if v_piece is null then
            v_hashes[v_count] := null;
            continue;
          end if;
          if left(v_piece, 1) = '|' then
            v_piece := v_prev || v_piece;
          end if;
          v_hash := sha256(convert_to(v_piece, 'UTF8'));
          v_hashes[v_count] := v_hash;
          v_prev := encode(v_hash, 'hex');
        end loop;

        -- 5. the appends that go one by one, in group order
        v_alone := array_fill(null::json, array[array_length(v_streams, 1)]);
        if 'alone' = any(v_routes) then
          for v_place in select t.o from unnest(v_routes) with ordinality as t(route, o) where t.route = 'alone' order by t.o loop
            select * into v_one from ${S}.append_events(
              v_streams[v_place], v_kinds[v_place], v_expected[v_place], (p_appends -> (v_place::int - 1)) -> 'events');
            v_alone[v_place] := json_build_object('status', v_one.status, 'stream_version', v_one.stream_version,
              'transaction_id', v_one.transaction_id, 'positions', v_one.positions);
          end loop;
        end if;

        -- 6. the set's events in group order, their heads moved; the answers
        with ap as (
          select t.stream_id, t.route, t.version, t.recorded_at, t.n, t.alone, t.o
            from unnest(v_streams, v_routes, v_versions, v_recorded, v_counts, v_alone)
                 with ordinality as t(stream_id, route, version, recorded_at, n, alone, o)
        ), linked as (
          select t.i, t.o, t.k, t.id, t.type, t.data, t.metadata, t.digest, t.hash,
                 ap.stream_id, ap.version + t.k as version, ap.n, ap.recorded_at
            from unnest(v_of, v_nth, v_ids, v_types, v_data, v_metadata, v_digests, v_hashes)
                 with ordinality as t(o, k, id, type, data, metadata, digest, hash, i)
            join ap on ap.o = t.o and ap.route = 'set'
        ), inserted as (
          insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
          select l.id, l.stream_id, l.version, l.type, l.data, l.metadata, decode(l.digest, 'hex'), l.hash, l.recorded_at
            from linked l order by l.i
          returning stream_id, version, global_position
        ), moved as (
          update ${S}.streams s set version = l.version, last_hash = l.hash, last_recorded_at = l.recorded_at
            from linked l where l.k = l.n and s.stream_id = l.stream_id
        ), positions as (
          select i.stream_id, array_agg(i.global_position order by i.version) as positions
            from inserted i group by i.stream_id
        )
        select json_agg(case ap.route
                 when 'set' then json_build_object('status', 'ok', 'stream_version', ap.version + ap.n,
                   'transaction_id', pg_current_xact_id()::text, 'positions', p.positions)
                 when 'conflict' then json_build_object('status', 'conflict', 'stream_version', ap.version,
                   'transaction_id', null, 'positions', null)
                 else ap.alone end order by ap.o)
          into v_results
          from ap left join positions p on p.stream_id = ap.stream_id and ap.route = 'set';
        -- 7. the heads created for nothing (still without events after the one-by-one appends) removed
        if v_unused is not null then
          delete from ${S}.streams s where s.stream_id = any(v_unused) and s.version = 0;
        end if;
        return v_results;
      end $$;
    `,
  },
  {
    // The caller's rows and its appends in one statement (appendToStreams with rows): the appends only
    // when every row went in, and the statement made to fail — taking back the rows it wrote — when a row
    // did not or an append met another version of its stream. Runs as the caller; append_group as its owner.
    id: '0006-append-group-with-rows',
    sql: (S) => `
      create function ${S}.append_group_with_rows(p_appends json, p_expected bigint, p_written bigint)
        returns json language plpgsql set search_path = pg_catalog, pg_temp as $$
      declare
        v_results json;
      begin
        if p_written <> p_expected then
          raise exception 'rows written with the appends: % of %; nothing is written', p_written, p_expected
            using errcode = 'JN003';
        end if;
        v_results := ${S}.append_group(p_appends);
        if exists (select 1 from json_array_elements(v_results) r where r ->> 'status' = 'conflict') then
          raise exception 'an append with rows met another version of its stream; nothing is written'
            using errcode = 'JN003';
        end if;
        return v_results;
      end $$;
    `,
  },
  appendGroupNewStreams,
];
