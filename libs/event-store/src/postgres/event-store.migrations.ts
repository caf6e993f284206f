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
        data            jsonb       not null,
        metadata        jsonb       not null,
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
      create function ${S}.find_appended(p_stream_id text, p_events jsonb)
      returns table (status text, stream_version bigint, transaction_id text, positions bigint[])
      language plpgsql stable as $$
      declare
        n           int := jsonb_array_length(p_events);
        v_existing  record;
        v_positions bigint[];
      begin
        select e.stream_id, e.version, e.transaction_id into v_existing
          from ${S}.events e where e.event_id = (p_events->0->>'id')::uuid;
        if not found then
          return;
        end if;
        select array_agg(e.global_position order by t.o) into v_positions
          from jsonb_array_elements(p_events) with ordinality as t(x, o)
          join ${S}.events e on e.event_id = (t.x->>'id')::uuid
                            and e.stream_id = p_stream_id
                            and e.version = v_existing.version + t.o - 1
                            and e.content_digest = decode(t.x->>'digest', 'hex');
        if v_existing.stream_id <> p_stream_id or coalesce(array_length(v_positions, 1), 0) <> n then
          raise exception 'event id % is already stored with other content or at another place', p_events->0->>'id'
            using errcode = 'JN001';
        end if;
        return query select 'idempotent'::text, v_existing.version + n - 1, v_existing.transaction_id::text, v_positions;
      end $$;

      -- One round trip per append: idempotency, optimistic concurrency, hash chain, insert.
      -- p_events: [{ id, type, data, metadata, digest (hex) }]. Answers status 'ok' | 'idempotent' | 'conflict'.
      create function ${S}.append_events(
        p_stream_id text, p_expected_kind text, p_expected bigint, p_events jsonb
      ) returns table (status text, stream_version bigint, transaction_id text, positions bigint[])
      language plpgsql as $$
      declare
        n            int := jsonb_array_length(p_events);
        v_version    bigint;
        v_last_hash  bytea;
        v_prev       text;
        v_hashes     bytea[] := '{}';
        v_recorded   timestamptz := date_trunc('milliseconds', now());
        v_ms         text := (extract(epoch from date_trunc('milliseconds', now())) * 1000)::bigint::text;
        v_positions  bigint[];
      begin
        -- 1. a retry of an append that already happened answers as the first time
        return query select * from ${S}.find_appended(p_stream_id, p_events);
        if found then
          return;
        end if;

        -- 2. optimistic concurrency on the stream head (row lock: only this stream's writers wait)
        select s.version, s.last_hash into v_version, v_last_hash
          from ${S}.streams s where s.stream_id = p_stream_id for update;
        if not found then
          if p_expected_kind = 'exists' or (p_expected_kind = 'exact' and p_expected <> 0) then
            return query select 'conflict'::text, 0::bigint, null::text, null::bigint[];
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
          return query select * from ${S}.find_appended(p_stream_id, p_events);
          if found then
            return;
          end if;
          return query select 'conflict'::text, v_version, null::text, null::bigint[];
          return;
        end if;

        -- 3. the chain: link = sha256(prev | stream | version | recordedAtMillis | digest)
        v_prev := coalesce(encode(v_last_hash, 'hex'), repeat('0', 64));
        for i in 1..n loop
          v_hashes[i] := sha256(convert_to(
            v_prev || '|' || p_stream_id || '|' || (v_version + i)::text || '|' || v_ms || '|' || (p_events->(i-1)->>'digest'),
            'UTF8'));
          v_prev := encode(v_hashes[i], 'hex');
        end loop;

        -- 4. insert in order and move the head
        with inserted as (
          insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
          select (t.x->>'id')::uuid, p_stream_id, v_version + t.o, t.x->>'type', t.x->'data', t.x->'metadata',
                 decode(t.x->>'digest', 'hex'), v_hashes[t.o], v_recorded
            from jsonb_array_elements(p_events) with ordinality as t(x, o)
           order by t.o
          returning global_position
        )
        select array_agg(global_position order by global_position) into v_positions from inserted;
        update ${S}.streams set version = v_version + n, last_hash = v_hashes[n] where stream_id = p_stream_id;
        return query select 'ok'::text, v_version + n, pg_current_xact_id()::text, v_positions;
      end $$;
    `,
  },
];
