import type { Migration } from './event-store.migrations';

/**
 * Issue 11 / 17: `append_group` of migration 0005 with a path of its own for a group whose appends all
 * open new streams (ADR 0001, decision 8, step 2a). Every offline check-in is a new stream (ADR 0008),
 * and 0005 spent most of such a group on heads: each created with a speculative insertion to be locked,
 * probed, then updated with its version and hash, and each event id probed. This path writes each head
 * once with its final values and the events after it; a unique violation (a stream opened meanwhile, a
 * retried append) takes the attempt back and the group goes 0005's judged way. The group is parsed
 * once for both paths, and it comes flat (one array of events, each with its append's place): 0005
 * read a nested array of appends, each with its events, again at every level; 0005's first statement
 * parsed and locked together, the lock is now step 2b.
 */
export const appendGroupNewStreams: Migration = {
  id: '0007-append-group-new-streams',
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
        -- every append opens a new stream (2a), and that path's chain and recorded time
        v_new       boolean;
        v_links     bytea[];
        v_ms        text;
        -- the group is well formed: its appends numbered from 1, each with all its events
        v_whole     boolean;
        v_events    json;
      begin
        -- 1. the group, parsed once: one flat array of its events in group order, each with its append's
        --    place o, its own place k in the append and the append's size n (a nested array of appends,
        --    each with its events, was read again at every level). Whether every append of it opens a new
        --    stream: expects no stream (or version 0), and no stream or id is twice in the group
        select array_agg(g.stream_id) filter (where g.k = 1), array_agg(g.kind) filter (where g.k = 1),
               array_agg(g.expected) filter (where g.k = 1), array_agg(g.n) filter (where g.k = 1),
               array_agg(g.o), array_agg(g.k), array_agg(g.id), array_agg(g.type), array_agg(g.data),
               array_agg(g.metadata), array_agg(g.digest),
               bool_and(g.kind = 'no_stream' or (g.kind = 'exact' and g.expected = 0))
                 and count(distinct g.stream_id) = count(distinct g.o) and count(distinct g.id) = count(*),
               count(*) filter (where g.k = 1) = max(g.o) and sum(g.n) filter (where g.k = 1) = count(*)
                 and bool_and(g.k between 1 and g.n)
          into v_streams, v_kinds, v_expected, v_counts, v_of, v_nth, v_ids, v_types, v_data, v_metadata, v_digests,
               v_new, v_whole
          from (
            select e.o, e.k, e.n, e."streamId" as stream_id, e.kind, e.expected, e.id, e.type, e.data, e.metadata,
                   e.digest
              from json_to_recordset(p_appends) as e(o int, k int, n int, "streamId" text, kind text, expected bigint,
                                                     id uuid, type text, data json, metadata json, digest text)
             order by e.o, e.k -- the aggregates take their rows in this order
          ) g;
        if v_streams is null then
          return '[]'::json;
        end if;
        if v_whole is not true then
          -- an append without events, or with some missing, would shift every answer after it
          raise exception 'every append of a group needs its events, numbered from 1' using errcode = '22023';
        end if;

        -- 2a. a group of new streams (every check-in chunk, ADR 0008): nothing to lock, judge or move. Its
        --     heads are inserted once, with their final values, in stream-id order, then its events. A head
        --     or an id that is there after all (a stream opened meanwhile, a retried append) raises a
        --     unique violation: the attempt is taken back (its own subtransaction) and the group goes the
        --     judged way (2b), which answers it as before. The recorded time is next_recorded_at of a stream
        --     without events (decision 6), the chain starts from zeros.
        if v_new then
          v_clock := ${S}.next_recorded_at(null);
          v_ms := (extract(epoch from v_clock) * 1000)::bigint::text;
          v_links := array_fill(null::bytea, array[array_length(v_ids, 1)]);
          for v_e in 1..array_length(v_ids, 1) loop
            if v_nth[v_e] = 1 then
              v_prev := repeat('0', 64);
            end if;
            v_hash := sha256(convert_to(v_prev || '|' || v_streams[v_of[v_e]] || '|' || v_nth[v_e]::text
                                        || '|' || v_ms || '|' || v_digests[v_e], 'UTF8'));
            v_links[v_e] := v_hash;
            v_prev := encode(v_hash, 'hex');
          end loop;
          begin
            insert into ${S}.streams (stream_id, version, last_hash, last_recorded_at)
            select a.stream_id, a.n, t.link, v_clock
              from unnest(v_streams, v_counts) with ordinality as a(stream_id, n, o)
              join unnest(v_of, v_nth, v_links) as t(o, k, link) on t.o = a.o and t.k = a.n
             order by a.stream_id;
            with inserted as (
              insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
              select t.id, a.stream_id, t.k, t.type, t.data, t.metadata, decode(t.digest, 'hex'), t.link, v_clock
                from unnest(v_of, v_nth, v_ids, v_types, v_data, v_metadata, v_digests, v_links) with ordinality
                     as t(o, k, id, type, data, metadata, digest, link, i)
                join unnest(v_streams) with ordinality as a(stream_id, o) on a.o = t.o
               order by t.i
              returning stream_id, version, global_position
            ), positions as (
              select i.stream_id, array_agg(i.global_position order by i.version) as positions
                from inserted i group by i.stream_id
            )
            select json_agg(json_build_object('status', 'ok', 'stream_version', a.n,
                              'transaction_id', pg_current_xact_id()::text, 'positions', p.positions) order by a.o)
              into v_results
              from unnest(v_streams, v_counts) with ordinality as a(stream_id, n, o)
              join positions p on p.stream_id = a.stream_id;
            return v_results;
          exception when unique_violation then
            null;
          end;
        end if;

        -- 2b. every head of the group locked, in stream-id order (WHERE false: an existing head is locked,
        --     not changed; a missing one is created)
        with created as (
          insert into ${S}.streams as s (stream_id, version)
          select d.stream_id, 0 from (select distinct t.stream_id from unnest(v_streams) as t(stream_id)) d
           order by d.stream_id
          on conflict (stream_id) do update set version = s.version where false
          returning s.stream_id
        )
        select array_agg(c.stream_id) into v_created from created c;

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
            select json_agg(json_build_object('id', t.id, 'type', t.type, 'data', t.data, 'metadata', t.metadata,
                                              'digest', t.digest) order by t.k)
              into v_events
              from unnest(v_of, v_nth, v_ids, v_types, v_data, v_metadata, v_digests)
                   as t(o, k, id, type, data, metadata, digest)
             where t.o = v_place;
            select * into v_one from ${S}.append_events(
              v_streams[v_place], v_kinds[v_place], v_expected[v_place], v_events);
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
};
