// The local read models (ARCHITECTURE §1): what certification needs of class-ops and of the policy,
// learned from their events through durable consumers (defineLocalReadModel: each stream in version
// order, a failing event holding back only its stream). Tables from certificationMigrations.
import type { subsidyV1 } from '@jineng/contracts';
import { defineLocalReadModel, type IntegrationEvent } from '@jineng/messaging';
import type { DeadlineScheduler } from '@jineng/service-runtime';
import type { PoolClient } from 'pg';
import { institutionYearDeadline } from '../quality/institution-year.deadline';

interface ClassApprovedData {
  classId: string;
  institutionId: string;
  jurisdictionCode: string;
  occupationCode: string;
  level: number | string;
  trainingType: string;
  startDate: string;
  endDate: string;
  workerIds: string[];
  policyVersionIds?: string[];
}

/** certification-classes: class-ops' ClassApproved, RosterAmended, ClassCancelled, ClassCompleted. */
export function classesReadModel(schema: string, deadlines: DeadlineScheduler) {
  const T = `"${schema}".class_facts`;
  return defineLocalReadModel({
    name: 'certification-classes',
    from: {
      'class-ops': {
        'ClassApproved.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as ClassApprovedData;
          await tx.query(
            `insert into ${T} (class_id, institution_id, jurisdiction_code, occupation_code, level, training_type,
                               start_date, end_date, worker_ids, status, trainees, policy_version_ids)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'approved', '[]', $10)
             on conflict (class_id) do update set institution_id = excluded.institution_id,
               jurisdiction_code = excluded.jurisdiction_code, occupation_code = excluded.occupation_code,
               level = excluded.level, training_type = excluded.training_type, start_date = excluded.start_date,
               end_date = excluded.end_date, worker_ids = excluded.worker_ids,
               policy_version_ids = excluded.policy_version_ids, updated_at = now()`,
            [
              d.classId,
              d.institutionId,
              d.jurisdictionCode,
              d.occupationCode,
              Number(d.level),
              d.trainingType,
              d.startDate,
              d.endDate,
              JSON.stringify(d.workerIds ?? []),
              JSON.stringify(d.policyVersionIds ?? []),
            ],
          );
        },
        'RosterAmended.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as { classId: string; workerIds: string[] };
          await tx.query(`update ${T} set worker_ids = $2, updated_at = now() where class_id = $1`, [
            d.classId,
            JSON.stringify(d.workerIds),
          ]);
        },
        'ClassCancelled.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as { classId: string };
          await tx.query(`update ${T} set status = 'cancelled', updated_at = now() where class_id = $1`, [
            d.classId,
          ]);
        },
        'ClassCompleted.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as {
            classId: string;
            endDate: string;
            trainees: {
              workerId: string;
              sessionsAttended: number;
              sessionsTotal: number;
              daysAttended: number;
            }[];
          };
          const trainees = (d.trainees ?? []).map((t) => ({
            workerId: t.workerId,
            sessionsAttended: t.sessionsAttended,
            sessionsTotal: t.sessionsTotal,
            daysAttended: t.daysAttended,
          }));
          await tx.query(
            `update ${T} set status = 'completed', end_date = coalesce($2, end_date), trainees = $3, updated_at = now()
              where class_id = $1`,
            [d.classId, d.endDate ?? null, JSON.stringify(trainees)],
          );
          // the institution's year is evaluated at its end (scheduling it again changes nothing)
          const { rows } = await tx.query<{
            institution_id: string;
            jurisdiction_code: string;
            end_date: string;
          }>(`select institution_id, jurisdiction_code, end_date from ${T} where class_id = $1`, [d.classId]);
          const cls = rows[0];
          if (cls)
            await deadlines.schedule(
              tx,
              institutionYearDeadline(
                cls.institution_id,
                cls.jurisdiction_code,
                Number(cls.end_date.slice(0, 4)),
              ),
            );
        },
      },
    },
  });
}

/** certification-policy: subsidy's PolicyVersionPublished (a later revision of a version replaces it). */
export function policyReadModel(schema: string) {
  const T = `"${schema}".policy_versions`;
  return defineLocalReadModel({
    name: 'certification-policy',
    from: {
      subsidy: {
        'PolicyVersionPublished.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as subsidyV1.PolicyVersionPublished;
          await tx.query(
            `insert into ${T} (version_id, jurisdiction, effective_from, effective_until, revision, published_at, parameters)
             values ($1, $2, $3, $4, $5, $6, $7)
             on conflict (version_id) do update set jurisdiction = excluded.jurisdiction,
               effective_from = excluded.effective_from, effective_until = excluded.effective_until,
               revision = excluded.revision, published_at = excluded.published_at, parameters = excluded.parameters
             where ${T}.revision <= excluded.revision`,
            [
              d.versionId,
              d.jurisdiction,
              d.effectiveFrom,
              d.effectiveUntil ?? null,
              d.revision,
              d.publishedAt,
              JSON.stringify(d.parameters),
            ],
          );
        },
      },
    },
  });
}

/** certification-registry: workers' masked names, employment records, institutions' names, enterprises. */
export function registryReadModel(schema: string) {
  const S = `"${schema}"`;
  return defineLocalReadModel({
    name: 'certification-registry',
    from: {
      registry: {
        'WorkerRegistered.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as { workerId: string; nameMasked: string };
          await tx.query(
            `insert into ${S}.workers (worker_id, name_masked) values ($1, $2)
             on conflict (worker_id) do update set name_masked = excluded.name_masked`,
            [d.workerId, d.nameMasked],
          );
        },
        'WorkerProfileUpdated.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as { workerId: string; nameMasked?: string };
          if (d.nameMasked !== undefined)
            await tx.query(`update ${S}.workers set name_masked = $2 where worker_id = $1`, [
              d.workerId,
              d.nameMasked,
            ]);
        },
        'EmploymentRecorded.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as { workerId: string; employmentId: string; startDate: string };
          await tx.query(
            `insert into ${S}.employments (employment_id, worker_id, start_date) values ($1, $2, $3)
             on conflict (employment_id) do update set start_date = excluded.start_date`,
            [d.employmentId, d.workerId, d.startDate],
          );
        },
        'EmploymentEnded.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as { employmentId: string; endDate: string };
          await tx.query(`update ${S}.employments set end_date = $2 where employment_id = $1`, [
            d.employmentId,
            d.endDate,
          ]);
        },
        'EnterpriseRegistered.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as {
            enterpriseId: string;
            name: string;
            jurisdiction: string;
            headcount: number;
          };
          await tx.query(
            `insert into ${S}.enterprises (enterprise_id, name, jurisdiction_code, headcount) values ($1, $2, $3, $4)
             on conflict (enterprise_id) do update set name = excluded.name,
               jurisdiction_code = excluded.jurisdiction_code, headcount = excluded.headcount`,
            [d.enterpriseId, d.name, d.jurisdiction, d.headcount],
          );
        },
        'InstitutionAppliedForListing.v1': async (event: IntegrationEvent, tx: PoolClient) => {
          const d = event.data as unknown as { institutionId: string; name: string; jurisdiction: string };
          await tx.query(
            `insert into ${S}.institutions (institution_id, name, jurisdiction_code) values ($1, $2, $3)
             on conflict (institution_id) do update set name = excluded.name, jurisdiction_code = excluded.jurisdiction_code`,
            [d.institutionId, d.name, d.jurisdiction],
          );
        },
      },
    },
  });
}
