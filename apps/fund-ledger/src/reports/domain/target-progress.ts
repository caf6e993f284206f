// Progress against the targets (DOMAIN §8 目标任务: "Each jurisdiction has yearly targets per kind of
// training, split down to counties … The platform shows progress against them"), and the monthly
// report's due date (DOMAIN §6: "monthly (due by the 5th or 6th of the next month)"), both from the
// policy versions the policy area published (PolicyVersionPublished.v1: targets, reporting). Pure.
import { JurisdictionCode } from '@jineng/kernel';

export type TargetMeasure = 'trainings' | 'certified_trainees' | 'new_high_skill_workers';

export interface TargetLineData {
  readonly jurisdiction: string;
  readonly year?: number;
  readonly programme?: string;
  readonly trainingType?: string;
  readonly assignee?: string;
  readonly trainees: number;
  readonly ownLevel?: boolean;
}

export interface TargetPlanData {
  readonly title: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly measure?: string;
  readonly lines: readonly TargetLineData[];
  readonly constraints?: readonly { programme: string; minShare: number; description: string }[];
}

export interface PublishedPolicy {
  readonly versionId: string;
  readonly jurisdictionCode: string;
  readonly effectiveFrom: string;
  readonly effectiveUntil?: string;
  readonly revision: number;
  readonly targets: readonly TargetPlanData[];
  readonly monthlyReportDueDay?: number;
}

/** What was counted for a measure in a year and jurisdiction (its own level: the facts recorded there). */
export interface MeasuredYear {
  readonly year: number;
  readonly jurisdictionCode: string;
  readonly measure: TargetMeasure;
  readonly count: number;
}

export interface TargetProgressRow {
  readonly [key: string]: string | number | boolean;
  readonly planTitle: string;
  readonly versionId: string;
  readonly measure: TargetMeasure;
  readonly jurisdictionCode: string;
  /** the jurisdiction's own level only (本级), not the levels below it */
  readonly ownLevel: boolean;
  /** the year, or the plan's years where the document does not split it by year (counted to date) */
  readonly span: string;
  readonly targetTrainees: number;
  readonly actual: number;
  /** actual / target, 4 decimals */
  readonly progressShare: string;
  /** the programmes the target is made of, as printed, with their numbers */
  readonly programmes: string;
}

export interface TargetConstraintRow {
  readonly [key: string]: string | number;
  readonly planTitle: string;
  readonly versionId: string;
  readonly programme: string;
  readonly minShare: string;
  /** the clause as printed */
  readonly description: string;
}

const MEASURES: readonly TargetMeasure[] = ['trainings', 'certified_trainees', 'new_high_skill_workers'];
/** a plan that names no measure counts trainings (补贴性培训人次) */
export const measureOf = (plan: TargetPlanData): TargetMeasure =>
  MEASURES.includes(plan.measure as TargetMeasure) ? (plan.measure as TargetMeasure) : 'trainings';

const within = (code: string, scope: string): boolean => {
  const a = JurisdictionCode.parse(code);
  const b = JurisdictionCode.parse(scope);
  return a.ok && b.ok && a.value.isWithin(b.value);
};

const inForceDuring = (p: PublishedPolicy, from: string, to: string): boolean =>
  p.effectiveFrom <= to && (p.effectiveUntil === undefined || p.effectiveUntil >= from);

/** The latest of each version sequence (by effective date, then revision) among `candidates`. */
function latestPerJurisdiction(candidates: readonly PublishedPolicy[]): PublishedPolicy[] {
  const latest = new Map<string, PublishedPolicy>();
  for (const p of candidates) {
    const seen = latest.get(p.jurisdictionCode);
    if (
      !seen ||
      p.effectiveFrom > seen.effectiveFrom ||
      (p.effectiveFrom === seen.effectiveFrom && p.revision > seen.revision)
    )
      latest.set(p.jurisdictionCode, p);
  }
  return [...latest.values()].sort((a, b) => a.jurisdictionCode.localeCompare(b.jurisdictionCode));
}

/**
 * targetsInForce: per publishing jurisdiction, the latest version in force during `year` that has a
 * target table covering it, with those tables.
 */
export function targetsInForce(
  year: number,
  policies: readonly PublishedPolicy[],
): { policy: PublishedPolicy; plans: TargetPlanData[] }[] {
  const covering = (p: PublishedPolicy) => p.targets.filter((t) => t.fromYear <= year && year <= t.toYear);
  return latestPerJurisdiction(
    policies.filter((p) => inForceDuring(p, `${year}-01-01`, `${year}-12-31`) && covering(p).length > 0),
  ).map((policy) => ({ policy, plans: covering(policy) }));
}

/** The years a measured count must cover for targetProgress of `year`. */
export function yearsToMeasure(year: number, policies: readonly PublishedPolicy[]): number[] {
  const from = Math.min(
    year,
    ...targetsInForce(year, policies).flatMap((t) => t.plans.map((p) => p.fromYear)),
  );
  return Array.from({ length: year - from + 1 }, (_, i) => from + i);
}

/**
 * targetProgress: the target lines of the plans in force for `year` that lie within `scope` (the
 * report's jurisdiction and those below it), summed per plan, measure, jurisdiction and span, each with
 * what was counted there: the year's count, or for a line the document gives for its whole plan period,
 * the count from the plan's first year to `year`.
 */
export function targetProgress(
  year: number,
  scope: string,
  policies: readonly PublishedPolicy[],
  measured: readonly MeasuredYear[],
): { targets: TargetProgressRow[]; constraints: TargetConstraintRow[] } {
  interface Group {
    row: {
      planTitle: string;
      versionId: string;
      measure: TargetMeasure;
      jurisdictionCode: string;
      ownLevel: boolean;
      span: string;
      targetTrainees: number;
    };
    parts: string[];
    years: number[];
  }
  const groups = new Map<string, Group>();
  const constraints: TargetConstraintRow[] = [];
  for (const { policy, plans } of targetsInForce(year, policies)) {
    for (const plan of plans) {
      const measure = measureOf(plan);
      const lines = plan.lines.filter(
        (l) => (l.year === undefined || l.year === year) && within(l.jurisdiction, scope),
      );
      for (const line of lines) {
        const ownLevel = line.ownLevel === true;
        const span = line.year === undefined ? `${plan.fromYear}-${plan.toYear}` : String(line.year);
        const key = [plan.title, policy.versionId, line.jurisdiction, ownLevel, span].join('|');
        const group: Group = groups.get(key) ?? {
          row: {
            planTitle: plan.title,
            versionId: policy.versionId,
            measure,
            jurisdictionCode: line.jurisdiction,
            ownLevel,
            span,
            targetTrainees: 0,
          },
          parts: [],
          years:
            line.year === undefined
              ? Array.from(
                  { length: Math.min(year, plan.toYear) - plan.fromYear + 1 },
                  (_, i) => plan.fromYear + i,
                )
              : [year],
        };
        group.row = { ...group.row, targetTrainees: group.row.targetTrainees + line.trainees };
        const label = [line.programme, line.trainingType].filter(Boolean).join('·');
        group.parts.push(
          `${label || plan.title}${line.assignee ? `（${line.assignee}）` : ''} ${line.trainees}`,
        );
        groups.set(key, group);
      }
      if (lines.length > 0)
        for (const c of plan.constraints ?? [])
          constraints.push({
            planTitle: plan.title,
            versionId: policy.versionId,
            programme: c.programme,
            minShare: c.minShare.toFixed(4),
            description: c.description,
          });
    }
  }
  const targets = [...groups.values()].map(({ row, parts, years }): TargetProgressRow => {
    const actual = measured
      .filter(
        (m) =>
          m.measure === row.measure &&
          years.includes(m.year) &&
          (row.ownLevel
            ? m.jurisdictionCode === row.jurisdictionCode
            : within(m.jurisdictionCode, row.jurisdictionCode)),
      )
      .reduce((t, m) => t + m.count, 0);
    return {
      ...row,
      actual,
      progressShare: row.targetTrainees > 0 ? (actual / row.targetTrainees).toFixed(4) : '',
      programmes: parts.join('；'),
    };
  });
  // by where, then what (code-point order: the same on every machine)
  const order = (t: TargetProgressRow) => [
    t.jurisdictionCode,
    t.ownLevel ? '0' : '1',
    t.measure,
    t.planTitle,
    t.span,
  ];
  targets.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    const at = x.findIndex((v, i) => v !== y[i]);
    return at < 0 ? 0 : x[at]! < y[at]! ? -1 : 1;
  });
  return { targets, constraints };
}

/**
 * monthlyReportDueOn: the day of the next month by which a month's report of `jurisdictionCode` is due —
 * reporting.monthlyReportDueDay of the most specific jurisdiction (itself, then the levels above) whose
 * version in force in the month reported sets it (a plan ending in December still names when December's
 * report is due); undefined where none does.
 */
export function monthlyReportDueOn(
  month: string,
  jurisdictionCode: string,
  policies: readonly PublishedPolicy[],
): { dueOn: string; versionId: string } | undefined {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const specificity = (p: PublishedPolicy) => p.jurisdictionCode.replace(/(00)+$/, '').length;
  const setting = latestPerJurisdiction(
    policies.filter(
      (p) => within(jurisdictionCode, p.jurisdictionCode) && inForceDuring(p, `${month}-01`, `${month}-28`),
    ),
  )
    .filter((p) => p.monthlyReportDueDay !== undefined)
    .sort((a, b) => specificity(b) - specificity(a))[0];
  if (!setting) return undefined;
  return {
    dueOn: `${next}-${String(setting.monthlyReportDueDay).padStart(2, '0')}`,
    versionId: setting.versionId,
  };
}
