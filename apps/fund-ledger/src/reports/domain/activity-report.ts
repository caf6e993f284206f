// The monthly report's counts (issue 14, reports; DOMAIN §6: "trainings by kind, certificates,
// employment"): per period and jurisdiction, rolled up from the month-level facts the report-facts read
// model holds. Pure: the facts come in counted per month and jurisdiction.
import { periodsOf, type ReportPeriod } from './fund-report';

/** 高技能人才: 高级工 (level 3) and above (技师 2, 高级技师 1); levels run 5 初级工 … 1 高级技师. */
export const HIGH_SKILL_MAX_LEVEL = 3;
/**
 * Employment after training counts when it starts within this many months of the class's end (DOMAIN §5:
 * "employment within 3 months is evidenced (social-insurance contribution or labour contract)").
 */
export const EMPLOYMENT_WINDOW_MONTHS = 3;

/** Counted per month (YYYY-MM) and jurisdiction where it happened. */
export interface MonthFact {
  readonly month: string;
  readonly jurisdictionCode: string;
  readonly trainingType?: string;
  /** classes completed (ClassCompleted) in the month, by their end date */
  readonly classesCompleted?: number;
  /** their trainees: trainings (培训人次) */
  readonly trainings?: number;
  /** of them in classes for key groups (重点群体) */
  readonly keyGroupTrainings?: number;
  /** certificates issued in the month (CertificateIssued, by issuedOn) */
  readonly certificatesIssued?: number;
  /** of them of a high-skill level (HIGH_SKILL_MAX_LEVEL) */
  readonly highSkillCertificates?: number;
  /** certificates revoked in the month (CertificateRevoked) */
  readonly certificatesRevoked?: number;
  /** employment records of trainees starting in the month within EMPLOYMENT_WINDOW_MONTHS of their class */
  readonly employments?: number;
}

const COUNTS = [
  'classesCompleted',
  'trainings',
  'keyGroupTrainings',
  'certificatesIssued',
  'highSkillCertificates',
  'certificatesRevoked',
  'employments',
] as const;
type CountKey = (typeof COUNTS)[number];

export interface ActivityRow {
  readonly [key: string]: string | number;
  readonly period: string;
  readonly jurisdictionCode: string;
  readonly classesCompleted: number;
  readonly trainings: number;
  readonly keyGroupTrainings: number;
  readonly certificatesIssued: number;
  readonly highSkillCertificates: number;
  readonly certificatesRevoked: number;
  readonly employments: number;
}

export interface TrainingKindRow {
  readonly [key: string]: string | number;
  readonly period: string;
  readonly jurisdictionCode: string;
  readonly trainingType: string;
  readonly classesCompleted: number;
  readonly trainings: number;
}

/** The period a month (YYYY-MM) falls in. */
export function periodOfMonth(month: string, period: ReportPeriod): string {
  const [year, m] = month.split('-');
  if (period === 'year') return year!;
  if (period === 'quarter') return `${year}-Q${Math.ceil(Number(m) / 3)}`;
  return month;
}

/**
 * The counts per period and jurisdiction (a row for every period of the year and every jurisdiction
 * with a fact in the year, zeros included, so a month without activity shows as such), and the
 * trainings per kind of training.
 */
export function activityReport(
  year: number,
  period: ReportPeriod,
  facts: readonly MonthFact[],
): { activity: ActivityRow[]; trainingKinds: TrainingKindRow[] } {
  const inYear = facts.filter((f) => f.month.startsWith(`${year}-`));
  const periods = periodsOf(year, period);
  const jurisdictions = [...new Set(inYear.map((f) => f.jurisdictionCode))].sort();
  const activity: ActivityRow[] = [];
  const trainingKinds: TrainingKindRow[] = [];
  for (const p of periods) {
    for (const jurisdictionCode of jurisdictions) {
      const of = inYear.filter(
        (f) => f.jurisdictionCode === jurisdictionCode && periodOfMonth(f.month, period) === p,
      );
      const sum = (key: CountKey, list = of) => list.reduce((t, f) => t + (f[key] ?? 0), 0);
      activity.push({
        period: p,
        jurisdictionCode,
        ...(Object.fromEntries(COUNTS.map((key) => [key, sum(key)])) as Record<CountKey, number>),
      });
      const types = [...new Set(of.flatMap((f) => (f.trainingType ? [f.trainingType] : [])))].sort();
      for (const trainingType of types) {
        const ofType = of.filter((f) => f.trainingType === trainingType);
        trainingKinds.push({
          period: p,
          jurisdictionCode,
          trainingType,
          classesCompleted: sum('classesCompleted', ofType),
          trainings: sum('trainings', ofType),
        });
      }
    }
  }
  return { activity, trainingKinds };
}
