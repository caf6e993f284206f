// The local read model fund-ledger-report-facts (issue 14, reports; docs/flow.md: "class-ops /
// certification / registry: counts for the monthly report", subsidy: policy targets): what the monthly
// report counts, kept per stream in order by the runtime's local read model. From class-ops the
// completed classes and their trainees; from certification the certificates issued and revoked; from
// the registry the employment records; from the policy area every published version's target tables.
// Worker ids only — no name or identity number reaches the ledger. A malformed event fails here (retried,
// then parked with the reason), never half-applied.
import { quoteSchema } from '@jineng/event-store';
import { defineLocalReadModel, type IntegrationEvent, type LocalReadModelHandler } from '@jineng/messaging';
import { SERVICE_CONFIG, ServiceLifecycle, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { PoolClient } from 'pg';

export const REPORT_FACTS_READ_MODEL = 'fund-ledger-report-facts';

type Data = Record<string, unknown>;

function need<T>(data: Data, field: string, check: (v: unknown) => boolean, type: string): T {
  const value = data[field];
  if (!check(value)) throw new TypeError(`${field} is not ${type}: ${JSON.stringify(value)}`);
  return value as T;
}
const str = (d: Data, field: string): string =>
  need<string>(d, field, (v) => typeof v === 'string' && v !== '', 'a string');
const date = (d: Data, field: string): string =>
  need<string>(d, field, (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'a date');
const int = (d: Data, field: string): number =>
  need<number>(d, field, (v) => Number.isInteger(v), 'an integer');
const list = (d: Data, field: string): unknown[] => need<unknown[]>(d, field, Array.isArray, 'a list');

/** parameters.reporting.monthlyReportDueDay where the version sets it */
function dueDayOf(d: Data): number | null {
  const reporting = (d.parameters as Data | undefined)?.reporting as Data | undefined;
  const day = reporting?.monthlyReportDueDay;
  return Number.isInteger(day) ? (day as number) : null;
}

@Injectable()
export class ReportFactsReadModel implements OnModuleInit {
  private readonly S: string;

  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  onModuleInit(): void {
    const on =
      (
        apply: (d: Data, tx: PoolClient, event: IntegrationEvent) => Promise<unknown>,
      ): LocalReadModelHandler =>
      async (event, tx) => {
        await apply(event.data as Data, tx, event);
      };
    const S = this.S;
    this.lifecycle.readModel(
      defineLocalReadModel({
        name: REPORT_FACTS_READ_MODEL,
        from: {
          'class-ops': {
            // a class completes once (its stream ends there); its trainees are the trainings (人次) counted
            'ClassCompleted.v1': on(async (d, tx) => {
              const classId = str(d, 'classId');
              const workerIds = list(d, 'trainees').map((t) => str(t as Data, 'workerId'));
              if (typeof d.keyGroup !== 'boolean') throw new TypeError('keyGroup is not a boolean');
              await tx.query(
                // a class recorded before its institution was kept gets it on a replay
                `insert into ${S}.report_classes (class_id, jurisdiction_code, training_type, key_group, fund_source, end_date,
                   institution_id)
                 values ($1, $2, $3, $4, $5, $6, $7) on conflict (class_id) do update set institution_id = excluded.institution_id
                 where ${S}.report_classes.institution_id is null`,
                [
                  classId,
                  str(d, 'jurisdictionCode'),
                  str(d, 'trainingType'),
                  d.keyGroup,
                  str(d, 'fundSource'),
                  date(d, 'endDate'),
                  str(d, 'institutionId').toLowerCase(),
                ],
              );
              await tx.query(
                `insert into ${S}.report_trainees (class_id, worker_id)
                 select $1, w from unnest($2::text[]) w on conflict do nothing`,
                [classId, workerIds],
              );
            }),
          },
          certification: {
            'CertificateIssued.v1': on((d, tx) =>
              tx.query(
                `insert into ${S}.report_certificates (certificate_id, worker_id, jurisdiction_code, kind, level, class_id, issued_on)
                 values ($1, $2, $3, $4, $5, $6, $7) on conflict (certificate_id) do nothing`,
                [
                  str(d, 'certificateId'),
                  str(d, 'workerId'),
                  str(d, 'jurisdictionCode'),
                  str(d, 'kind'),
                  int(d, 'level'),
                  typeof d.classId === 'string' && d.classId !== '' ? d.classId : null,
                  date(d, 'issuedOn'),
                ],
              ),
            ),
            // the revocation has no date of its own: the day it was recorded (Asia/Shanghai)
            'CertificateRevoked.v1': on((d, tx, event) =>
              tx.query(
                `update ${S}.report_certificates
                 set revoked_on = (($2::timestamptz) at time zone 'Asia/Shanghai')::date
                 where certificate_id = $1 and revoked_on is null`,
                [str(d, 'certificateId'), event.recordedAt],
              ),
            ),
          },
          registry: {
            'EmploymentRecorded.v1': on((d, tx) =>
              tx.query(
                `insert into ${S}.report_employments (employment_id, worker_id, start_date) values ($1, $2, $3)
                 on conflict (employment_id) do update set start_date = excluded.start_date`,
                [str(d, 'employmentId'), str(d, 'workerId'), date(d, 'startDate')],
              ),
            ),
          },
          subsidy: {
            // a later revision of a version replaces it
            'PolicyVersionPublished.v1': on((d, tx) =>
              tx.query(
                `insert into ${S}.report_target_plans (version_id, jurisdiction_code, effective_from, effective_until, revision,
                   targets, monthly_report_due_day)
                 values ($1, $2, $3, $4, $5, $6, $7)
                 on conflict (version_id) do update set jurisdiction_code = excluded.jurisdiction_code,
                   effective_from = excluded.effective_from, effective_until = excluded.effective_until,
                   revision = excluded.revision, targets = excluded.targets,
                   monthly_report_due_day = excluded.monthly_report_due_day
                 where ${S}.report_target_plans.revision <= excluded.revision`,
                [
                  str(d, 'versionId'),
                  str(d, 'jurisdiction'),
                  date(d, 'effectiveFrom'),
                  typeof d.effectiveUntil === 'string' && d.effectiveUntil !== '' ? d.effectiveUntil : null,
                  int(d, 'revision'),
                  JSON.stringify(list(d, 'targets')),
                  dueDayOf(d),
                ],
              ),
            ),
          },
        },
      }),
    );
  }
}
