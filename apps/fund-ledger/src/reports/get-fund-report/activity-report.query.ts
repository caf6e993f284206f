// The report-facts read model (../report-facts) counted per month and jurisdiction within a jurisdiction
// (its code and those below it) — what activityReport folds — and per year for the target measures, and
// the published target tables — what targetProgress folds.
import { quoteSchema } from '@jineng/event-store';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { jurisdictionPrefix } from '../../payment/domain/bank-files';
import { EMPLOYMENT_WINDOW_MONTHS, HIGH_SKILL_MAX_LEVEL, type MonthFact } from '../domain/activity-report';
import type {
  AssigneeMapping,
  MeasuredYear,
  ProgrammeMapping,
  PublishedPolicy,
  TargetMeasure,
  TargetPlanData,
} from '../domain/target-progress';

type Row = Record<string, string | number | null>;
const n = (v: string | number | null | undefined) => Number(v ?? 0);

@Injectable()
export class ActivityReportQuery {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  async monthFacts(jurisdictionCode: string, year: number): Promise<MonthFact[]> {
    const S = this.S;
    const args = [jurisdictionPrefix(jurisdictionCode), year];
    const inYear = (column: string) =>
      `${column} >= make_date($2, 1, 1) and ${column} < make_date($2 + 1, 1, 1)`;
    const [trainings, issued, revoked, employed] = await Promise.all([
      this.pool.query<Row>(
        `select to_char(c.end_date, 'YYYY-MM') as month, c.jurisdiction_code, c.training_type,
                count(*) as classes, sum(t.n) as trainings, sum(t.n) filter (where c.key_group) as key_group
         from ${S}.report_classes c
         cross join lateral (select count(*) as n from ${S}.report_trainees t where t.class_id = c.class_id) t
         where starts_with(c.jurisdiction_code, $1) and ${inYear('c.end_date')}
         group by 1, 2, 3`,
        args,
      ),
      this.pool.query<Row>(
        `select to_char(issued_on, 'YYYY-MM') as month, jurisdiction_code, count(*) as issued,
                count(*) filter (where level <= ${HIGH_SKILL_MAX_LEVEL}) as high_skill
         from ${S}.report_certificates
         where starts_with(jurisdiction_code, $1) and ${inYear('issued_on')}
         group by 1, 2`,
        args,
      ),
      this.pool.query<Row>(
        `select to_char(revoked_on, 'YYYY-MM') as month, jurisdiction_code, count(*) as revoked
         from ${S}.report_certificates
         where starts_with(jurisdiction_code, $1) and ${inYear('revoked_on')}
         group by 1, 2`,
        args,
      ),
      // an employment counts once, in the county of the trainee's latest class that ended at most
      // EMPLOYMENT_WINDOW_MONTHS before it started
      this.pool.query<Row>(
        `select to_char(e.start_date, 'YYYY-MM') as month, c.jurisdiction_code, count(*) as employed
         from ${S}.report_employments e
         cross join lateral (
           select c.jurisdiction_code from ${S}.report_trainees t join ${S}.report_classes c using (class_id)
           where t.worker_id = e.worker_id and c.end_date <= e.start_date
             and e.start_date <= c.end_date + interval '${EMPLOYMENT_WINDOW_MONTHS} months'
           order by c.end_date desc, c.class_id limit 1
         ) c
         where starts_with(c.jurisdiction_code, $1) and ${inYear('e.start_date')}
         group by 1, 2`,
        args,
      ),
    ]);
    const at = (r: Row) => ({ month: String(r.month), jurisdictionCode: String(r.jurisdiction_code) });
    return [
      ...trainings.rows.map((r) => ({
        ...at(r),
        trainingType: String(r.training_type),
        classesCompleted: n(r.classes),
        trainings: n(r.trainings),
        keyGroupTrainings: n(r.key_group),
      })),
      ...issued.rows.map((r) => ({
        ...at(r),
        certificatesIssued: n(r.issued),
        highSkillCertificates: n(r.high_skill),
      })),
      ...revoked.rows.map((r) => ({ ...at(r), certificatesRevoked: n(r.revoked) })),
      ...employed.rows.map((r) => ({ ...at(r), employments: n(r.employed) })),
    ];
  }

  /**
   * Per year and jurisdiction, what the target measures count: trainings (trainees of completed
   * classes), certified_trainees (certificates from a class, not revoked), new_high_skill_workers
   * (certificates of a high-skill level, not revoked).
   */
  async measuredYears(jurisdictionCode: string, years: readonly number[]): Promise<MeasuredYear[]> {
    const S = this.S;
    const { rows } = await this.pool.query<Row>(
      `select extract(year from c.end_date)::int as year, c.jurisdiction_code, 'trainings' as measure, count(*) as count,
              c.training_type, c.key_group, c.institution_id
       from ${S}.report_classes c join ${S}.report_trainees t using (class_id)
       where starts_with(c.jurisdiction_code, $1) and extract(year from c.end_date)::int = any($2)
       group by 1, 2, 5, 6, 7
       union all
       select extract(year from issued_on)::int, jurisdiction_code, 'certified_trainees', count(*), null, null, null
       from ${S}.report_certificates
       where class_id is not null and revoked_on is null
         and starts_with(jurisdiction_code, $1) and extract(year from issued_on)::int = any($2)
       group by 1, 2
       union all
       select extract(year from issued_on)::int, jurisdiction_code, 'new_high_skill_workers', count(*), null, null, null
       from ${S}.report_certificates
       where level <= ${HIGH_SKILL_MAX_LEVEL} and revoked_on is null
         and starts_with(jurisdiction_code, $1) and extract(year from issued_on)::int = any($2)
       group by 1, 2`,
      [jurisdictionPrefix(jurisdictionCode), years],
    );
    return rows.map((r) => ({
      year: n(r.year),
      jurisdictionCode: String(r.jurisdiction_code),
      measure: String(r.measure) as TargetMeasure,
      count: n(r.count),
      ...(r.training_type !== null ? { trainingType: String(r.training_type) } : {}),
      ...(r.key_group !== null ? { keyGroup: (r.key_group as unknown) === true } : {}),
      ...(r.institution_id !== null ? { institutionId: String(r.institution_id) } : {}),
    }));
  }

  /** Which training types count toward which programme (MapTargetProgramme). */
  async programmeMappings(): Promise<ProgrammeMapping[]> {
    const { rows } = await this.pool.query<{
      jurisdiction_code: string;
      programme: string;
      training_types: string[];
      key_group_only: boolean;
    }>(
      `select jurisdiction_code, programme, training_types, key_group_only from ${this.S}.report_programme_mappings`,
    );
    return rows.map((r) => ({
      jurisdictionCode: r.jurisdiction_code,
      programme: r.programme,
      trainingTypes: r.training_types,
      keyGroupOnly: r.key_group_only,
    }));
  }

  /** Which institutions an assignee of the target tables stands for (MapTargetAssignee). */
  async assigneeMappings(): Promise<AssigneeMapping[]> {
    const { rows } = await this.pool.query<{
      jurisdiction_code: string;
      assignee: string;
      institution_ids: string[];
    }>(`select jurisdiction_code, assignee, institution_ids from ${this.S}.report_assignee_mappings`);
    return rows.map((r) => ({
      jurisdictionCode: r.jurisdiction_code,
      assignee: r.assignee,
      institutionIds: r.institution_ids,
    }));
  }

  /** The assignees (承担单位) a jurisdiction's published target tables name. */
  async publishedAssignees(jurisdictionCode: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ assignee: string }>(
      `select distinct jsonb_array_elements(plan -> 'lines') ->> 'assignee' as assignee
       from ${this.S}.report_target_plans, jsonb_array_elements(targets) plan where jurisdiction_code = $1`,
      [jurisdictionCode],
    );
    return rows.flatMap((r) => (r.assignee === null ? [] : [r.assignee]));
  }

  /** The programmes a jurisdiction's published target tables print (lines and constraints). */
  async publishedProgrammes(jurisdictionCode: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ programme: string }>(
      `select distinct programme from (
         select jsonb_array_elements(plan -> 'lines') ->> 'programme' as programme
         from ${this.S}.report_target_plans, jsonb_array_elements(targets) plan where jurisdiction_code = $1
         union all
         select jsonb_array_elements(plan -> 'constraints') ->> 'programme'
         from ${this.S}.report_target_plans, jsonb_array_elements(targets) plan where jurisdiction_code = $1
       ) p where programme is not null`,
      [jurisdictionCode],
    );
    return rows.map((r) => r.programme);
  }

  /** Every published policy version the ledger has heard of (a few per jurisdiction). */
  async publishedPolicies(): Promise<PublishedPolicy[]> {
    const { rows } = await this.pool.query<{
      version_id: string;
      jurisdiction_code: string;
      effective_from: string;
      effective_until: string | null;
      revision: number;
      targets: TargetPlanData[];
      monthly_report_due_day: number | null;
    }>(
      `select version_id, jurisdiction_code, to_char(effective_from, 'YYYY-MM-DD') as effective_from,
              to_char(effective_until, 'YYYY-MM-DD') as effective_until, revision, targets, monthly_report_due_day
       from ${this.S}.report_target_plans`,
    );
    return rows.map((r) => ({
      versionId: r.version_id,
      jurisdictionCode: r.jurisdiction_code,
      effectiveFrom: r.effective_from,
      ...(r.effective_until ? { effectiveUntil: r.effective_until } : {}),
      revision: r.revision,
      targets: r.targets,
      ...(r.monthly_report_due_day !== null ? { monthlyReportDueDay: r.monthly_report_due_day } : {}),
    }));
  }
}
