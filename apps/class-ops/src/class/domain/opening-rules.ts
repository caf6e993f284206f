// The opening rules of a class (开班申请, DOMAIN §3), judged all at once: every failure is reported
// with its rule code, its values and a message in Chinese and English (`CLASS.TOO_MANY_TRAINEES: 52 >
// 50`). Every threshold comes from the policy in force for the class's jurisdiction on its start date
// (policy-in-force.ts); a rule whose parameter no level sets is not applied. Pure: the handler
// gathers the facts from the local read models, the decider judges.
//
// Sources (Jiyuan 2021, seeds/jiyuan-2021-hr-work-plan.txt, as the policy versions quote them):
//   「企业或培训机构培训开班3个工作日前，须制定培训计划，提交培训开班申请」 (lead time, working days)
//   「每班人数不得超过50人（就业重点人群培训每班不得超过30人）」 (class size)
//   「技能实训不少于总课时的65%」「每课时不低于40分钟」 (practical share, lesson minutes)
//   「职业技能培训师生比、工位与培训学员比保持在 1 : 20 左右」 (trainees per teacher)
//   「学员年度内不得重复培训」 (repeat training within the year)
//   「可面向内部职工开展补贴性培训」 (an enterprise training centre trains its own staff)
//   「职业技能提升行动专账资金不得培训无就业能力、无就业意愿、自身难以实现转移就业的人员」 (fund source
//   exclusions: the registry's ableToWork, willingToWork and hardToMoveIntoWork)
// Qujing 2019: 「户籍地、常住地、求职就业地在曲靖」, 「不具有按月领取养老金资格的人员」 (eligibility);
// 「原则上每人每年可享受不超过3次」「同一职业同一等级不可重复享受」 — subsidy limits: a warning here,
// enforced when a claim is computed. The subsidy follows the certificate (「参加培训并取得证书…按照规定
// 给予职业培训补贴」), so a trainee who already holds one of the class's occupation and level is warned
// of too (CLASS.WARN_CERTIFICATE_ALREADY_HELD).
import {
  JurisdictionCode,
  WorkingDayCalendar,
  calendarDaysBetween,
  type PublishedCalendarYear,
} from '@jineng/kernel';
import type { ClassPlan, ClassWarning } from './class.events';
import { classPolicy, type ClassPolicy, type PolicyVersionFact } from './policy-in-force';

/** The working age when no policy version sets the registry's ages (DOMAIN §2: 16–60). */
export const DEFAULT_WORKING_AGE = { min: 16, max: 60 } as const;

export type OtherClass = {
  readonly classId: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly occupationCode: string;
  readonly level: number;
};

/** What class-ops knows of a worker from the registry's events (no personal data). */
export type WorkerFact = {
  readonly workerId: string;
  /** where the worker is registered (taken as the job-seeking place, 求职就业地) */
  readonly jurisdiction: string;
  readonly hukouJurisdiction: string;
  readonly residenceJurisdiction: string;
  readonly birthDate?: string;
  readonly ableToWork: boolean;
  readonly willingToWork: boolean;
  readonly monthlyPensionEntitled?: boolean;
  /** an officer found the worker can hardly move into work by themselves (自身难以实现转移就业) */
  readonly hardToMoveIntoWork: boolean;
  /** credit codes of the employers the worker works for on the class's start date */
  readonly employerCreditCodes: readonly string[];
  /** the worker's other live classes (applied, approved, awaiting funds, running, completed), any institution */
  readonly classes: readonly OtherClass[];
  /** the certificates the worker holds, not revoked (certification's CertificateIssued / Revoked) */
  readonly certificates: readonly HeldCertificate[];
};

export type HeldCertificate = {
  readonly certificateId: string;
  /** the class it was earned in; absent for a certificate not from a class */
  readonly classId?: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly kind: string;
  readonly issuedOn: string;
};

export type InstitutionFact = {
  readonly institutionId: string;
  readonly jurisdiction: string;
  readonly type: string;
  readonly creditCode: string;
  readonly status: string;
  readonly scope: readonly { readonly occupationCode: string; readonly levels: readonly number[] }[];
  readonly disqualifiedYears: readonly number[];
  /** certification's ClassSatisfactionBelowMinimum not yet rectified (RecordRectification) */
  readonly openSatisfactionFailures: readonly SatisfactionFailureFact[];
};

export type SatisfactionFailureFact = {
  readonly classId: string;
  /** 0–1, four decimals, as certification sent it */
  readonly satisfactionShare: string;
  readonly minimumShare: string;
};

export type OpeningFacts = {
  readonly institution?: InstitutionFact;
  /** the requested teachers the registry knows, with their institution */
  readonly teachers: readonly { readonly teacherId: string; readonly institutionId: string }[];
  /** the roster's workers the registry knows */
  readonly workers: readonly WorkerFact[];
  readonly policyVersions: readonly PolicyVersionFact[];
  /** the HolidayCalendarPublished.v1 data class-ops keeps (a type alias: commands are JSON) */
  readonly calendar: readonly CalendarYear[];
};

export type CalendarYear = { readonly [K in keyof PublishedCalendarYear]: PublishedCalendarYear[K] };

type Values = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export type RuleFailure = {
  readonly code: string;
  readonly workerId?: string;
  readonly values: Values;
  /** `CLASS.TOO_MANY_TRAINEES: 52 > 50` */
  readonly summary: string;
  readonly message: { readonly zh: string; readonly en: string };
};

type Rule = {
  readonly zh: (v: Values) => string;
  readonly en: (v: Values) => string;
  readonly summary: (v: Values) => string;
};

/** The Jiyuan 2021 clause the exclusions come from, quoted in the messages. */
const FUND_EXCLUSION_CLAUSE =
  '职业技能提升行动专账资金不得培训无就业能力、无就业意愿、自身难以实现转移就业的人员';

type ExcludedFinding = 'no_work_ability' | 'no_work_wish' | 'cannot_move_into_work';

/**
 * A fund source's excluded trainees (`fundSources.limits[].excludedTrainees`): the registry fact each
 * one reads (`fact`, in the failure's values) and what the refusal says.
 */
const EXCLUDED_FINDINGS: Readonly<
  Record<
    ExcludedFinding,
    {
      readonly fact: keyof WorkerFact & string;
      readonly applies: (worker: WorkerFact) => boolean;
      readonly zh: (fundSource: string) => string;
      readonly en: (fundSource: string) => string;
    }
  >
> = {
  no_work_ability: {
    fact: 'ableToWork',
    applies: (w) => !w.ableToWork,
    zh: (s) => `资金来源 ${s} 不得培训无就业能力的人员`,
    en: (s) => `fund source ${s} may not train a person with no ability to work`,
  },
  no_work_wish: {
    fact: 'willingToWork',
    applies: (w) => !w.willingToWork,
    zh: (s) => `资金来源 ${s} 不得培训无就业意愿的人员`,
    en: (s) => `fund source ${s} may not train a person with no wish to work`,
  },
  cannot_move_into_work: {
    fact: 'hardToMoveIntoWork',
    applies: (w) => w.hardToMoveIntoWork,
    zh: (s) =>
      `劳动者登记记载该学员“自身难以实现转移就业”（hardToMoveIntoWork），资金来源 ${s} 不得培训：「${FUND_EXCLUSION_CLAUSE}」`,
    en: (s) =>
      `the registry records that the trainee can hardly move into work by themselves (hardToMoveIntoWork): fund source ${s} may not train them (「${FUND_EXCLUSION_CLAUSE}」)`,
  },
};

const isExcludedFinding = (finding: string): finding is ExcludedFinding => finding in EXCLUDED_FINDINGS;

const pct = (share: unknown) => `${Math.round(Number(share) * 10000) / 100}%`;

/** Every rule and warning: its code, its message, its one-line summary. */
export const RULES: Readonly<Record<string, Rule>> = {
  'CLASS.NO_POLICY_IN_FORCE': {
    zh: (v) => `开班日期 ${v.startDate} 时辖区 ${v.jurisdiction} 无生效的政策版本`,
    en: (v) => `no policy version is in force in ${v.jurisdiction} on ${v.startDate}`,
    summary: (v) => `${v.jurisdiction} @ ${v.startDate}`,
  },
  'CLASS.ENDS_BEFORE_START': {
    zh: (v) => `结束日期 ${v.endDate} 早于开班日期 ${v.startDate}`,
    en: (v) => `the end date ${v.endDate} is before the start date ${v.startDate}`,
    summary: (v) => `${v.endDate} < ${v.startDate}`,
  },
  'CLASS.HOURS_DO_NOT_ADD_UP': {
    zh: (v) => `理论 ${v.theoryHours} 与实操 ${v.practicalHours} 课时之和不等于总课时 ${v.totalHours}`,
    en: (v) =>
      `theory ${v.theoryHours} and practical ${v.practicalHours} hours do not add up to ${v.totalHours}`,
    summary: (v) => `${v.theoryHours} + ${v.practicalHours} ≠ ${v.totalHours}`,
  },
  'CLASS.CALENDAR_NOT_COVERED': {
    zh: (v) => `节假日安排未公布，无法计算 ${v.date} 的工作日`,
    en: (v) => `the holiday arrangement of ${v.date} is not published: working days cannot be counted`,
    summary: (v) => `${v.date}`,
  },
  'CLASS.LEAD_TIME_TOO_SHORT': {
    zh: (v) =>
      `开班申请须提前 ${v.required} 个工作日，距开班仅 ${v.workingDays} 个工作日（最早开班日 ${v.earliestStart}）`,
    en: (v) =>
      `an opening is due ${v.required} working days before the start; ${v.workingDays} remain (earliest start ${v.earliestStart})`,
    summary: (v) => `${v.workingDays} < ${v.required} working days`,
  },
  'CLASS.TOO_MANY_TRAINEES': {
    zh: (v) => `每班人数 ${v.count} 超过上限 ${v.max}${v.keyGroup ? '（就业重点人群）' : ''}`,
    en: (v) =>
      `${v.count} trainees exceed the class size limit of ${v.max}${v.keyGroup ? ' (key group)' : ''}`,
    summary: (v) => `${v.count} > ${v.max}`,
  },
  'CLASS.PRACTICAL_SHARE_TOO_LOW': {
    zh: (v) => `技能实训 ${v.practicalHours}/${v.totalHours} 课时（${pct(v.share)}）低于 ${pct(v.min)}`,
    en: (v) => `practical ${v.practicalHours}/${v.totalHours} hours (${pct(v.share)}) is below ${pct(v.min)}`,
    summary: (v) => `${pct(v.share)} < ${pct(v.min)}`,
  },
  'CLASS.LESSON_TOO_SHORT': {
    zh: (v) => `每课时 ${v.lessonMinutes} 分钟，少于 ${v.min} 分钟`,
    en: (v) => `a class hour of ${v.lessonMinutes} minutes is shorter than ${v.min}`,
    summary: (v) => `${v.lessonMinutes} < ${v.min} minutes`,
  },
  'CLASS.TOO_MANY_TRAINEES_PER_TEACHER': {
    zh: (v) => `${v.trainees} 名学员、${v.teachers} 名教师，超过每名教师 ${v.max} 名学员`,
    en: (v) => `${v.trainees} trainees for ${v.teachers} teachers exceed ${v.max} per teacher`,
    summary: (v) => `${v.trainees} > ${v.teachers} × ${v.max}`,
  },
  'CLASS.TOO_MANY_DAYS': {
    zh: (v) => `培训 ${v.days} 天，超过最长 ${v.max} 天`,
    en: (v) => `${v.days} training days exceed the maximum of ${v.max}`,
    summary: (v) => `${v.days} > ${v.max} days`,
  },
  'CLASS.TOO_MANY_HOURS': {
    zh: (v) => `总课时 ${v.hours} 超过最多 ${v.max} 课时`,
    en: (v) => `${v.hours} class hours exceed the maximum of ${v.max}`,
    summary: (v) => `${v.hours} > ${v.max} hours`,
  },
  'CLASS.INSTITUTION_UNKNOWN': {
    zh: (v) => `培训机构 ${v.institutionId} 未登记`,
    en: (v) => `institution ${v.institutionId} is not registered`,
    summary: (v) => `${v.institutionId}`,
  },
  'CLASS.INSTITUTION_NOT_LISTED': {
    zh: (v) => `培训机构未列入目录（状态：${v.status}）`,
    en: (v) => `the institution is not listed in the directory (status: ${v.status})`,
    summary: (v) => `${v.status}`,
  },
  'CLASS.INSTITUTION_SUSPENDED': {
    zh: () => `培训机构暂停开班（整改中）`,
    en: () => `the institution is suspended (rectification)`,
    summary: () => `suspended`,
  },
  'CLASS.INSTITUTION_DISQUALIFIED': {
    zh: (v) => `培训机构 ${v.year} 年度取消补贴性培训资格`,
    en: (v) => `the institution is disqualified for ${v.year}`,
    summary: (v) => `${v.year}`,
  },
  'CLASS.INSTITUTION_RECTIFYING': {
    zh: (v) =>
      `培训班 ${v.classId} 满意度 ${pct(v.satisfactionShare)} 低于 ${pct(v.minimumShare)}，机构整改完成前不得开班`,
    en: (v) =>
      `class ${v.classId} had a satisfaction of ${pct(v.satisfactionShare)}, below ${pct(v.minimumShare)}: no new class until the institution has rectified`,
    summary: (v) => `${v.classId} ${pct(v.satisfactionShare)} < ${pct(v.minimumShare)}`,
  },
  'CLASS.OUTSIDE_INSTITUTION_SCOPE': {
    zh: (v) => `培训机构不具备职业 ${v.occupationCode} ${v.level} 级的培训范围`,
    en: (v) => `the institution is not listed for occupation ${v.occupationCode} at level ${v.level}`,
    summary: (v) => `${v.occupationCode}/${v.level}`,
  },
  'CLASS.TEACHER_NOT_REGISTERED': {
    zh: (v) => `教师 ${v.teacherId} 未在本机构报备`,
    en: (v) => `teacher ${v.teacherId} is not registered with the institution`,
    summary: (v) => `${v.teacherId}`,
  },
  'CLASS.NOT_OWN_STAFF': {
    zh: () => `企业培训中心只能培训本企业职工，该学员不是本企业职工`,
    en: () => `an enterprise training centre trains its own staff only: the trainee is not on its staff`,
    summary: (v) => `${v.workerId}`,
  },
  'CLASS.TRAINEE_NOT_REGISTERED': {
    zh: () => `学员未建档立卡`,
    en: () => `the trainee is not registered`,
    summary: (v) => `${v.workerId}`,
  },
  'CLASS.TRAINEE_AGE_UNKNOWN': {
    zh: () => `学员出生日期未知，无法核对劳动年龄`,
    en: () => `the trainee's birth date is not known: the working age cannot be checked`,
    summary: (v) => `${v.workerId}`,
  },
  'CLASS.TRAINEE_NOT_OF_WORKING_AGE': {
    zh: (v) => `学员开班时 ${v.age} 周岁，不在 ${v.min}–${v.max} 周岁之间`,
    en: (v) => `the trainee is ${v.age} at the start, outside ${v.min}–${v.max}`,
    summary: (v) => `${v.age} ∉ ${v.min}–${v.max}`,
  },
  'CLASS.TRAINEE_NOT_LOCAL': {
    zh: (v) => `学员的${(v.ties as string[]).join('、')}均不在 ${v.jurisdiction}`,
    en: (v) => `none of the trainee's ${(v.ties as string[]).join(', ')} is in ${v.jurisdiction}`,
    summary: (v) => `${(v.ties as string[]).join('|')} ∉ ${v.jurisdiction}`,
  },
  'CLASS.TRAINEE_PENSION_ENTITLED': {
    zh: () => `学员具有按月领取养老金资格，不纳入补贴性培训`,
    en: () => `the trainee is entitled to a monthly pension and is not covered`,
    summary: (v) => `${v.workerId}`,
  },
  'CLASS.TRAINEE_EXCLUDED_BY_FUND_SOURCE': {
    zh: (v) => EXCLUDED_FINDINGS[v.finding as ExcludedFinding].zh(String(v.fundSource)),
    en: (v) => EXCLUDED_FINDINGS[v.finding as ExcludedFinding].en(String(v.fundSource)),
    summary: (v) => `${v.fundSource}: ${v.finding}`,
  },
  'CLASS.TRAINEE_IN_OVERLAPPING_CLASS': {
    zh: (v) => `学员同期在培训班 ${v.otherClassId}（${v.otherStart}–${v.otherEnd}）`,
    en: (v) => `the trainee is in class ${v.otherClassId} (${v.otherStart}–${v.otherEnd}) at the same time`,
    summary: (v) => `${v.otherClassId}`,
  },
  'CLASS.TRAINEE_ALREADY_TRAINED_THIS_YEAR': {
    zh: (v) => `学员 ${v.year} 年度已参加补贴性培训班 ${v.otherClassId}，年度内不得重复培训`,
    en: (v) =>
      `the trainee is already in subsidised class ${v.otherClassId} in ${v.year}: no repeat training within the year`,
    summary: (v) => `${v.otherClassId} (${v.year})`,
  },
  'CLASS.WARN_YEARLY_SUBSIDY_LIMIT': {
    zh: (v) => `学员 ${v.year} 年度第 ${v.count} 次补贴性培训，超过每年 ${v.max} 次（申领补贴时核定）`,
    en: (v) =>
      `this would be the trainee's subsidised training no. ${v.count} in ${v.year}, above ${v.max} a year (decided at claim time)`,
    summary: (v) => `${v.count} > ${v.max}`,
  },
  'CLASS.WARN_CERTIFICATE_ALREADY_HELD': {
    zh: (v) =>
      `学员已持有职业 ${v.occupationCode} ${v.level} 级证书（${v.issuedOn} 颁发），同一职业同一等级不可重复享受补贴（申领补贴时核定）`,
    en: (v) =>
      `the trainee already holds a certificate of occupation ${v.occupationCode} at level ${v.level} (issued ${v.issuedOn}): not subsidised twice for the same occupation and level (decided at claim time)`,
    summary: (v) => `${v.certificateId}`,
  },
  'CLASS.WARN_SAME_OCCUPATION_LEVEL': {
    zh: (v) => `学员已参加同一职业同一等级的培训班 ${v.otherClassId}，不可重复享受补贴（申领补贴时核定）`,
    en: (v) =>
      `the trainee is already in class ${v.otherClassId} of the same occupation and level: not subsidised twice (decided at claim time)`,
    summary: (v) => `${v.otherClassId}`,
  },
};

function failure(code: string, values: Values, workerId?: string): RuleFailure {
  const rule = RULES[code];
  return {
    code,
    ...(workerId === undefined ? {} : { workerId }),
    values: workerId === undefined ? values : { workerId, ...values },
    summary: `${code}: ${rule.summary(workerId === undefined ? values : { workerId, ...values })}`,
    message: { zh: rule.zh(values), en: rule.en(values) },
  };
}

function warning(code: string, values: Values, workerId: string): ClassWarning {
  return { code, workerId, message: { zh: RULES[code].zh(values), en: RULES[code].en(values) } };
}

/** Age in whole years (周岁) on `date`; it goes up on the birthday itself. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m > bm || (m === bm && d >= bd) ? 0 : 1);
}

const within = (inner: string, outer: string): boolean => {
  const a = JurisdictionCode.parse(inner);
  const b = JurisdictionCode.parse(outer);
  return a.ok && b.ok && a.value.isWithin(b.value);
};

const overlaps = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }) =>
  a.startDate <= b.endDate && b.startDate <= a.endDate;

export type Judgement = {
  readonly failures: readonly RuleFailure[];
  readonly warnings: readonly ClassWarning[];
  readonly policy: ClassPolicy;
};

/** The class itself (dates, hours, size, teachers, institution) and every trainee of the roster. */
export function judgeOpening(
  plan: ClassPlan,
  jurisdiction: string,
  today: string,
  facts: OpeningFacts,
): Judgement {
  const policy = classPolicy(jurisdiction, plan.startDate, facts.policyVersions);
  const failures: RuleFailure[] = [];
  const o = policy.classOpening;
  if (policy.versionIds.length === 0)
    failures.push(failure('CLASS.NO_POLICY_IN_FORCE', { jurisdiction, startDate: plan.startDate }));
  if (plan.endDate < plan.startDate)
    failures.push(failure('CLASS.ENDS_BEFORE_START', { startDate: plan.startDate, endDate: plan.endDate }));
  if (plan.theoryHours + plan.practicalHours !== plan.totalHours)
    failures.push(
      failure('CLASS.HOURS_DO_NOT_ADD_UP', {
        theoryHours: plan.theoryHours,
        practicalHours: plan.practicalHours,
        totalHours: plan.totalHours,
      }),
    );
  if (o.leadWorkingDays !== undefined)
    failures.push(...leadTime(plan, jurisdiction, today, o.leadWorkingDays, facts));
  if (o.minPracticalShare !== undefined && plan.totalHours > 0) {
    // exactly the share passes: compared in hundredths of a percent, not in floating point
    const min = Math.round(o.minPracticalShare * 10000);
    if (plan.practicalHours * 10000 < min * plan.totalHours)
      failures.push(
        failure('CLASS.PRACTICAL_SHARE_TOO_LOW', {
          practicalHours: plan.practicalHours,
          totalHours: plan.totalHours,
          share: (plan.practicalHours / plan.totalHours).toFixed(4),
          min: o.minPracticalShare,
        }),
      );
  }
  if (o.minLessonMinutes !== undefined && plan.lessonMinutes < o.minLessonMinutes)
    failures.push(
      failure('CLASS.LESSON_TOO_SHORT', { lessonMinutes: plan.lessonMinutes, min: o.minLessonMinutes }),
    );
  if (plan.endDate >= plan.startDate) {
    const days = calendarDaysBetween(plan.startDate, plan.endDate) + 1;
    if (o.maxDurationDays !== undefined && days > o.maxDurationDays)
      failures.push(failure('CLASS.TOO_MANY_DAYS', { days, max: o.maxDurationDays }));
  }
  if (o.maxDurationHours !== undefined && plan.totalHours > o.maxDurationHours)
    failures.push(failure('CLASS.TOO_MANY_HOURS', { hours: plan.totalHours, max: o.maxDurationHours }));
  failures.push(...institutionRules(plan, facts));
  const roster = judgeRoster(plan, plan.workerIds, plan.workerIds, facts, policy);
  return { failures: [...failures, ...roster.failures], warnings: roster.warnings, policy };
}

function leadTime(
  plan: ClassPlan,
  jurisdiction: string,
  today: string,
  required: number,
  facts: OpeningFacts,
): RuleFailure[] {
  const calendar = WorkingDayCalendar.withPublished(facts.calendar, { province: jurisdiction });
  for (const date of [today, plan.startDate])
    if (!calendar.covers(date)) return [failure('CLASS.CALENDAR_NOT_COVERED', { date })];
  const earliestStart = calendar.addWorkingDays(today, required);
  if (plan.startDate >= earliestStart) return [];
  const workingDays = Math.max(0, calendar.workingDaysBetween(today, plan.startDate));
  return [failure('CLASS.LEAD_TIME_TOO_SHORT', { workingDays, required, earliestStart })];
}

function institutionRules(plan: ClassPlan, facts: OpeningFacts): RuleFailure[] {
  const institution = facts.institution;
  if (!institution) return [failure('CLASS.INSTITUTION_UNKNOWN', { institutionId: plan.institutionId })];
  const failures: RuleFailure[] = [];
  if (institution.status === 'suspended') failures.push(failure('CLASS.INSTITUTION_SUSPENDED', {}));
  else if (institution.status !== 'listed')
    failures.push(failure('CLASS.INSTITUTION_NOT_LISTED', { status: institution.status }));
  const year = Number(plan.startDate.slice(0, 4));
  if (institution.disqualifiedYears.includes(year))
    failures.push(failure('CLASS.INSTITUTION_DISQUALIFIED', { year }));
  // Jiyuan 2021: 「落实培训后同步进行满意度调查，低于85%的停止培训开班，限期整改」 — one failure per class
  for (const f of institution.openSatisfactionFailures)
    failures.push(
      failure('CLASS.INSTITUTION_RECTIFYING', {
        classId: f.classId,
        satisfactionShare: f.satisfactionShare,
        minimumShare: f.minimumShare,
      }),
    );
  if (
    !institution.scope.some((s) => s.occupationCode === plan.occupationCode && s.levels.includes(plan.level))
  )
    failures.push(
      failure('CLASS.OUTSIDE_INSTITUTION_SCOPE', { occupationCode: plan.occupationCode, level: plan.level }),
    );
  for (const teacherId of new Set(plan.teacherIds))
    if (
      !facts.teachers.some((t) => t.teacherId === teacherId && t.institutionId === institution.institutionId)
    )
      failures.push(failure('CLASS.TEACHER_NOT_REGISTERED', { teacherId }));
  return failures;
}

/**
 * The roster's size against the class and each trainee's eligibility. `judged` are the workers whose
 * own rules apply (the whole roster at opening, the added ones when a roster is amended).
 */
export function judgeRoster(
  plan: ClassPlan,
  roster: readonly string[],
  judged: readonly string[],
  facts: OpeningFacts,
  policy: ClassPolicy,
  ownClassId: string = plan.classId,
): { failures: RuleFailure[]; warnings: ClassWarning[] } {
  const o = policy.classOpening;
  const t = policy.trainees;
  const failures: RuleFailure[] = [];
  const warnings: ClassWarning[] = [];
  const count = Math.max(new Set(roster).size, plan.plannedHeadcount);
  const max = plan.keyGroup ? (o.maxKeyGroupClassSize ?? o.maxClassSize) : o.maxClassSize;
  if (max !== undefined && count > max)
    failures.push(failure('CLASS.TOO_MANY_TRAINEES', { count, max, keyGroup: plan.keyGroup }));
  const teachers = new Set(plan.teacherIds).size;
  if (o.maxTraineesPerTeacher !== undefined && count > o.maxTraineesPerTeacher * teachers)
    failures.push(
      failure('CLASS.TOO_MANY_TRAINEES_PER_TEACHER', {
        trainees: count,
        teachers,
        max: o.maxTraineesPerTeacher,
      }),
    );
  const institution = facts.institution;
  const ownStaffOnly =
    institution?.type === 'enterprise_training_centre' && o.enterpriseCentreOwnStaffOnly === true;
  const year = plan.startDate.slice(0, 4);
  const limit = policy.fundSources.limits?.find((l) => l.fundSource === plan.fundSource);
  for (const workerId of [...new Set(judged)]) {
    const worker = facts.workers.find((w) => w.workerId === workerId);
    if (!worker) {
      failures.push(failure('CLASS.TRAINEE_NOT_REGISTERED', {}, workerId));
      continue;
    }
    if (ownStaffOnly && !worker.employerCreditCodes.includes(institution.creditCode))
      failures.push(failure('CLASS.NOT_OWN_STAFF', {}, workerId));
    const ages = t.registry ? { min: t.registry.minAge, max: t.registry.maxAge } : DEFAULT_WORKING_AGE;
    if (worker.birthDate === undefined) failures.push(failure('CLASS.TRAINEE_AGE_UNKNOWN', {}, workerId));
    else {
      const age = ageOn(worker.birthDate, plan.startDate);
      if (age < ages.min || age > ages.max)
        failures.push(failure('CLASS.TRAINEE_NOT_OF_WORKING_AGE', { age, ...ages }, workerId));
    }
    if (t.localTiesAnyOf && t.localTiesAnyOf.length > 0) {
      const area = policy.sourceOf['trainees.localTiesAnyOf'];
      const places: Record<string, string> = {
        hukou: worker.hukouJurisdiction,
        residence: worker.residenceJurisdiction,
        job_seeking: worker.jurisdiction,
      };
      if (!t.localTiesAnyOf.some((tie) => within(places[tie], area)))
        failures.push(
          failure('CLASS.TRAINEE_NOT_LOCAL', { ties: [...t.localTiesAnyOf], jurisdiction: area }, workerId),
        );
    }
    if (t.monthlyPensionRecipientsExcluded && worker.monthlyPensionEntitled === true)
      failures.push(failure('CLASS.TRAINEE_PENSION_ENTITLED', {}, workerId));
    for (const finding of limit?.excludedTrainees ?? [])
      if (isExcludedFinding(finding) && EXCLUDED_FINDINGS[finding].applies(worker))
        failures.push(
          failure(
            'CLASS.TRAINEE_EXCLUDED_BY_FUND_SOURCE',
            { fundSource: plan.fundSource, finding, fact: EXCLUDED_FINDINGS[finding].fact },
            workerId,
          ),
        );
    const others = worker.classes.filter((c) => c.classId !== ownClassId);
    for (const other of others.filter((c) => overlaps(c, plan)))
      failures.push(
        failure(
          'CLASS.TRAINEE_IN_OVERLAPPING_CLASS',
          { otherClassId: other.classId, otherStart: other.startDate, otherEnd: other.endDate },
          workerId,
        ),
      );
    const sameYear = others.filter((c) => c.startDate.slice(0, 4) === year);
    if (t.repeatTrainingWithinYearAllowed === false)
      for (const other of sameYear.filter((c) => !overlaps(c, plan)))
        failures.push(
          failure(
            'CLASS.TRAINEE_ALREADY_TRAINED_THIS_YEAR',
            { otherClassId: other.classId, year: Number(year) },
            workerId,
          ),
        );
    const yearly = policy.claims.yearlySubsidyLimit;
    if (yearly && sameYear.length + 1 > yearly.maxPerWorker)
      warnings.push(
        warning(
          'CLASS.WARN_YEARLY_SUBSIDY_LIMIT',
          { count: sameYear.length + 1, max: yearly.maxPerWorker, year: Number(year) },
          workerId,
        ),
      );
    if (policy.claims.sameOccupationLevelAgainAllowed === false) {
      const same = others.find((c) => c.occupationCode === plan.occupationCode && c.level === plan.level);
      if (same)
        warnings.push(warning('CLASS.WARN_SAME_OCCUPATION_LEVEL', { otherClassId: same.classId }, workerId));
      // Qujing 2019 「同一职业同一等级不可重复享受」: the certificate held, whichever class (or none) it came from
      const held = worker.certificates.find(
        (c) => c.occupationCode === plan.occupationCode && c.level === plan.level && c.classId !== ownClassId,
      );
      if (held)
        warnings.push(
          warning(
            'CLASS.WARN_CERTIFICATE_ALREADY_HELD',
            {
              certificateId: held.certificateId,
              occupationCode: held.occupationCode,
              level: held.level,
              kind: held.kind,
              issuedOn: held.issuedOn,
            },
            workerId,
          ),
        );
    }
  }
  return { failures, warnings };
}
