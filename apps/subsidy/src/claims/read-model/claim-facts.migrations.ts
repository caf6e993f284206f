// The claims' local read models of other services' facts (claim-facts.read-model.ts): completed
// classes, certificates, workers' categories, employment records, payees, the fund ledger's outcomes.
import type { Migration } from '@jineng/event-store';

export const claimFactsMigrations: readonly Migration[] = [
  {
    id: 'subsidy-004-claim-facts',
    sql: (S) => `
      create table ${S}.claim_classes (
        class_id text primary key,
        institution_id text not null,
        jurisdiction_code text not null,
        occupation_code text not null,
        level int not null,
        training_type text not null,
        mode text,
        fund_source text not null,
        start_date text not null,
        end_date text not null,
        planned_headcount int not null,
        worker_ids json not null,
        policy_version_ids json not null,
        status text not null check (status in ('approved', 'completed', 'cancelled')),
        completion json,
        cancelled_reason text,
        updated_at timestamptz not null default now()
      );
      create index claim_classes_jurisdiction on ${S}.claim_classes (jurisdiction_code, status, end_date);
      create table ${S}.claim_assessment_results (
        assessment_id text not null,
        worker_id text not null,
        class_id text not null,
        outcome text not null,
        primary key (assessment_id, worker_id)
      );
      create index claim_assessment_results_class on ${S}.claim_assessment_results (class_id);
      create table ${S}.claim_certificates (
        certificate_id text primary key,
        worker_id text not null,
        class_id text,
        institution_id text,
        jurisdiction_code text not null,
        occupation_code text not null,
        level int not null,
        kind text not null,
        issued_on text not null,
        revoked boolean not null default false,
        revoked_reason text
      );
      create index claim_certificates_class on ${S}.claim_certificates (class_id);
      create index claim_certificates_worker on ${S}.claim_certificates (worker_id);
      create table ${S}.claim_workers (
        worker_id text primary key,
        jurisdiction text not null,
        category text not null,
        key_groups json not null
      );
      create table ${S}.claim_employments (
        employment_id text primary key,
        worker_id text not null,
        employer_credit_code text not null,
        start_date text not null,
        end_date text,
        evidence_kind text not null,
        evidence_reference text not null
      );
      create index claim_employments_worker on ${S}.claim_employments (worker_id);
      create table ${S}.claim_payees (
        payee_id text primary key,
        payee_kind text not null,
        jurisdiction text,
        status text not null,
        account_digest text
      );
      create table ${S}.claim_ledger_outcomes (
        event_id uuid primary key,
        claim_id text not null,
        outcome text not null check (outcome in ('commitment_made', 'commitment_refused', 'payment_settled',
          'payment_failed', 'payment_reversed')),
        reference_id text,
        amount_fen bigint,
        data json not null,
        recorded_at timestamptz not null
      );
      create index claim_ledger_outcomes_claim on ${S}.claim_ledger_outcomes (claim_id, recorded_at);
    `,
  },
];
