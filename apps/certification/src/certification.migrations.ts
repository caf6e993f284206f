// The certification service's own tables beside its event store (same schema), applied by its
// migration step (the runtime's tables — inbox, read_model_*, parked events — come with the runtime).
import type { Migration } from '@jineng/event-store';

export const certificationMigrations: readonly Migration[] = [
  {
    // local read models (local-read-models.ts): classes from class-ops, policy versions from subsidy
    id: 'certification-001-local-read-models',
    sql: (S) => `
      create table ${S}.class_facts (
        class_id uuid primary key,
        institution_id uuid not null,
        jurisdiction_code text not null,
        occupation_code text not null,
        level int not null,
        training_type text not null,
        start_date text not null,
        end_date text not null,
        worker_ids json not null,
        status text not null check (status in ('approved', 'cancelled', 'completed')),
        trainees json not null,
        policy_version_ids json not null,
        updated_at timestamptz not null default now()
      );
      create table ${S}.policy_versions (
        version_id uuid primary key,
        jurisdiction text not null,
        effective_from text not null,
        effective_until text,
        revision int not null,
        published_at text not null,
        parameters json not null
      );
      create index policy_versions_jurisdiction on ${S}.policy_versions (jurisdiction);
    `,
  },
  {
    // rows written in the transaction of the service's own events (withEvents): what evaluation bodies
    // are recognised for, and the certificates by number (public verification)
    id: 'certification-002-recognitions-and-certificates',
    sql: (S) => `
      create table ${S}.evaluation_body_recognitions (
        evaluation_body_id uuid not null,
        occupation_code text not null,
        level int not null,
        kind text not null,
        valid_from text not null,
        valid_until text,
        primary key (evaluation_body_id, occupation_code, level, kind, valid_from)
      );
      create index evaluation_body_recognitions_occupation
        on ${S}.evaluation_body_recognitions (occupation_code, level);
      create table ${S}.certificates (
        certificate_id uuid primary key,
        certificate_number text not null unique,
        worker_id uuid not null,
        class_id uuid,
        assessment_id uuid,
        institution_id uuid not null,
        jurisdiction_code text not null,
        occupation_code text not null,
        level int not null,
        kind text not null,
        evaluation_body_id uuid not null,
        issued_on text not null,
        status text not null check (status in ('valid', 'revoked')),
        revocation_reason text,
        revoked_at timestamptz
      );
      create index certificates_institution on ${S}.certificates (institution_id, issued_on);
    `,
  },
  {
    // the registry's local read model (certification-registry): masked names for the public
    // verification, employment records for the employment rate, institutions' names; and the bodies'
    // names, written with their recognition
    id: 'certification-003-registry-and-bodies',
    sql: (S) => `
      create table ${S}.workers (
        worker_id uuid primary key,
        name_masked text not null
      );
      create table ${S}.employments (
        employment_id uuid primary key,
        worker_id uuid not null,
        start_date text not null,
        end_date text
      );
      create index employments_worker on ${S}.employments (worker_id);
      create table ${S}.institutions (
        institution_id uuid primary key,
        name text not null,
        jurisdiction_code text not null
      );
      create table ${S}.evaluation_bodies (
        evaluation_body_id uuid primary key,
        name text not null,
        kind text not null,
        jurisdiction_code text not null,
        enterprise_id uuid
      );
    `,
  },
  {
    // each trainee's latest result per assessment, written with AssessmentResultsRecorded (the pass rate)
    id: 'certification-004-assessment-results',
    sql: (S) => `
      create table ${S}.assessment_results (
        assessment_id uuid not null,
        worker_id uuid not null,
        class_id uuid not null,
        institution_id uuid not null,
        outcome text not null check (outcome in ('passed', 'failed', 'absent')),
        primary key (assessment_id, worker_id)
      );
      create index assessment_results_class on ${S}.assessment_results (class_id, worker_id);
      create index class_facts_institution on ${S}.class_facts (institution_id, end_date);
    `,
  },
  {
    // the outcome scorecard: per institution, occupation and year, the figures as evaluated at the
    // year's end (written with InstitutionYearEvaluated); the view adds the institution's name
    id: 'certification-005-outcome-scorecard',
    sql: (S) => `
      create table ${S}.outcome_scorecard (
        year int not null,
        institution_id uuid not null,
        occupation_code text not null,
        jurisdiction_code text not null,
        classes int not null,
        trainees int not null,
        passed int not null,
        certified int not null,
        employed int,
        pass_rate text,
        certificate_rate text,
        employment_rate text,
        primary key (year, institution_id, occupation_code)
      );
      create view ${S}.outcome_scorecard_view as
        select s.*, i.name as institution_name
          from ${S}.outcome_scorecard s
          left join ${S}.institutions i using (institution_id);
    `,
  },
  {
    // enterprises from the registry (certification-registry): who must set up an evaluation body
    id: 'certification-006-enterprises',
    sql: (S) => `
      create table ${S}.enterprises (
        enterprise_id uuid primary key,
        name text not null,
        jurisdiction_code text not null,
        headcount int not null
      );
      create view ${S}.enterprises_without_own_body as
        select e.* from ${S}.enterprises e
         where not exists (select 1 from ${S}.evaluation_bodies b
                            where b.kind = 'enterprise_own' and b.enterprise_id = e.enterprise_id);
    `,
  },
  {
    // the trainee's own certificates (ListMyCertificates) are looked up by worker
    id: 'certification-007-certificates-by-worker',
    sql: (S) => `create index certificates_worker on ${S}.certificates (worker_id, issued_on);`,
  },
];
