// class-ops' own tables beside its event store (same schema), applied by its migration step as the
// migrator: the local read models of the registry's and the subsidy service's events (rm_*), and the
// class records written in the same transaction as a class's events (classes, class_trainees).
import type { Migration } from '@jineng/event-store';

export const classOpsMigrations: readonly Migration[] = [
  {
    id: 'class-ops-001-local-read-models',
    sql: (S) => `
      create table ${S}.rm_workers (
        worker_id uuid primary key,
        jurisdiction text not null,
        hukou_jurisdiction text not null,
        residence_jurisdiction text not null,
        birth_date text,
        able_to_work boolean not null,
        willing_to_work boolean not null,
        monthly_pension_entitled boolean
      );
      create table ${S}.rm_employments (
        employment_id uuid primary key,
        worker_id uuid not null,
        employer_credit_code text not null,
        start_date text not null,
        end_date text
      );
      create index rm_employments_worker on ${S}.rm_employments (worker_id);
      create table ${S}.rm_institutions (
        institution_id uuid primary key,
        jurisdiction text not null,
        type text not null,
        credit_code text not null,
        status text not null,
        scope json not null,
        disqualified_years json not null default '[]'
      );
      create table ${S}.rm_teachers (
        teacher_id uuid primary key,
        institution_id uuid not null
      );
      create table ${S}.rm_devices (
        device_id uuid primary key,
        institution_id uuid not null,
        site_name text not null,
        status text not null
      );
      create table ${S}.rm_policy_versions (
        version_id uuid primary key,
        jurisdiction text not null,
        effective_from text not null,
        effective_until text,
        published_at text not null,
        parameters json not null
      );
      create table ${S}.rm_holiday_calendar (
        scope text not null,
        year int not null,
        revision int not null,
        data json not null,
        primary key (scope, year, revision)
      );
    `,
  },
  {
    id: 'class-ops-002-classes',
    sql: (S) => `
      create table ${S}.classes (
        class_id uuid primary key,
        institution_id uuid not null,
        jurisdiction text not null,
        status text not null,
        occupation_code text not null,
        level int not null,
        training_type text not null,
        start_date text not null,
        end_date text not null,
        fund_source text not null,
        planned_headcount int not null,
        key_group boolean not null,
        applied_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index classes_jurisdiction on ${S}.classes (jurisdiction, status);
      create index classes_institution on ${S}.classes (institution_id, status);
      create table ${S}.class_trainees (
        class_id uuid not null,
        worker_id uuid not null,
        primary key (class_id, worker_id)
      );
      create index class_trainees_worker on ${S}.class_trainees (worker_id);
    `,
  },
  {
    // the check-in facts of a class (its site, its sessions, the policy's minimum face-match score and
    // geofence) and every check-in attempt, accepted or refused (ADR 0008): one accepted per worker and
    // session, enforced by the database across concurrent requests
    id: 'class-ops-003-check-ins',
    sql: (S) => `
      alter table ${S}.classes add column site json not null;
      alter table ${S}.classes add column daily_start_time text not null;
      alter table ${S}.classes add column total_hours int not null;
      alter table ${S}.classes add column lesson_minutes int not null;
      alter table ${S}.classes add column min_face_match_score double precision;
      alter table ${S}.classes add column max_geofence_radius_metres int;
      create table ${S}.check_ins (
        check_in_id uuid primary key,
        device_id uuid not null,
        device_event_id text not null,
        class_id uuid not null,
        worker_id uuid not null,
        institution_id uuid,
        at timestamptz not null,
        accepted boolean not null,
        session_no int,
        reasons json not null,
        recorded_at timestamptz not null
      );
      create unique index check_ins_once on ${S}.check_ins (class_id, session_no, worker_id) where accepted;
      create index check_ins_rejected_class on ${S}.check_ins (class_id, at) where not accepted;
      create index check_ins_rejected_device on ${S}.check_ins (device_id, at) where not accepted;
    `,
  },
  {
    // the class-opening parameters in force at the class's start, as its rules read them (the opening-day
    // share, the inspection share, the video minimum), and the opening-day headcount once known
    id: 'class-ops-004-class-policy',
    sql: (S) => `
      alter table ${S}.classes add column class_opening_policy json not null default '{}';
      alter table ${S}.classes add column opening_day_headcount int;
    `,
  },
  {
    // a worker's training history: every class they were on the roster of, with the sessions attended
    id: 'class-ops-005-training-history',
    sql: (S) => `
      create view ${S}.training_history as
        select t.worker_id, c.class_id, c.institution_id, c.jurisdiction, c.status, c.occupation_code, c.level,
               c.start_date, c.end_date, c.fund_source,
               (select count(distinct k.session_no) from ${S}.check_ins k
                 where k.class_id = c.class_id and k.worker_id = t.worker_id and k.accepted)::int as sessions_attended
          from ${S}.class_trainees t join ${S}.classes c using (class_id);
    `,
  },
  {
    // certification's ClassSatisfactionBelowMinimum (the class-ops-certification read model): an institution
    // with a failure not yet rectified opens no class; RecordRectification marks them rectified
    id: 'class-ops-006-satisfaction-failures',
    sql: (S) => `
      create table ${S}.rm_satisfaction_failures (
        class_id uuid primary key,
        institution_id uuid not null,
        jurisdiction text not null,
        satisfaction_share text not null,
        minimum_share text not null,
        rectified_by_event uuid
      );
      create index rm_satisfaction_failures_open on ${S}.rm_satisfaction_failures (institution_id)
        where rectified_by_event is null;
    `,
  },
  {
    // certification's CertificateIssued / CertificateRevoked (read model class-ops-certificates): the
    // certificates a worker holds, for the opening warning on a certificate already held
    id: 'class-ops-007-certificates-held',
    sql: (S) => `
      create table ${S}.rm_certificates (
        certificate_id uuid primary key,
        worker_id uuid not null,
        class_id uuid,
        occupation_code text not null,
        level int not null,
        kind text not null,
        issued_on text not null,
        revoked boolean not null default false
      );
      create index rm_certificates_worker on ${S}.rm_certificates (worker_id) where not revoked;
    `,
  },
  {
    // the fund ledger's ClassEarmarked / EarmarkRefused (read model class-ops-fund-ledger): the last word of
    // the ledger on each class's earmark, for re-approval and the dedicated account's start gate
    id: 'class-ops-008-earmarks',
    sql: (S) => `
      create table ${S}.rm_earmarks (
        class_id uuid primary key,
        status text not null check (status in ('earmarked', 'refused')),
        fund_source text not null,
        amount_fen bigint not null,
        available_fen bigint,
        reason text
      );
    `,
  },
  {
    // the registry's finding 自身难以实现转移就业 (WorkerRegistered / WorkerProfileUpdated v1, optional):
    // workers kept before it had none, which is what their events said
    id: 'class-ops-009-worker-hard-to-move-into-work',
    sql: (S) => `
      alter table ${S}.rm_workers add column hard_to_move_into_work boolean not null default false;
      `,
  },
  {
    // the trainee's own trainings (ListMyTrainings): the institution's name as the registry published it
    // (null for one applied before this column; class-ops keeps no other copy), and each class's sessions
    // (one a day, check-in/domain/sessions.ts) beside the sessions attended
    id: 'class-ops-010-training-history-names',
    sql: (S) => `
      alter table ${S}.rm_institutions add column name text;
      create or replace view ${S}.training_history as
        select t.worker_id, c.class_id, c.institution_id, c.jurisdiction, c.status, c.occupation_code, c.level,
               c.start_date, c.end_date, c.fund_source,
               (select count(distinct k.session_no) from ${S}.check_ins k
                 where k.class_id = c.class_id and k.worker_id = t.worker_id and k.accepted)::int as sessions_attended,
               i.name as institution_name,
               (c.end_date::date - c.start_date::date + 1)::int as sessions_total
          from ${S}.class_trainees t join ${S}.classes c using (class_id)
          left join ${S}.rm_institutions i on i.institution_id = c.institution_id;
    `,
  },
  {
    // once per worker and session, the same rule, with the worker before the session: a check-in's
    // facts read a worker's accepted sessions of a class (and the training history counts them) by
    // (class, worker) — the index led by the session made each look-up scan the whole class
    id: 'class-ops-011-check-ins-once-by-worker',
    sql: (S) => `
      create unique index check_ins_once_by_worker on ${S}.check_ins (class_id, worker_id, session_no) where accepted;
      drop index ${S}.check_ins_once;
    `,
  },
];
