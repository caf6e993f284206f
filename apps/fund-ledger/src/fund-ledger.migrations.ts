// The fund ledger's own tables beside its event store (same schema), applied by its migration step.
// ADR 0007: accounts, their balance rows (the hot bank account over several stripes), and the
// append-only transactions and postings that the balances are the fold of.
import type { Migration } from '@jineng/event-store';
import { BANK_STRIPES } from './ledger/domain/accounts';

export const fundLedgerMigrations: readonly Migration[] = [
  {
    id: 'fund-ledger-001-ledger',
    sql: (S) => `
      create table ${S}.ledger_accounts (
        account_id text primary key,
        kind text not null,
        normal smallint not null check (normal in (1, -1)),
        floored boolean not null,
        stripes smallint not null check (stripes between 1 and 256),
        opened_at timestamptz not null default now()
      );

      -- an account's balance is the sum of its rows; a floored account has one row, whose check makes
      -- the floor hold in the database itself, whatever the writer
      create table ${S}.ledger_balances (
        account_id text not null,
        stripe smallint not null,
        normal smallint not null,
        floored boolean not null,
        balance bigint not null default 0,
        primary key (account_id, stripe),
        constraint ledger_balance_floor check (not floored or balance * normal >= 0)
      );

      create table ${S}.ledger_transactions (
        seq bigserial primary key,
        idempotency_key text not null unique,
        content_digest text not null,
        kind text not null,
        cause jsonb not null,
        booked_on date not null,
        recorded_at timestamptz not null default now()
      );

      create table ${S}.ledger_postings (
        transaction_seq bigint not null,
        account_id text not null,
        amount_fen bigint not null check (amount_fen <> 0),
        booked_on date not null,
        primary key (transaction_seq, account_id)
      );
      create index ledger_postings_account on ${S}.ledger_postings (account_id, transaction_seq);

      -- transactions and postings are append-only: corrections are reversals
      create function ${S}.ledger_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the ledger is append-only: % on %.% is refused', tg_op, tg_table_schema, tg_table_name
          using errcode = 'insufficient_privilege';
      end $$;
      create trigger ledger_transactions_append_only before update or delete or truncate on ${S}.ledger_transactions
        for each statement execute function ${S}.ledger_refuse_change();
      create trigger ledger_postings_append_only before update or delete or truncate on ${S}.ledger_postings
        for each statement execute function ${S}.ledger_refuse_change();

      -- opens the accounts that are missing and locks the single-row ones, in the order given (the
      -- caller sorts): their balances, read under lock, are what a plan draws on
      create function ${S}.ledger_lock(p_accounts text[], p_kinds text[], p_normals smallint[],
                                       p_floored boolean[], p_stripes smallint[])
      returns table (account_id text, balance bigint) language plpgsql as $$
      declare i int;
      begin
        for i in 1 .. coalesce(array_length(p_accounts, 1), 0) loop
          insert into ${S}.ledger_accounts (account_id, kind, normal, floored, stripes)
            values (p_accounts[i], p_kinds[i], p_normals[i], p_floored[i], p_stripes[i])
            on conflict on constraint ledger_accounts_pkey do nothing;
          insert into ${S}.ledger_balances (account_id, stripe, normal, floored)
            select p_accounts[i], s, p_normals[i], p_floored[i] from generate_series(0, p_stripes[i] - 1) s
            on conflict on constraint ledger_balances_pkey do nothing;
          if p_stripes[i] = 1 then
            return query select b.account_id, b.balance from ${S}.ledger_balances b
              where b.account_id = p_accounts[i] and b.stripe = 0 for update;
          end if;
        end loop;
      end $$;

      -- writes a transaction's postings and moves the balances, row by row in the order given
      create function ${S}.ledger_apply(p_seq bigint, p_booked_on date, p_accounts text[], p_amounts bigint[],
                                        p_stripes smallint[])
      returns void language plpgsql as $$
      declare i int;
      begin
        if coalesce(array_length(p_accounts, 1), 0) < 2 then
          raise exception 'a ledger transaction has at least two postings';
        end if;
        if (select sum(a) from unnest(p_amounts) a) <> 0 then
          raise exception 'unbalanced ledger transaction %', p_seq;
        end if;
        insert into ${S}.ledger_postings (transaction_seq, account_id, amount_fen, booked_on)
          select p_seq, a, m, p_booked_on from unnest(p_accounts, p_amounts) as t(a, m);
        for i in 1 .. array_length(p_accounts, 1) loop
          update ${S}.ledger_balances set balance = balance + p_amounts[i]
            where account_id = p_accounts[i] and stripe = p_stripes[i];
          if not found then
            raise exception 'ledger account % (stripe %) is not open', p_accounts[i], p_stripes[i];
          end if;
        end loop;
      end $$;

      insert into ${S}.ledger_accounts (account_id, kind, normal, floored, stripes)
        values ('bank', 'bank', 1, false, ${BANK_STRIPES});
      insert into ${S}.ledger_balances (account_id, stripe, normal, floored)
        select 'bank', s, 1, false from generate_series(0, ${BANK_STRIPES - 1}) s;
    `,
  },
  {
    // the local read model fund-ledger-claims (from subsidy's ClaimSubmitted.v1): a claim's kind, the
    // subsidy kind its commitment's expense is booked under when ClaimApproved.v1 comes
    id: 'fund-ledger-002-claim-kinds',
    sql: (S) => `
      create table ${S}.claim_kinds (
        claim_id text primary key,
        kind text not null,
        claimant_kind text not null,
        jurisdiction_code text not null
      );
    `,
  },
  {
    // payments (issue 14, money in three steps, step 3): what each committed claim is owed and the
    // payment lines that go out in bank files; operational state beside the ledger, written in the
    // transactions of the events that change it (CommitmentMade, PaymentBatchIssued, PaymentSettled…)
    id: 'fund-ledger-003-payments',
    sql: (S) => `
      create table ${S}.payables (
        claim_id text primary key,
        class_id text,
        jurisdiction_code text not null,
        fund_source text not null,
        payee_id text not null,
        payee_kind text not null,
        subsidy_kind text not null,
        amount_fen bigint not null check (amount_fen > 0),
        status text not null check (status in ('open', 'in_payment', 'paid')),
        recovered_fen bigint not null default 0 check (recovered_fen >= 0),
        committed_on date not null,
        check (recovered_fen <= amount_fen)
      );
      create index payables_open on ${S}.payables (fund_source, jurisdiction_code) where status = 'open';

      create table ${S}.payments (
        payment_id uuid primary key,
        batch_id uuid not null,
        claim_id text not null references ${S}.payables (claim_id),
        reference text not null unique,
        amount_fen bigint not null check (amount_fen > 0),
        status text not null check (status in ('issued', 'settled', 'failed')),
        issued_on date not null,
        settled_on date,
        failure_reason text
      );
      -- at most one payment of a claim is out or settled at a time: a claim is paid once
      create unique index payments_one_live_per_claim on ${S}.payments (claim_id) where status in ('issued', 'settled');

      create table ${S}.statement_lines (
        statement_id uuid not null,
        line_no int not null,
        reference text not null,
        amount_fen bigint not null,
        value_date date not null,
        bank_status text not null,
        primary key (statement_id, line_no)
      );
      create index statement_lines_reference on ${S}.statement_lines (statement_id, reference);
    `,
  },
  {
    // the local read model fund-ledger-payees (from registry's PayeeAccountSealed.v1, ADR 0012): every
    // account a payee has had, still sealed (opened only when a payment file is written), and which is
    // current; a payment names the account it went out to by its digest
    id: 'fund-ledger-004-payee-accounts',
    sql: (S) => `
      create table ${S}.payee_account_versions (
        payee_id text not null,
        account_digest text not null,
        payee_kind text not null,
        sealed_account text not null,
        bank_code text not null,
        primary key (payee_id, account_digest)
      );
      create table ${S}.payee_accounts (
        payee_id text primary key,
        account_digest text not null,
        foreign key (payee_id, account_digest) references ${S}.payee_account_versions (payee_id, account_digest)
      );
      alter table ${S}.payments add column payee_account_digest text;
    `,
  },
  {
    // the local read model fund-ledger-report-facts (issue 14, reports): what the monthly report counts
    // and the targets it measures against, learned from class-ops, certification, the registry and the
    // policy area — worker ids only, never a name or an identity number
    id: 'fund-ledger-005-report-facts',
    sql: (S) => `
      create table ${S}.report_classes (
        class_id text primary key,
        jurisdiction_code text not null,
        training_type text not null,
        key_group boolean not null,
        fund_source text not null,
        end_date date not null
      );
      create index report_classes_end on ${S}.report_classes (end_date);
      create table ${S}.report_trainees (
        class_id text not null references ${S}.report_classes (class_id),
        worker_id text not null,
        primary key (class_id, worker_id)
      );
      create index report_trainees_worker on ${S}.report_trainees (worker_id);
      create table ${S}.report_certificates (
        certificate_id text primary key,
        worker_id text not null,
        jurisdiction_code text not null,
        kind text not null,
        level int not null,
        class_id text,
        issued_on date not null,
        revoked_on date
      );
      create index report_certificates_issued on ${S}.report_certificates (issued_on);
      create table ${S}.report_employments (
        employment_id text primary key,
        worker_id text not null,
        start_date date not null
      );
      create index report_employments_worker on ${S}.report_employments (worker_id);
      -- a published policy version's target tables as published and its monthly report's due day
      -- (PolicyVersionPublished.v1)
      create table ${S}.report_target_plans (
        version_id text primary key,
        jurisdiction_code text not null,
        effective_from date not null,
        effective_until date,
        revision int not null,
        targets jsonb not null,
        monthly_report_due_day int
      );
    `,
  },
  {
    // MapTargetProgramme's effect (TargetProgrammeMapped.v1, written with its event): which training
    // types count toward a programme of a jurisdiction's target tables
    id: 'fund-ledger-006-programme-mappings',
    sql: (S) => `
      create table ${S}.report_programme_mappings (
        jurisdiction_code text not null,
        programme text not null,
        training_types text[] not null,
        key_group_only boolean not null,
        primary key (jurisdiction_code, programme)
      );
    `,
  },
  {
    // a bank statement uploaded in parts (UploadBankStatementPart): each part's text kept here as it came
    // (the service may write its files bucket but not read it back — only the gateway reads it — and the
    // parts are read back when the whole is reconciled, one part in memory at a time)
    id: 'fund-ledger-007-statement-parts',
    sql: (S) => `
      create table ${S}.statement_parts (
        statement_id uuid not null,
        part_number int not null check (part_number between 1 and 1000),
        jurisdiction_code text not null,
        csv text not null,
        digest text not null,
        characters int not null,
        primary key (statement_id, part_number)
      );
    `,
  },
  {
    // the approved claims the ledger heard of (subsidy's ClaimApproved.v1, in the local read model
    // fund-ledger-claims): what ReconcileClaims holds the commitments and payments against
    id: 'fund-ledger-008-approved-claims',
    sql: (S) => `
      create table ${S}.approved_claims (
        claim_id text primary key,
        jurisdiction_code text not null,
        fund_source text not null,
        amount_fen bigint not null
      );
    `,
  },
  {
    // a statement line is matched as it is staged (ADR 0007, 9): the payment its reference names within
    // the jurisdiction and the outcome, so that counting, listing and settling are reads of the lines
    // (the per-page join over the whole statement did not finish at 1 000 000 lines); the lines no
    // longer need a reference index, the few lines not matched get a small one
    id: 'fund-ledger-009-statement-matching',
    sql: (S) => `
      alter table ${S}.statement_lines
        add column payment_id uuid,
        add column outcome text check (outcome in ('matched', 'amount_difference', 'unmatched'));
      drop index ${S}.statement_lines_reference;
      create index statement_lines_unresolved on ${S}.statement_lines (statement_id, outcome, line_no)
        where outcome <> 'matched';
    `,
  },
  {
    // ledger_lock reads an open account under lock first and opens it only when that finds nothing: an
    // account is opened once and locked many times, and the two upserts per account and transaction
    // were most of the book's cost beyond its rows (bench/ledger)
    id: 'fund-ledger-010-lock-open-accounts-first',
    sql: (S) => `
      create or replace function ${S}.ledger_lock(p_accounts text[], p_kinds text[], p_normals smallint[],
                                                  p_floored boolean[], p_stripes smallint[])
      returns table (account_id text, balance bigint) language plpgsql as $$
      declare
        i int;
        held bigint;
      begin
        for i in 1 .. coalesce(array_length(p_accounts, 1), 0) loop
          if p_stripes[i] = 1 then
            select b.balance into held from ${S}.ledger_balances b
              where b.account_id = p_accounts[i] and b.stripe = 0 for update;
            if found then
              account_id := p_accounts[i];
              balance := held;
              return next;
              continue;
            end if;
          end if;
          -- first use: open it (a concurrent opener waits on the primary key and finds it open)
          insert into ${S}.ledger_accounts (account_id, kind, normal, floored, stripes)
            values (p_accounts[i], p_kinds[i], p_normals[i], p_floored[i], p_stripes[i])
            on conflict on constraint ledger_accounts_pkey do nothing;
          insert into ${S}.ledger_balances (account_id, stripe, normal, floored)
            select p_accounts[i], s, p_normals[i], p_floored[i] from generate_series(0, p_stripes[i] - 1) s
            on conflict on constraint ledger_balances_pkey do nothing;
          if p_stripes[i] = 1 then
            return query select b.account_id, b.balance from ${S}.ledger_balances b
              where b.account_id = p_accounts[i] and b.stripe = 0 for update;
          end if;
        end loop;
      end $$;
    `,
  },
  {
    // ReconcileClaims as a list (libs/lists): a row per claim the ledger knows of, approved
    // (ClaimApproved.v1) or committed (a payable), with its settled payments and its problem — the same
    // verdicts as reconcileClaims (reports/domain/claims-reconciliation.ts), in the same order of checks
    id: 'fund-ledger-011-claims-reconciliation-rows',
    sql: (S) => `
      create view ${S}.claims_reconciliation_rows as
      select r.*,
             case when r.committed_fen is null then 'approved_not_committed'
                  when r.approved_fen is null then 'committed_not_approved'
                  when r.approved_fen <> r.committed_fen then 'amount_differs'
                  when r.settled_payments > 1 then 'settled_more_than_once'
                  else 'none' end as problem
      from (
        select coalesce(a.claim_id, p.claim_id) as claim_id,
               coalesce(a.jurisdiction_code, p.jurisdiction_code) as jurisdiction_code,
               coalesce(a.fund_source, p.fund_source) as fund_source,
               a.amount_fen as approved_fen, p.amount_fen as committed_fen,
               (select count(*)::int from ${S}.payments m
                 where m.claim_id = coalesce(a.claim_id, p.claim_id) and m.status = 'settled') as settled_payments
        from ${S}.approved_claims a full join ${S}.payables p on p.claim_id = a.claim_id
      ) r;
    `,
  },
  {
    // MapTargetAssignee's effect (TargetAssigneeMapped.v1, written with its event): the institutions an
    // assignee of a jurisdiction's target tables stands for; and each completed class's institution, so
    // the report counts trainings per assignee. Classes recorded before have none (counted toward no
    // assignee) until the read model is replayed: ClassCompleted.v1 fills it in then
    id: 'fund-ledger-012-assignee-mappings',
    sql: (S) => `
      alter table ${S}.report_classes add column institution_id text;
      create index report_classes_institution on ${S}.report_classes (institution_id);
      create table ${S}.report_assignee_mappings (
        jurisdiction_code text not null,
        assignee text not null,
        institution_ids text[] not null,
        primary key (jurisdiction_code, assignee)
      );
    `,
  },
  {
    // group commit (ADR 0023): many transactions posted by two set-based statements, each taking the
    // whole group as one JSON document (so that it travels with its transaction's begin or commit in one
    // round trip). ledger_claim claims their keys (in key order) and locks the single-row accounts of
    // those it claimed (in account order, as ledger_lock), answering the keys recorded before with their
    // postings; ledger_apply_batch appends the postings of all and moves each balance row once
    id: 'fund-ledger-013-group-commit',
    sql: (S) => `
      -- p: {"entries": [{key, digest, kind, cause, bookedOn}], "reads": [{account, key, kind, normal, floored}]}
      create function ${S}.ledger_claim(p jsonb)
      returns table (key text, seq bigint, claimed boolean, digest text, kind text, postings jsonb,
                     account_id text, balance bigint)
      language plpgsql as $$
      #variable_conflict use_column
      declare
        v_keys text[];
        v_seqs bigint[];
        v_accounts text[];
        v_kinds text[];
        v_normals smallint[];
        v_floored boolean[];
      begin
        with c as (
          insert into ${S}.ledger_transactions (idempotency_key, content_digest, kind, cause, booked_on)
          select t.key, t.digest, t.kind, t.cause, t."bookedOn"
          from jsonb_to_recordset(p->'entries') as t(key text, digest text, kind text, cause jsonb, "bookedOn" date)
          order by t.key
          on conflict (idempotency_key) do nothing
          returning seq, idempotency_key)
        select coalesce(array_agg(c.idempotency_key), '{}'), coalesce(array_agg(c.seq), '{}')
          into v_keys, v_seqs from c;
        return query select u.k, u.s, true, null::text, null::text, null::jsonb, null::text, null::bigint
          from unnest(v_keys, v_seqs) as u(k, s);
        -- recorded before (or by a writer that committed while this one waited on the key)
        return query
          select t.idempotency_key, t.seq, false, t.content_digest, t.kind,
                 (select coalesce(jsonb_agg(jsonb_build_array(p.account_id, p.amount_fen) order by p.account_id),
                                  '[]'::jsonb)
                  from ${S}.ledger_postings p where p.transaction_seq = t.seq),
                 null::text, null::bigint
          from ${S}.ledger_transactions t
          where t.idempotency_key = any(array(select e->>'key' from jsonb_array_elements(p->'entries') e))
            and t.idempotency_key <> all(v_keys);
        select coalesce(array_agg(r.account order by r.account), '{}'), coalesce(array_agg(r.kind order by r.account), '{}'),
               coalesce(array_agg(r.normal order by r.account), '{}'), coalesce(array_agg(r.floored order by r.account), '{}')
          into v_accounts, v_kinds, v_normals, v_floored
          from (select distinct on (x.account) x.account, x.kind, x.normal, x.floored
                from jsonb_to_recordset(p->'reads') as x(account text, key text, kind text, normal smallint, floored boolean)
                where x.key = any(v_keys) order by x.account) r;
        if exists (select 1 from unnest(v_accounts) as a(id)
                   where not exists (select 1 from ${S}.ledger_balances b where b.account_id = a.id and b.stripe = 0))
        then
          -- an account to open: one by one in account order
          return query select null::text, null::bigint, null::boolean, null::text, null::text, null::jsonb,
                              l.account_id, l.balance
            from ${S}.ledger_lock(v_accounts, v_kinds, v_normals, v_floored,
                                  array_fill(1::smallint, array[cardinality(v_accounts)])) l;
        else
          return query select null::text, null::bigint, null::boolean, null::text, null::text, null::jsonb,
                              b.account_id, b.balance
            from ${S}.ledger_balances b where b.account_id = any(v_accounts) and b.stripe = 0
            order by b.account_id for update;
        end if;
      end $$;

      -- p: [{seq, bookedOn, account, amountFen, stripe}], the postings of every transaction of the group
      create function ${S}.ledger_apply_batch(p jsonb)
      returns void language plpgsql as $$
      declare
        v_seqs bigint[];
        v_booked date[];
        v_accounts text[];
        v_amounts bigint[];
        v_stripes smallint[];
        v_bad bigint;
        v_rows int;
        v_expected int;
      begin
        select array_agg(t.seq), array_agg(t."bookedOn"), array_agg(t.account), array_agg(t."amountFen"),
               array_agg(t.stripe)
          into v_seqs, v_booked, v_accounts, v_amounts, v_stripes
          from jsonb_to_recordset(p) as t(seq bigint, "bookedOn" date, account text, "amountFen" bigint, stripe smallint);
        select t.s into v_bad from unnest(v_seqs, v_amounts) as t(s, m)
          group by t.s having sum(t.m) <> 0 or count(*) < 2 limit 1;
        if found then
          raise exception 'unbalanced ledger transaction %', v_bad;
        end if;
        insert into ${S}.ledger_postings (transaction_seq, account_id, amount_fen, booked_on)
          select t.s, t.a, t.m, t.b from unnest(v_seqs, v_accounts, v_amounts, v_booked) as t(s, a, m, b);
        with d as (
          select t.a, t.st, sum(t.m) as m from unnest(v_accounts, v_stripes, v_amounts) as t(a, st, m)
          group by t.a, t.st)
        update ${S}.ledger_balances b set balance = b.balance + d.m
          from d where b.account_id = d.a and b.stripe = d.st;
        get diagnostics v_rows = row_count;
        select count(*) into v_expected
          from (select distinct t.a, t.st from unnest(v_accounts, v_stripes) as t(a, st)) x;
        if v_rows <> v_expected then
          raise exception 'a ledger account of the batch is not open';
        end if;
      end $$;
    `,
  },
];
