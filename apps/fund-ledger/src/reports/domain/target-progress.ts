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
  /** for trainings: the classes' training type and whether they were for key groups */
  readonly trainingType?: string;
  readonly keyGroup?: boolean;
  /** for trainings: the institution whose class it was (lower case) */
  readonly institutionId?: string;
}

/** Which institutions an assignee of a jurisdiction's tables stands for (MapTargetAssignee). */
export interface AssigneeMapping {
  readonly jurisdictionCode: string;
  readonly assignee: string;
  readonly institutionIds: readonly string[];
}

export interface AssigneeProgressRow {
  readonly planTitle: string;
  readonly jurisdictionCode: string;
  readonly ownLevel: boolean;
  readonly span: string;
  readonly assignee: string;
  readonly targetTrainees: number;
  /** not_mapped: no institution mapped, nothing counted toward it (never a silent zero) */
  readonly status: 'mapped' | 'not_mapped';
  readonly institutionIds: string[];
  readonly actual: number;
  readonly progressShare: string;
}

/** Which trainings count toward a programme of a jurisdiction's tables (MapTargetProgramme). */
export interface ProgrammeMapping {
  readonly jurisdictionCode: string;
  readonly programme: string;
  readonly trainingTypes: readonly string[];
  readonly keyGroupOnly: boolean;
}

export interface ProgrammeProgressRow {
  readonly [key: string]: string | number | boolean;
  readonly planTitle: string;
  readonly jurisdictionCode: string;
  readonly ownLevel: boolean;
  readonly span: string;
  readonly programme: string;
  readonly targetTrainees: number;
  /** false: not mapped to training types (or not a count of trainings), nothing counted toward it */
  readonly measured: boolean;
  readonly actual: number;
  readonly progressShare: string;
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
  /** judged in this jurisdiction over the plan's years to the report's */
  readonly jurisdictionCode: string;
  /** the programme's trainings / all trainings there; '' while it cannot be judged */
  readonly actualShare: string;
  readonly status: 'met' | 'not_met' | 'not_mapped' | 'no_trainings';
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

const shareOf = (actual: number, target: number) => (target > 0 ? (actual / target).toFixed(4) : '');

/** The years a line covers to `year`: its own, or the plan's from its first year where it has none. */
const yearsOf = (plan: TargetPlanData, line: TargetLineData | undefined, year: number): number[] =>
  line?.year !== undefined
    ? [year]
    : Array.from({ length: Math.min(year, plan.toYear) - plan.fromYear + 1 }, (_, i) => plan.fromYear + i);

/** What was counted for `measure` in a jurisdiction (or its own level only) in `years`. */
function countIn(
  measured: readonly MeasuredYear[],
  where: { jurisdictionCode: string; ownLevel: boolean },
  measure: TargetMeasure,
  years: readonly number[],
  mapping?: ProgrammeMapping,
  institutionIds?: readonly string[],
): number {
  return measured
    .filter(
      (m) =>
        m.measure === measure &&
        years.includes(m.year) &&
        (where.ownLevel
          ? m.jurisdictionCode === where.jurisdictionCode
          : within(m.jurisdictionCode, where.jurisdictionCode)) &&
        (!mapping ||
          (m.trainingType !== undefined &&
            mapping.trainingTypes.includes(m.trainingType) &&
            (!mapping.keyGroupOnly || m.keyGroup === true))) &&
        (!institutionIds || (m.institutionId !== undefined && institutionIds.includes(m.institutionId))),
    )
    .reduce((t, m) => t + m.count, 0);
}

/** code-point order of the keys, the same on every machine */
function byKeys<T>(keys: (row: T) => string[]): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [keys(a), keys(b)];
    const at = x.findIndex((v, i) => v !== y[i]);
    return at < 0 ? 0 : x[at]! < y[at]! ? -1 : 1;
  };
}

/**
 * targetProgress: the target lines of the plans in force for `year` that lie within `scope` (the
 * report's jurisdiction and those below it), summed per plan, measure, jurisdiction and span, each with
 * what was counted there: the year's count, or for a line the document gives for its whole plan period,
 * the count from the plan's first year to `year`. Per programme too, counted where finance mapped the
 * programme to training types; each constraint of a plan judged in each jurisdiction the plan has lines
 * for over its years to `year` (DOMAIN §8: "constraints such as 'enterprise staff ≥ 50% of trainees'").
 */
export function targetProgress(
  year: number,
  scope: string,
  policies: readonly PublishedPolicy[],
  measured: readonly MeasuredYear[],
  mappings: readonly ProgrammeMapping[] = [],
  assigneeMappings: readonly AssigneeMapping[] = [],
): {
  targets: TargetProgressRow[];
  programmeTargets: ProgrammeProgressRow[];
  assigneeTargets: AssigneeProgressRow[];
  constraints: TargetConstraintRow[];
} {
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
    mapping?: ProgrammeMapping;
    /** the programme or the assignee the group is of ('' for the whole line) */
    name: string;
    assignee?: AssigneeMapping;
  }
  const groups = new Map<string, Group>();
  const programmeGroups = new Map<string, Group>();
  const assigneeGroups = new Map<string, Group>();
  const constraints: TargetConstraintRow[] = [];
  for (const { policy, plans } of targetsInForce(year, policies)) {
    const mappingOf = (programme: string) =>
      mappings.find((m) => m.jurisdictionCode === policy.jurisdictionCode && m.programme === programme);
    const assigneeOf = (assignee: string) =>
      assigneeMappings.find((m) => m.jurisdictionCode === policy.jurisdictionCode && m.assignee === assignee);
    for (const plan of plans) {
      const measure = measureOf(plan);
      const lines = plan.lines.filter(
        (l) => (l.year === undefined || l.year === year) && within(l.jurisdiction, scope),
      );
      for (const line of lines) {
        const ownLevel = line.ownLevel === true;
        const span = line.year === undefined ? `${plan.fromYear}-${plan.toYear}` : String(line.year);
        const add = (into: Map<string, Group>, name: string) => {
          const key = [plan.title, policy.versionId, line.jurisdiction, ownLevel, span, name].join('|');
          const group: Group = into.get(key) ?? {
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
            years: yearsOf(plan, line, year),
            name,
            ...(into === programmeGroups && measure === 'trainings' && mappingOf(name)
              ? { mapping: mappingOf(name)! }
              : {}),
            ...(into === assigneeGroups && assigneeOf(name) ? { assignee: assigneeOf(name)! } : {}),
          };
          group.row = { ...group.row, targetTrainees: group.row.targetTrainees + line.trainees };
          const label = [line.programme, line.trainingType].filter(Boolean).join('·');
          group.parts.push(
            `${label || plan.title}${line.assignee ? `（${line.assignee}）` : ''} ${line.trainees}`,
          );
          into.set(key, group);
        };
        add(groups, '');
        if (line.programme) add(programmeGroups, line.programme);
        // an assignee's trainings are those of its institutions' classes (other measures: not per institution)
        if (line.assignee && measure === 'trainings') add(assigneeGroups, line.assignee);
      }
      const places = new Map<string, { jurisdictionCode: string; ownLevel: boolean }>();
      for (const l of plan.lines)
        if (within(l.jurisdiction, scope))
          places.set(`${l.jurisdiction}|${l.ownLevel === true}`, {
            jurisdictionCode: l.jurisdiction,
            ownLevel: l.ownLevel === true,
          });
      for (const c of plan.constraints ?? []) {
        const mapping = mappingOf(c.programme);
        for (const where of places.values()) {
          const years = yearsOf(plan, undefined, year);
          const all = countIn(measured, where, 'trainings', years);
          const part = mapping ? countIn(measured, where, 'trainings', years, mapping) : 0;
          constraints.push({
            planTitle: plan.title,
            versionId: policy.versionId,
            programme: c.programme,
            minShare: c.minShare.toFixed(4),
            description: c.description,
            jurisdictionCode: where.jurisdictionCode,
            actualShare: mapping && all > 0 ? shareOf(part, all) : '',
            status: !mapping
              ? 'not_mapped'
              : all === 0
                ? 'no_trainings'
                : part / all >= c.minShare
                  ? 'met'
                  : 'not_met',
          });
        }
      }
    }
  }
  const targets = [...groups.values()].map(({ row, parts, years }): TargetProgressRow => {
    const actual = countIn(measured, row, row.measure, years);
    return {
      ...row,
      actual,
      progressShare: shareOf(actual, row.targetTrainees),
      programmes: parts.join('；'),
    };
  });
  targets.sort(byKeys((t) => [t.jurisdictionCode, t.ownLevel ? '0' : '1', t.measure, t.planTitle, t.span]));
  const programmeTargets = [...programmeGroups.values()].map(
    ({ row, years, mapping, name: programme }): ProgrammeProgressRow => {
      const actual = mapping ? countIn(measured, row, 'trainings', years, mapping) : 0;
      return {
        planTitle: row.planTitle,
        jurisdictionCode: row.jurisdictionCode,
        ownLevel: row.ownLevel,
        span: row.span,
        programme,
        targetTrainees: row.targetTrainees,
        measured: mapping !== undefined,
        actual,
        progressShare: mapping ? shareOf(actual, row.targetTrainees) : '',
      };
    },
  );
  programmeTargets.sort(
    byKeys((t) => [t.jurisdictionCode, t.ownLevel ? '0' : '1', t.planTitle, t.span, t.programme]),
  );
  const assigneeTargets = [...assigneeGroups.values()].map(
    ({ row, years, assignee, name }): AssigneeProgressRow => {
      const ids = assignee?.institutionIds ?? [];
      const actual = assignee ? countIn(measured, row, 'trainings', years, undefined, ids) : 0;
      return {
        planTitle: row.planTitle,
        jurisdictionCode: row.jurisdictionCode,
        ownLevel: row.ownLevel,
        span: row.span,
        assignee: name,
        targetTrainees: row.targetTrainees,
        status: assignee ? 'mapped' : 'not_mapped',
        institutionIds: [...ids],
        actual,
        progressShare: assignee ? shareOf(actual, row.targetTrainees) : '',
      };
    },
  );
  assigneeTargets.sort(
    byKeys((t) => [t.jurisdictionCode, t.ownLevel ? '0' : '1', t.planTitle, t.span, t.assignee]),
  );
  constraints.sort(byKeys((c) => [c.jurisdictionCode, c.planTitle, c.programme]));
  return { targets, programmeTargets, assigneeTargets, constraints };
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
