// The registry's own tables beside its event store (same schema). Two kinds:
//  - written in the command's transaction, with its events: personal data (encrypted) and unique
//    claims. They are the system of record for what events must not carry, so they are not rebuilt
//    from events;
//  - read models (…_view): written by projections from the events, rebuildable.
// Roster import reports and upload parts are working data of the import, not registry facts.
import type { Migration } from '@jineng/event-store';

export const registryMigrations: readonly Migration[] = [
  {
    id: 'registry-001-personal-data-and-claims',
    sql: (S) => `
      create table ${S}.worker_personal_data (
        worker_id uuid primary key,
        id_number_hash text not null unique,
        id_number_enc bytea not null,
        name_enc bytea not null,
        phone_enc bytea not null,
        phone_masked text not null,
        -- the command (or roster row) that registered the worker
        registered_command_id uuid not null,
        updated_at timestamptz not null default now()
      );
      create table ${S}.teacher_personal_data (
        teacher_id uuid primary key,
        institution_id uuid not null,
        id_number_hash text not null,
        id_number_enc bytea not null,
        name_enc bytea not null,
        unique (institution_id, id_number_hash)
      );
      create table ${S}.institution_bank_accounts (
        institution_id uuid primary key,
        account_name_enc bytea not null,
        account_number_enc bytea not null,
        updated_at timestamptz not null default now()
      );
      -- one owner per value of a scope: a credit code, a device serial number
      create table ${S}.unique_claims (
        scope text not null,
        value text not null,
        owner_id uuid not null,
        primary key (scope, value)
      );`,
  },
  {
    id: 'registry-002-roster-imports',
    sql: (S) => `
      create table ${S}.roster_upload_parts (
        upload_id uuid not null,
        part_index int not null,
        part_count int not null,
        uploaded_by text not null,
        content_enc bytea not null,
        received_at timestamptz not null default now(),
        primary key (upload_id, part_index)
      );
      create table ${S}.roster_imports (
        import_id uuid primary key,
        jurisdiction text not null,
        file_sha256 text not null,
        format text not null,
        rows int not null,
        registered int not null,
        already_registered int not null,
        rejected int not null,
        imported_by text not null,
        imported_at timestamptz not null default now()
      );
      create table ${S}.roster_import_rows (
        import_id uuid not null,
        row int not null,
        outcome text not null,
        worker_id uuid,
        id_number_masked text,
        problems jsonb not null,
        primary key (import_id, row)
      );`,
  },
  {
    id: 'registry-003-read-models',
    sql: (S) => `
      create table ${S}.worker_view (
        worker_id uuid primary key,
        id_number_hash text not null,
        id_number_masked text not null,
        name_masked text not null,
        gender text not null,
        jurisdiction text not null,
        hukou_jurisdiction text not null,
        residence_jurisdiction text not null,
        education text not null,
        category text not null,
        key_groups jsonb not null,
        able_to_work boolean not null,
        willing_to_work boolean not null,
        registered_on date not null,
        training_wishes jsonb not null default '[]',
        employments jsonb not null default '[]',
        employed boolean not null default false,
        registered_at bigint not null
      );
      create index worker_view_jurisdiction on ${S}.worker_view (jurisdiction text_pattern_ops, registered_at desc);
      create table ${S}.institution_view (
        institution_id uuid primary key,
        name text not null,
        credit_code text not null,
        type text not null,
        jurisdiction text not null,
        status text not null,
        licence_number text not null,
        bank_name text not null,
        bank_account_masked text not null,
        site_area_m2 int not null,
        equipment jsonb not null,
        scope jsonb not null,
        teachers jsonb not null default '[]',
        site_evaluations jsonb not null default '[]',
        publication_batch text,
        listed_on date,
        suspension_reason text,
        rectification_deadline date,
        disqualifications jsonb not null default '[]',
        applied_on date not null
      );
      create index institution_view_jurisdiction on ${S}.institution_view (jurisdiction text_pattern_ops, status);
      create table ${S}.enterprise_view (
        enterprise_id uuid primary key,
        name text not null,
        credit_code text not null,
        jurisdiction text not null,
        headcount int not null,
        small boolean not null,
        micro boolean not null,
        may_set_up_evaluation_body boolean not null,
        registered_on date not null
      );
      create index enterprise_view_jurisdiction on ${S}.enterprise_view (jurisdiction text_pattern_ops);
      create table ${S}.device_view (
        device_id uuid primary key,
        institution_id uuid not null,
        jurisdiction text not null,
        serial_number text not null,
        site_name text not null,
        site_address text,
        kind text not null,
        status text not null,
        registered_on date not null
      );
      create index device_view_institution on ${S}.device_view (institution_id);`,
  },
  {
    // what an import's command id did (with imported_by): a retry under the id must ask the same
    id: 'registry-004-roster-import-request-digest',
    sql: (S) => `alter table ${S}.roster_imports add column request_digest text;`,
  },
  {
    // issue #9: the file bytes of each part, so that an upload's total is checked at every part
    // (`if not exists`: a development schema may hold it from before this migration was renumbered)
    id: 'registry-005-roster-upload-part-sizes',
    sql: (S) => `
      alter table ${S}.roster_upload_parts add column if not exists content_bytes int not null default 0;`,
  },
  {
    // issue #11: the finding 自身难以实现转移就业; rows projected before it had none (false)
    id: 'registry-006-worker-hard-to-move-into-work',
    sql: (S) => `
      alter table ${S}.worker_view add column hard_to_move_into_work boolean not null default false;`,
  },
];
