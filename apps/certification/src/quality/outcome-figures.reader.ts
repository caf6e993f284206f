// The outcome figures from the service's tables: per trainee of a completed class, whether they passed
// (a latest result `passed` in an assessment of the class), hold a valid certificate of the class, and
// were employed within the policy's months after the class ended (an employment record from the
// registry that started by then and had not ended before the class did). Trainees are those of
// ClassCompleted (the roster where class-ops gave none). Aggregated per class, per occupation, per
// institution.
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { OutcomeCounts } from './domain/quality';

export interface TraineeOutcome {
  readonly classId: string;
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly occupationCode: string;
  readonly endDate: string;
  readonly workerId: string;
  readonly passed: boolean;
  readonly certified: boolean;
  readonly employed: boolean;
}

export interface OutcomeScope {
  readonly year: number;
  readonly institutionId?: string;
  /** classes of this jurisdiction or below (a code prefix: 41 / 4190 / 419001) */
  readonly jurisdictionPrefix?: string;
  /** employment counted within this many months after the class ended; null: not counted */
  readonly employmentWithinMonths: number | null;
}

@Injectable()
export class OutcomeFiguresReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async trainees(scope: OutcomeScope): Promise<TraineeOutcome[]> {
    const S = `"${this.config.schema}"`;
    const { rows } = await this.pool.query<{
      class_id: string;
      institution_id: string;
      jurisdiction_code: string;
      occupation_code: string;
      end_date: string;
      worker_id: string;
      passed: boolean;
      certified: boolean;
      employed: boolean;
    }>(
      `with cls as (
         select class_id, institution_id, jurisdiction_code, occupation_code, end_date,
                case when json_array_length(trainees) > 0
                     then (select json_agg(t ->> 'workerId') from json_array_elements(trainees) t)
                     else worker_ids end as ids
           from ${S}.class_facts
          where status = 'completed' and substr(end_date, 1, 4) = $1
            and ($2::uuid is null or institution_id = $2::uuid)
            and ($3::text is null or jurisdiction_code like $3 || '%')
       ), tr as (
         select c.*, (w.value #>> '{}')::uuid as worker_id from cls c, json_array_elements(c.ids) w
       )
       select tr.class_id, tr.institution_id, tr.jurisdiction_code, tr.occupation_code, tr.end_date, tr.worker_id,
              exists (select 1 from ${S}.assessment_results r
                       where r.class_id = tr.class_id and r.worker_id = tr.worker_id and r.outcome = 'passed') as passed,
              exists (select 1 from ${S}.certificates c
                       where c.class_id = tr.class_id and c.worker_id = tr.worker_id and c.status = 'valid') as certified,
              ($4::int is not null and exists (
                 select 1 from ${S}.employments e
                  where e.worker_id = tr.worker_id
                    and e.start_date <= to_char(tr.end_date::date + make_interval(months => $4::int), 'YYYY-MM-DD')
                    and (e.end_date is null or e.end_date >= tr.end_date))) as employed
         from tr
        order by tr.institution_id, tr.occupation_code, tr.class_id, tr.worker_id`,
      [
        String(scope.year),
        scope.institutionId ?? null,
        scope.jurisdictionPrefix ?? null,
        scope.employmentWithinMonths,
      ],
    );
    return rows.map((row) => ({
      classId: row.class_id,
      institutionId: row.institution_id,
      jurisdictionCode: row.jurisdiction_code,
      occupationCode: row.occupation_code,
      endDate: row.end_date,
      workerId: row.worker_id,
      passed: row.passed,
      certified: row.certified,
      employed: row.employed,
    }));
  }
}

/** The counts of a set of trainees. */
export function countsOf(
  trainees: readonly TraineeOutcome[],
  employmentWithinMonths: number | null,
): OutcomeCounts {
  return {
    classes: new Set(trainees.map((t) => t.classId)).size,
    trainees: trainees.length,
    passed: trainees.filter((t) => t.passed).length,
    certified: trainees.filter((t) => t.certified).length,
    employed: employmentWithinMonths === null ? null : trainees.filter((t) => t.employed).length,
    employmentWithinMonths,
  };
}
