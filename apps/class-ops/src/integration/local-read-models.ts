// What class-ops learns from the registry and the subsidy service (docs/flow.md), kept as local read
// models by durable consumers (defineLocalReadModel: per stream in version order, effect and version
// in one transaction). Each handler writes idempotently (upserts), so a replayed stream changes nothing.
import { defineLocalReadModel, type LocalReadModelHandler } from '@jineng/messaging';

type Data = Record<string, unknown>;
const d = (event: { data: unknown }) => event.data as Data;

export function registryReadModel(schema: string) {
  const S = `"${schema}"`;
  const institutionStatus =
    (status: string): LocalReadModelHandler =>
    async (event, tx) => {
      await tx.query(`update ${S}.rm_institutions set status = $2 where institution_id = $1`, [
        d(event).institutionId,
        status,
      ]);
    };
  return defineLocalReadModel({
    name: 'class-ops-registry',
    from: {
      registry: {
        'WorkerRegistered.v1': async (event, tx) => {
          const w = d(event);
          await tx.query(
            `insert into ${S}.rm_workers (worker_id, jurisdiction, hukou_jurisdiction, residence_jurisdiction,
               birth_date, able_to_work, willing_to_work, monthly_pension_entitled, hard_to_move_into_work)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             on conflict (worker_id) do nothing`,
            [
              w.workerId,
              w.jurisdiction,
              w.hukouJurisdiction,
              w.residenceJurisdiction,
              w.birthDate ?? null,
              w.ableToWork,
              w.willingToWork,
              w.monthlyPensionEntitled ?? null,
              // absent (no finding, and every event from before the field) is false
              w.hardToMoveIntoWork === true,
            ],
          );
        },
        'WorkerProfileUpdated.v1': async (event, tx) => {
          const w = d(event);
          await tx.query(
            `update ${S}.rm_workers set
               hukou_jurisdiction = coalesce($2, hukou_jurisdiction),
               residence_jurisdiction = coalesce($3, residence_jurisdiction),
               able_to_work = coalesce($4, able_to_work),
               willing_to_work = coalesce($5, willing_to_work),
               monthly_pension_entitled = coalesce($6, monthly_pension_entitled),
               hard_to_move_into_work = coalesce($7, hard_to_move_into_work)
             where worker_id = $1`,
            [
              w.workerId,
              w.hukouJurisdiction ?? null,
              w.residenceJurisdiction ?? null,
              w.ableToWork ?? null,
              w.willingToWork ?? null,
              w.monthlyPensionEntitled ?? null,
              w.hardToMoveIntoWork ?? null,
            ],
          );
        },
        'EmploymentRecorded.v1': async (event, tx) => {
          const e = d(event);
          await tx.query(
            `insert into ${S}.rm_employments values ($1, $2, $3, $4, null) on conflict do nothing`,
            [e.employmentId, e.workerId, e.employerCreditCode, e.startDate],
          );
        },
        'EmploymentEnded.v1': async (event, tx) => {
          const e = d(event);
          await tx.query(`update ${S}.rm_employments set end_date = $2 where employment_id = $1`, [
            e.employmentId,
            e.endDate,
          ]);
        },
        'InstitutionAppliedForListing.v1': async (event, tx) => {
          const i = d(event);
          await tx.query(
            `insert into ${S}.rm_institutions (institution_id, jurisdiction, type, credit_code, status, scope, name)
             values ($1, $2, $3, $4, 'applied', $5, $6) on conflict (institution_id) do nothing`,
            [i.institutionId, i.jurisdiction, i.type, i.creditCode, JSON.stringify(i.scope), i.name],
          );
        },
        'InstitutionListed.v1': async (event, tx) => {
          const i = d(event);
          await tx.query(
            `update ${S}.rm_institutions set status = 'listed', scope = $2 where institution_id = $1`,
            [i.institutionId, JSON.stringify(i.scope)],
          );
        },
        'InstitutionScopeUpdated.v1': async (event, tx) => {
          const i = d(event);
          await tx.query(`update ${S}.rm_institutions set scope = $2 where institution_id = $1`, [
            i.institutionId,
            JSON.stringify(i.scope),
          ]);
        },
        'InstitutionSuspended.v1': institutionStatus('suspended'),
        'InstitutionReinstated.v1': institutionStatus('listed'),
        'InstitutionDelisted.v1': institutionStatus('delisted'),
        'InstitutionDisqualifiedForYear.v1': async (event, tx) => {
          const i = d(event);
          await tx.query(
            `update ${S}.rm_institutions
                set disqualified_years = (
                  select coalesce(json_agg(distinct y), '[]'::json)
                    from (select json_array_elements(disqualified_years)::text::int as y
                          union select $2::int) years)
              where institution_id = $1`,
            [i.institutionId, i.year],
          );
        },
        'TeacherRegistered.v1': async (event, tx) => {
          const t = d(event);
          await tx.query(`insert into ${S}.rm_teachers values ($1, $2) on conflict do nothing`, [
            t.teacherId,
            t.institutionId,
          ]);
        },
        'DeviceRegistered.v1': async (event, tx) => {
          const v = d(event);
          await tx.query(`insert into ${S}.rm_devices values ($1, $2, $3, 'active') on conflict do nothing`, [
            v.deviceId,
            v.institutionId,
            v.siteName,
          ]);
        },
        'DeviceRevoked.v1': async (event, tx) => {
          await tx.query(`update ${S}.rm_devices set status = 'revoked' where device_id = $1`, [
            d(event).deviceId,
          ]);
        },
      },
    },
  });
}

export function subsidyReadModel(schema: string) {
  const S = `"${schema}"`;
  return defineLocalReadModel({
    name: 'class-ops-subsidy',
    from: {
      subsidy: {
        'PolicyVersionPublished.v1': async (event, tx) => {
          const v = d(event);
          await tx.query(
            `insert into ${S}.rm_policy_versions values ($1, $2, $3, $4, $5, $6)
             on conflict (version_id) do nothing`,
            [
              v.versionId,
              v.jurisdiction,
              v.effectiveFrom,
              v.effectiveUntil ?? null,
              v.publishedAt,
              JSON.stringify(v.parameters),
            ],
          );
        },
        'HolidayCalendarPublished.v1': async (event, tx) => {
          const c = d(event);
          await tx.query(
            `insert into ${S}.rm_holiday_calendar values ($1, $2, $3, $4) on conflict do nothing`,
            [c.province ?? 'national', c.year, c.revision, JSON.stringify(c)],
          );
        },
      },
    },
  });
}

/**
 * What class-ops learns from certification: a class whose satisfaction fell below the policy's minimum
 * (Jiyuan 2021: 「满意度…低于85%的停止培训开班，限期整改」) stops its institution's openings until an
 * officer records the rectification (RecordRectification marks the row; a replay keeps the mark).
 */
export function certificationReadModel(schema: string) {
  const S = `"${schema}"`;
  return defineLocalReadModel({
    name: 'class-ops-certification',
    from: {
      certification: {
        'ClassSatisfactionBelowMinimum.v1': async (event, tx) => {
          const f = d(event);
          await tx.query(
            `insert into ${S}.rm_satisfaction_failures
               (class_id, institution_id, jurisdiction, satisfaction_share, minimum_share)
             values ($1, $2, $3, $4, $5) on conflict (class_id) do nothing`,
            [f.classId, f.institutionId, f.jurisdictionCode, f.satisfactionShare, f.minimumShare],
          );
        },
      },
    },
  });
}

/**
 * The certificates a worker holds (certification's CertificateIssued / CertificateRevoked, docs/contracts.md):
 * a trainee who already holds the class's occupation at its level is not subsidised again (Qujing 2019:
 * 「同一职业同一等级不可重复享受」), which the opening warns of. A revocation keeps the row, marked.
 */
export function certificatesReadModel(schema: string) {
  const S = `"${schema}"`;
  return defineLocalReadModel({
    name: 'class-ops-certificates',
    from: {
      certification: {
        'CertificateIssued.v1': async (event, tx) => {
          const c = d(event);
          await tx.query(
            `insert into ${S}.rm_certificates
               (certificate_id, worker_id, class_id, occupation_code, level, kind, issued_on)
             values ($1, $2, $3, $4, $5, $6, $7) on conflict (certificate_id) do nothing`,
            [c.certificateId, c.workerId, c.classId ?? null, c.occupationCode, c.level, c.kind, c.issuedOn],
          );
        },
        'CertificateRevoked.v1': async (event, tx) => {
          await tx.query(`update ${S}.rm_certificates set revoked = true where certificate_id = $1`, [
            d(event).certificateId,
          ]);
        },
      },
    },
  });
}

/**
 * The fund ledger's last word on each class's earmark (ClassEarmarked / EarmarkRefused, stream
 * `earmark-<classId>`, applied in order): a refusal followed by an earmark once funds came leaves
 * `earmarked`. Re-approval out of "awaiting funds" and the dedicated account's start gate read it.
 */
export function fundLedgerReadModel(schema: string) {
  const S = `"${schema}"`;
  return defineLocalReadModel({
    name: 'class-ops-fund-ledger',
    from: {
      'fund-ledger': {
        'ClassEarmarked.v1': async (event, tx) => {
          const e = d(event);
          await tx.query(
            `insert into ${S}.rm_earmarks values ($1, 'earmarked', $2, $3, null, null)
             on conflict (class_id) do update set status = 'earmarked', fund_source = $2, amount_fen = $3,
               available_fen = null, reason = null`,
            [e.classId, e.fundSource, e.amountFen],
          );
        },
        'EarmarkRefused.v1': async (event, tx) => {
          const e = d(event);
          await tx.query(
            `insert into ${S}.rm_earmarks values ($1, 'refused', $2, $3, $4, $5)
             on conflict (class_id) do update set status = 'refused', fund_source = $2, amount_fen = $3,
               available_fen = $4, reason = $5`,
            [e.classId, e.fundSource, e.requestedFen, e.availableFen, e.reason ?? null],
          );
        },
      },
    },
  });
}
