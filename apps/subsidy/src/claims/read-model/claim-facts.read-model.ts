// What claims learn from other services (ARCHITECTURE §1), kept per stream in order by the runtime's
// local read model (`defineLocalReadModel`): from class-ops the approved, completed and cancelled
// classes; from certification the assessment results, certificates and revocations; from the
// registry the workers' categories, employment records and payees (institutions, enterprises, their
// sealed accounts' digests); from the fund ledger the commitment and payment outcomes. The events'
// fields are those docs/contracts.md fixes; a consumer ignores what it does not know.
import { defineLocalReadModel, type IntegrationEvent, type LocalReadModelHandler } from '@jineng/messaging';
import type { PoolClient } from 'pg';

export const CLAIM_FACTS_READ_MODEL = 'subsidy-claim-facts';

type Data = Record<string, unknown>;

/** A field the contract requires; a malformed event fails (retried, then parked with the reason). */
function need<T>(data: Data, field: string, check: (v: unknown) => boolean, type: string): T {
  const value = data[field];
  if (!check(value)) throw new TypeError(`${field} is not ${type}: ${JSON.stringify(value)}`);
  return value as T;
}
const str = (data: Data, field: string): string =>
  need<string>(data, field, (v) => typeof v === 'string' && v !== '', 'a string');
const int = (data: Data, field: string): number =>
  need<number>(data, field, (v) => Number.isInteger(v), 'an integer');
const list = (data: Data, field: string): unknown[] => need<unknown[]>(data, field, Array.isArray, 'a list');
const opt = (data: Data, field: string): string | null =>
  typeof data[field] === 'string' && data[field] !== '' ? (data[field] as string) : null;

export function claimFactsReadModel(schema: string) {
  const S = `"${schema}"`;
  const on =
    (
      apply: (data: Data, tx: PoolClient, event: IntegrationEvent) => Promise<unknown>,
    ): LocalReadModelHandler =>
    async (event, tx) => {
      await apply(event.data as Data, tx, event);
    };

  const ledger = (outcome: string, reference: string) =>
    on((d, tx, event) =>
      tx.query(
        `insert into ${S}.claim_ledger_outcomes (event_id, claim_id, outcome, reference_id, amount_fen, data, recorded_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
        [
          event.id,
          str(d, 'claimId'),
          outcome,
          opt(d, reference),
          typeof d.amountFen === 'number'
            ? d.amountFen
            : typeof d.requestedFen === 'number'
              ? d.requestedFen
              : null,
          JSON.stringify(d),
          event.recordedAt,
        ],
      ),
    );

  return defineLocalReadModel({
    name: CLAIM_FACTS_READ_MODEL,
    from: {
      'class-ops': {
        'ClassApproved.v1': on((d, tx) =>
          tx.query(
            `insert into ${S}.claim_classes (class_id, institution_id, jurisdiction_code, occupation_code, level,
               training_type, mode, fund_source, start_date, end_date, planned_headcount, worker_ids,
               policy_version_ids, status)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'approved')
             on conflict (class_id) do update set worker_ids = excluded.worker_ids, updated_at = now()`,
            [
              str(d, 'classId'),
              str(d, 'institutionId'),
              str(d, 'jurisdictionCode'),
              str(d, 'occupationCode'),
              int(d, 'level'),
              str(d, 'trainingType'),
              opt(d, 'mode'),
              str(d, 'fundSource'),
              str(d, 'startDate'),
              str(d, 'endDate'),
              int(d, 'plannedHeadcount'),
              JSON.stringify(list(d, 'workerIds')),
              JSON.stringify(Array.isArray(d.policyVersionIds) ? d.policyVersionIds : []),
            ],
          ),
        ),
        'RosterAmended.v1': on((d, tx) =>
          tx.query(`update ${S}.claim_classes set worker_ids = $2, updated_at = now() where class_id = $1`, [
            str(d, 'classId'),
            JSON.stringify(list(d, 'workerIds')),
          ]),
        ),
        'ClassCompleted.v1': on((d, tx) => {
          for (const t of list(d, 'trainees')) {
            const trainee = t as Data;
            str(trainee, 'workerId');
            int(trainee, 'daysAttended');
          }
          return tx.query(
            `update ${S}.claim_classes set status = 'completed', completion = $2, end_date = $3, updated_at = now()
              where class_id = $1`,
            [
              str(d, 'classId'),
              JSON.stringify({
                daysDelivered: int(d, 'daysDelivered'),
                openingDayHeadcount: int(d, 'openingDayHeadcount'),
                ...(typeof d.averageInspectedHeadcount === 'number' ||
                typeof d.averageInspectedHeadcount === 'string'
                  ? { averageInspectedHeadcount: Number(d.averageInspectedHeadcount) }
                  : {}),
                averageRuleApplies: d.averageRuleApplies === true,
                trainees: d.trainees,
              }),
              str(d, 'endDate'),
            ],
          );
        }),
        'ClassCancelled.v1': on((d, tx) =>
          tx.query(
            `update ${S}.claim_classes set status = 'cancelled', cancelled_reason = $2, updated_at = now()
              where class_id = $1`,
            [str(d, 'classId'), str(d, 'reasonCode')],
          ),
        ),
      },
      certification: {
        'AssessmentResultsRecorded.v1': on(async (d, tx) => {
          for (const r of list(d, 'results')) {
            const result = r as Data;
            await tx.query(
              `insert into ${S}.claim_assessment_results (assessment_id, worker_id, class_id, outcome)
               values ($1, $2, $3, $4) on conflict (assessment_id, worker_id) do update set outcome = excluded.outcome`,
              [str(d, 'assessmentId'), str(result, 'workerId'), str(d, 'classId'), str(result, 'outcome')],
            );
          }
        }),
        'CertificateIssued.v1': on((d, tx) =>
          tx.query(
            `insert into ${S}.claim_certificates (certificate_id, worker_id, class_id, institution_id,
               jurisdiction_code, occupation_code, level, kind, issued_on)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
            [
              str(d, 'certificateId'),
              str(d, 'workerId'),
              opt(d, 'classId'),
              opt(d, 'institutionId'),
              str(d, 'jurisdictionCode'),
              str(d, 'occupationCode'),
              int(d, 'level'),
              str(d, 'kind'),
              str(d, 'issuedOn'),
            ],
          ),
        ),
        'CertificateRevoked.v1': on((d, tx) =>
          tx.query(
            `update ${S}.claim_certificates set revoked = true, revoked_reason = $2 where certificate_id = $1`,
            [str(d, 'certificateId'), str(d, 'reason')],
          ),
        ),
      },
      registry: {
        'WorkerRegistered.v1': on((d, tx) =>
          tx.query(
            `insert into ${S}.claim_workers (worker_id, jurisdiction, category, key_groups) values ($1, $2, $3, $4)
             on conflict (worker_id) do update set category = excluded.category, key_groups = excluded.key_groups`,
            [
              str(d, 'workerId'),
              str(d, 'jurisdiction'),
              str(d, 'category'),
              JSON.stringify(list(d, 'keyGroups')),
            ],
          ),
        ),
        'WorkerProfileUpdated.v1': on((d, tx) =>
          tx.query(
            `update ${S}.claim_workers set category = coalesce($2, category), key_groups = coalesce($3::json, key_groups)
              where worker_id = $1`,
            [
              str(d, 'workerId'),
              opt(d, 'category'),
              Array.isArray(d.keyGroups) ? JSON.stringify(d.keyGroups) : null,
            ],
          ),
        ),
        'EmploymentRecorded.v1': on((d, tx) =>
          tx.query(
            `insert into ${S}.claim_employments (employment_id, worker_id, employer_credit_code, start_date,
               evidence_kind, evidence_reference) values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
            [
              str(d, 'employmentId'),
              str(d, 'workerId'),
              str(d, 'employerCreditCode'),
              str(d, 'startDate'),
              str(d, 'evidenceKind'),
              str(d, 'evidenceReference'),
            ],
          ),
        ),
        'EmploymentEnded.v1': on((d, tx) =>
          tx.query(`update ${S}.claim_employments set end_date = $2 where employment_id = $1`, [
            str(d, 'employmentId'),
            str(d, 'endDate'),
          ]),
        ),
        'InstitutionListed.v1': on((d, tx) =>
          payee(tx, S, str(d, 'institutionId'), 'institution', 'listed', opt(d, 'jurisdiction')),
        ),
        'InstitutionSuspended.v1': on((d, tx) =>
          payee(tx, S, str(d, 'institutionId'), 'institution', 'suspended'),
        ),
        'InstitutionReinstated.v1': on((d, tx) =>
          payee(tx, S, str(d, 'institutionId'), 'institution', 'listed'),
        ),
        'InstitutionDelisted.v1': on((d, tx) =>
          payee(tx, S, str(d, 'institutionId'), 'institution', 'delisted'),
        ),
        'EnterpriseRegistered.v1': on((d, tx) =>
          payee(tx, S, str(d, 'enterpriseId'), 'enterprise', 'registered', opt(d, 'jurisdiction')),
        ),
        'PayeeAccountSealed.v1': on((d, tx) =>
          tx.query(
            `insert into ${S}.claim_payees (payee_id, payee_kind, status, account_digest) values ($1, $2, 'registered', $3)
             on conflict (payee_id) do update set account_digest = excluded.account_digest`,
            [str(d, 'payeeId'), str(d, 'payeeKind'), str(d, 'accountDigest')],
          ),
        ),
      },
      'fund-ledger': {
        'CommitmentMade.v1': ledger('commitment_made', 'commitmentId'),
        'CommitmentRefused.v1': ledger('commitment_refused', 'claimId'),
        'PaymentSettled.v1': ledger('payment_settled', 'paymentId'),
        'PaymentFailed.v1': ledger('payment_failed', 'paymentId'),
        'PaymentReversed.v1': ledger('payment_reversed', 'recoveryId'),
      },
    },
  });
}

function payee(
  tx: PoolClient,
  S: string,
  payeeId: string,
  kind: string,
  status: string,
  jurisdiction: string | null = null,
) {
  return tx.query(
    `insert into ${S}.claim_payees (payee_id, payee_kind, jurisdiction, status) values ($1, $2, $3, $4)
     on conflict (payee_id) do update set status = excluded.status,
       jurisdiction = coalesce(excluded.jurisdiction, ${S}.claim_payees.jurisdiction)`,
    [payeeId, kind, jurisdiction, status],
  );
}
