// The subsidy of a claim, computed from the policy in force at the class start (DOMAIN §5) and the
// facts the platform holds, with its breakdown: per trainee and rule the days, rate, share and
// evidence, the policy version and the document's words. Money is integer fen and the lines always
// add up to the total exactly (every split is a largest-remainder allocation). Pure: no clock, no I/O.
//
// A kind the policy leaves not set is refused with the parameter named (POLICY.PARAMETER_NOT_SET,
// through the policy area's `requireParameter`), never defaulted. The order is: who qualifies
// (certificate, employment, categories), the limits (same occupation and level; subsidies a year),
// then the headcount basis (the average of the inspections where class-ops found it below the
// policy's share of the opening day).
import { Money, Rate } from '@jineng/kernel';
import { livingAllowanceFor } from '../../policy/domain/living-allowance';
import type { ParameterPath, TraineeCategory } from '../../policy/domain/policy-parameters';
import { lookupParameter, requireParameter, type ResolvedPolicy } from '../../policy/domain/resolve-policy';
import type { CertificateFact, CompletedClassFacts, EmploymentFact, WorkerFacts } from './claim-facts';
import {
  AlreadyClaimed,
  ClaimInputMissing,
  ClaimKindNotCovered,
  LimitOverrideNotAllowed,
  NothingToClaim,
  TrancheNotInPolicy,
  YearlySubsidyLimitReached,
} from './claim.errors';
import { settlePrepayment, type PrepaidFacts, type PrepaymentSettlement } from './prepayment-settlement';

export const SUBSIDY_KINDS = [
  'training_per_day',
  'job_referral_award',
  'flat_per_person',
  'free_training',
  'apprenticeship',
  'small_micro_new_hire',
  'work_based_training',
  'living_allowance',
  'skill_evaluation',
] as const;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];
export const TRANCHES = ['whole', 'certificate', 'employment', 'prepayment'] as const;
export type Tranche = (typeof TRANCHES)[number];

/** The kinds that are a training subsidy (职业培训补贴): they count towards the yearly limit. */
export const TRAINING_SUBSIDY_KINDS: readonly SubsidyKind[] = [
  'training_per_day',
  'flat_per_person',
  'free_training',
  'apprenticeship',
  'work_based_training',
];
/** The kinds computed per certified trainee of a class, on the inspected average where it applies (DOMAIN §3). */
const HEADCOUNT_KINDS: readonly SubsidyKind[] = ['training_per_day', 'flat_per_person', 'free_training'];

export type Reason = {
  readonly zh: string;
  readonly en: string;
};

export type LineEvidence = {
  readonly classId?: string;
  readonly certificateId?: string;
  readonly employmentId?: string;
  /** the claimant's document for what the platform does not observe (payroll, contract, tender) */
  readonly reference?: string;
};

export type BreakdownLine = {
  readonly workerId?: string;
  readonly rule: ParameterPath;
  readonly amountFen: number;
  readonly days?: number;
  readonly ratePerDayFen?: number;
  readonly months?: number;
  readonly baseFen?: number;
  /** the share of the base this line pays ('0.8'), or of the headcount ('7/10') */
  readonly share?: string;
  readonly headcountShare?: string;
  readonly evidence: LineEvidence;
  readonly policyVersionId: string;
  /** the version the tranche split comes from, where it is not the rule's own */
  readonly tranchePolicyVersionId?: string;
  /** the document's words the rule comes from */
  readonly clause: readonly string[];
  readonly note?: Reason;
};

export type ExcludedTrainee = {
  readonly workerId: string;
  readonly code: string;
  readonly rule?: ParameterPath;
  readonly reason: Reason;
};

export type LimitOverride = {
  readonly workerId: string;
  readonly reason: string;
  readonly officerId: string;
};

export type HeadcountBasis = {
  readonly eligible: number;
  readonly basis: number;
  readonly openingDayHeadcount: number;
  readonly averageInspectedHeadcount: number;
};

export type ClaimComputation = {
  readonly kind: SubsidyKind;
  readonly tranche: Tranche;
  readonly totalFen: number;
  readonly lines: readonly BreakdownLine[];
  readonly excluded: readonly ExcludedTrainee[];
  readonly notes: readonly Reason[];
  /** set when the inspected average, not the certified trainees, is the basis */
  readonly headcountBasis?: HeadcountBasis;
  /** the yearly limit exceeded with an officer's recorded reason */
  readonly overrides: readonly LimitOverride[];
  readonly policyVersionIds: readonly string[];
  /** the workers the claim pays for (who are told, and whose yearly count it adds to) */
  readonly workerIds: readonly string[];
  /** the final claim of a prepaid class: the prepayment deducted, and what it left to recover */
  readonly settlement?: PrepaymentSettlement;
};

/** A subsidy a worker already received or has claimed (another class): for the limits. */
export interface SubsidyHistoryEntry {
  readonly workerId: string;
  readonly classId: string;
  readonly claimId: string;
  readonly occupationCode: string;
  readonly level: number;
  /** the year of the class's end */
  readonly year: number;
}

export interface ClaimComputationInput {
  readonly kind: SubsidyKind;
  readonly tranche: Tranche;
  /** the policy resolved for the class's jurisdiction on its start date */
  readonly policy: ResolvedPolicy;
  readonly class?: CompletedClassFacts;
  readonly workers: ReadonlyMap<string, WorkerFacts>;
  readonly certificates: readonly CertificateFact[];
  readonly employments: readonly EmploymentFact[];
  readonly history?: readonly SubsidyHistoryEntry[];
  readonly overrides?: readonly LimitOverride[];
  /** the tender the class was won by: free training at its price, and a free class for allowances */
  readonly tender?: { readonly reference: string; readonly pricePerTraineeFen: number };
  readonly wages?: readonly {
    readonly workerId: string;
    readonly month: string;
    readonly wagesFen: number;
    readonly reference: string;
  }[];
  readonly apprentices?: readonly {
    readonly workerId: string;
    readonly years: number;
    readonly reference: string;
  }[];
  readonly hires?: readonly {
    readonly workerId: string;
    readonly hiredOn: string;
    readonly contractMonths: number;
    readonly reference: string;
  }[];
  /** the year a new-hire claim is for (hires of that year) */
  readonly year?: number;
  /** the class's approved prepayment: the final claim (whole or certificate tranche) deducts it */
  readonly prepaid?: PrepaidFacts;
}

/** A line before the headcount basis: who, by which rule, how much. */
type Draft = BreakdownLine & { readonly workerId?: string };

interface Context {
  readonly input: ClaimComputationInput;
  readonly lines: Draft[];
  readonly excluded: ExcludedTrainee[];
  readonly notes: Reason[];
}

export function computeClaim(input: ClaimComputationInput): ClaimComputation {
  // a prepayment is computed on the approved class, before completion (prepayment.ts)
  if (input.tranche === 'prepayment') throw new TypeError('a prepayment is computed by computePrepayment');
  const ctx: Context = { input, lines: [], excluded: [], notes: [] };
  CALCULATORS[input.kind](ctx);
  const overrides = TRAINING_SUBSIDY_KINDS.includes(input.kind) ? applyLimits(ctx) : [];
  const basis = HEADCOUNT_KINDS.includes(input.kind) ? applyHeadcountBasis(ctx) : undefined;
  const computed = basis?.lines ?? ctx.lines;
  if (computed.length === 0)
    throw new NothingToClaim({ kind: input.kind, tranche: input.tranche, excluded: ctx.excluded.length });
  const settled = settles(input)
    ? settlePrepayment(computed, input.prepaid!, input.class!.classId)
    : undefined;
  const lines = settled ? [...computed, settled.line] : computed;
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  return {
    kind: input.kind,
    tranche: input.tranche,
    totalFen,
    lines,
    excluded: ctx.excluded,
    notes: ctx.notes,
    ...(basis ? { headcountBasis: basis.basis } : {}),
    ...(settled ? { settlement: settled.settlement } : {}),
    overrides,
    policyVersionIds: [
      ...new Set(
        lines.flatMap((l) => [
          l.policyVersionId,
          ...(l.tranchePolicyVersionId ? [l.tranchePolicyVersionId] : []),
        ]),
      ),
    ],
    workerIds: [...new Set(lines.flatMap((l) => (l.workerId ? [l.workerId] : [])))],
  };
}

/** The claim that settles a prepayment: the class's training subsidy on the certificate, or whole. */
export function settles(
  input: Pick<ClaimComputationInput, 'kind' | 'tranche' | 'prepaid' | 'class'>,
): boolean {
  return (
    input.prepaid !== undefined &&
    input.class !== undefined &&
    TRAINING_SUBSIDY_KINDS.includes(input.kind) &&
    (input.tranche === 'whole' || input.tranche === 'certificate')
  );
}

// ---------------------------------------------------------------------------------------------------
// the calculators, one per kind

const CALCULATORS: Record<SubsidyKind, (ctx: Context) => void> = {
  training_per_day: perDayTraining,
  job_referral_award: jobReferralAward,
  flat_per_person: flatPerPerson,
  free_training: freeTraining,
  apprenticeship,
  small_micro_new_hire: smallMicroNewHire,
  work_based_training: workBasedTraining,
  living_allowance: livingAllowance,
  skill_evaluation: skillEvaluation,
};

/** Per-day tiers with a day cap (Yuncheng: 150 ¥ for days 1–10, 100 ¥ for 11–15, nothing after 15). */
function perDayTraining(ctx: Context): void {
  const { input } = ctx;
  requireClass(input);
  const rule = requireParameter(input.policy, 'subsidies', 'perDayTraining');
  const ruleSource = source(input.policy, 'subsidies.perDayTraining');
  const split = trancheShare(ctx);
  for (const trainee of qualifying(ctx, input.tranche === 'employment')) {
    const days = Math.min(trainee.daysAttended, rule.maxDays ?? Number.MAX_SAFE_INTEGER);
    const tiers = [...rule.tiers]
      .sort((a, b) => a.fromDay - b.fromDay)
      .map((tier) => ({ tier, days: Math.max(0, Math.min(days, tier.toDay) - tier.fromDay + 1) }))
      .filter((t) => t.days > 0);
    const whole = Money.sum(tiers.map((t) => Money.fen(t.tier.amountFen * t.days)));
    if (trainee.daysAttended > days)
      ctx.notes.push({
        zh: `学员 ${trainee.workerId} 参训 ${trainee.daysAttended} 天，按政策最多补贴 ${days} 天`,
        en: `trainee ${trainee.workerId} attended ${trainee.daysAttended} days; the policy pays at most ${days}`,
      });
    const amount = split ? split.part(whole) : whole;
    const parts = amount.allocate(tiers.map((t) => t.tier.amountFen * t.days));
    tiers.forEach((t, i) =>
      ctx.lines.push({
        workerId: trainee.workerId,
        rule: 'subsidies.perDayTraining',
        days: t.days,
        ratePerDayFen: t.tier.amountFen,
        baseFen: t.tier.amountFen * t.days,
        ...(split ? { share: split.share, tranchePolicyVersionId: split.policyVersionId } : {}),
        amountFen: parts[i].toFen(),
        evidence: trainee.evidence,
        policyVersionId: ruleSource.policyVersionId,
        clause: [...ruleSource.clause, ...(split ? split.clause : [])],
        note: {
          zh: `第 ${t.tier.fromDay}–${t.tier.toDay} 天档：${t.days} 天 × ${yuan(t.tier.amountFen)}${split ? ` × ${split.share}` : ''}`,
          en: `days ${t.tier.fromDay}–${t.tier.toDay}: ${t.days} days × ${yuan(t.tier.amountFen)}${split ? ` × ${split.share}` : ''}`,
        },
      }),
    );
  }
}

/** The job-referral award on employment within the tranche's months (Yuncheng: the province's amount). */
function jobReferralAward(ctx: Context): void {
  const { input } = ctx;
  const tranches = requireParameter(input.policy, 'subsidies', 'tranches');
  if (!tranches.jobReferralAwardOnEmployment) {
    throw new ClaimKindNotCovered({
      kind: input.kind,
      parameter: 'subsidies.tranches',
      jurisdiction: input.policy.jurisdiction,
      date: input.policy.date,
    });
  }
  const amountFen = requireParameter(input.policy, 'subsidies', 'jobReferralAwardFen');
  const s = source(input.policy, 'subsidies.jobReferralAwardFen');
  for (const trainee of qualifying(ctx, true))
    ctx.lines.push({
      workerId: trainee.workerId,
      rule: 'subsidies.jobReferralAwardFen',
      amountFen,
      evidence: trainee.evidence,
      ...s,
    });
}

/** Flat amounts per person by training type (Qujing: pre-job, safety, transfer training 800 ¥). */
function flatPerPerson(ctx: Context): void {
  const { input } = ctx;
  const cls = requireClass(input);
  const flat = requireParameter(input.policy, 'subsidies', 'flatPerPerson');
  const entry = flat.find((f) => f.trainingType === cls.trainingType);
  if (!entry)
    throw new ClaimKindNotCovered({
      kind: input.kind,
      parameter: 'subsidies.flatPerPerson',
      jurisdiction: input.policy.jurisdiction,
      date: input.policy.date,
      trainingType: cls.trainingType,
    });
  onlyWhole(input, 'subsidies.flatPerPerson');
  const s = source(input.policy, 'subsidies.flatPerPerson');
  for (const trainee of qualifying(ctx, false))
    ctx.lines.push({
      workerId: trainee.workerId,
      rule: 'subsidies.flatPerPerson',
      amountFen: entry.amountFen,
      evidence: trainee.evidence,
      ...s,
    });
}

/** Free training: the institution won by tender is paid the tendered price per eligible trainee. */
function freeTraining(ctx: Context): void {
  const { input } = ctx;
  const rule = requireParameter(input.policy, 'subsidies', 'freeTraining');
  onlyWhole(input, 'subsidies.freeTraining');
  if (!input.tender) throw new ClaimInputMissing({ kind: input.kind, field: 'tender' });
  const s = source(input.policy, 'subsidies.freeTraining');
  for (const trainee of qualifying(ctx, false)) {
    if (
      rule.eligibleCategories?.length &&
      !inCategories(ctx, trainee.workerId, rule.eligibleCategories, 'subsidies.freeTraining')
    )
      continue;
    ctx.lines.push({
      workerId: trainee.workerId,
      rule: 'subsidies.freeTraining',
      amountFen: input.tender.pricePerTraineeFen,
      evidence: { ...trainee.evidence, reference: input.tender.reference },
      ...s,
    });
  }
}

/** Apprenticeship per apprentice and year (Qujing gives a floor, 「4000元以上」: paid at the floor). */
function apprenticeship(ctx: Context): void {
  const { input } = ctx;
  const rule = requireParameter(input.policy, 'subsidies', 'apprenticeship');
  onlyWhole(input, 'subsidies.apprenticeship');
  if (!input.apprentices?.length) throw new ClaimInputMissing({ kind: input.kind, field: 'apprentices' });
  const perYear = rule.perApprenticeYearFen ?? rule.minPerApprenticeYearFen;
  if (perYear === undefined)
    throw new ClaimKindNotCovered({
      kind: input.kind,
      parameter: 'subsidies.apprenticeship.perApprenticeYearFen',
      jurisdiction: input.policy.jurisdiction,
      date: input.policy.date,
    });
  const s = source(input.policy, 'subsidies.apprenticeship');
  for (const a of input.apprentices)
    ctx.lines.push({
      workerId: a.workerId,
      rule: 'subsidies.apprenticeship',
      months: a.years * 12,
      baseFen: perYear,
      amountFen: perYear * a.years,
      evidence: { reference: a.reference },
      ...s,
      ...(rule.perApprenticeYearFen === undefined
        ? {
            note: {
              zh: `政策只规定下限（每人每年 ${yuan(perYear)} 以上），按下限计算`,
              en: `the policy gives a floor only (at least ${yuan(perYear)} a year): computed at the floor`,
            },
          }
        : {}),
    });
}

/** Small/micro enterprises' new hires: per hire with a long enough contract, hires of the year, and the certificate bonus. */
function smallMicroNewHire(ctx: Context): void {
  const { input } = ctx;
  const rule = requireParameter(input.policy, 'subsidies', 'smallMicroNewHire');
  onlyWhole(input, 'subsidies.smallMicroNewHire');
  if (!input.hires?.length) throw new ClaimInputMissing({ kind: input.kind, field: 'hires' });
  if (rule.hiresOfTheYearOnly && input.year === undefined)
    throw new ClaimInputMissing({ kind: input.kind, field: 'year' });
  const s = source(input.policy, 'subsidies.smallMicroNewHire');
  for (const hire of input.hires) {
    if (rule.minContractMonths !== undefined && hire.contractMonths < rule.minContractMonths) {
      exclude(ctx, hire.workerId, 'CLAIM.CONTRACT_TOO_SHORT', 'subsidies.smallMicroNewHire', {
        zh: `劳动合同 ${hire.contractMonths} 个月，政策要求不少于 ${rule.minContractMonths} 个月`,
        en: `a contract of ${hire.contractMonths} months; the policy needs at least ${rule.minContractMonths}`,
      });
      continue;
    }
    if (rule.hiresOfTheYearOnly && Number(hire.hiredOn.slice(0, 4)) !== input.year) {
      exclude(ctx, hire.workerId, 'CLAIM.NOT_HIRED_THAT_YEAR', 'subsidies.smallMicroNewHire', {
        zh: `${hire.hiredOn} 录用，不是 ${input.year} 年当年新录用人员`,
        en: `hired on ${hire.hiredOn}, not a hire of ${input.year}`,
      });
      continue;
    }
    ctx.lines.push({
      workerId: hire.workerId,
      rule: 'subsidies.smallMicroNewHire',
      amountFen: rule.perHireFen,
      evidence: { reference: hire.reference },
      ...s,
    });
    if (rule.certificateBonusFen === undefined) continue;
    const until = addMonths(hire.hiredOn, rule.certificateWithinMonths ?? 12);
    const certificate = input.certificates.find(
      (c) =>
        c.workerId === hire.workerId &&
        !c.revoked &&
        (c.kind === 'skill_level' || c.kind === 'vocational_qualification') &&
        c.issuedOn >= hire.hiredOn &&
        c.issuedOn <= until,
    );
    if (certificate)
      ctx.lines.push({
        workerId: hire.workerId,
        rule: 'subsidies.smallMicroNewHire',
        amountFen: rule.certificateBonusFen,
        evidence: { reference: hire.reference, certificateId: certificate.certificateId },
        ...s,
        note: {
          zh: `录用后 ${rule.certificateWithinMonths ?? 12} 个月内取得证书（${certificate.issuedOn}）`,
          en: `certificate obtained within ${rule.certificateWithinMonths ?? 12} months of the hire (${certificate.issuedOn})`,
        },
      });
  }
}

/** 以工代训: a share of the wages paid to the hired trainee, for at most the policy's months (Qujing 20 %, 6 months). */
function workBasedTraining(ctx: Context): void {
  const { input } = ctx;
  const rule = requireParameter(input.policy, 'subsidies', 'workBasedTraining');
  onlyWhole(input, 'subsidies.workBasedTraining');
  if (!input.wages?.length) throw new ClaimInputMissing({ kind: input.kind, field: 'wages' });
  const s = source(input.policy, 'subsidies.workBasedTraining');
  const share = shareText(rule.wageShare);
  const byWorker = groupBy(input.wages, (w) => w.workerId);
  for (const [workerId, months] of byWorker) {
    if (
      rule.eligibleCategories?.length &&
      !inCategories(ctx, workerId, rule.eligibleCategories, 'subsidies.workBasedTraining')
    )
      continue;
    const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : 1));
    const paid = rule.maxMonths === undefined ? sorted : sorted.slice(0, rule.maxMonths);
    if (paid.length < sorted.length)
      ctx.notes.push({
        zh: `学员 ${workerId}：以工代训补贴最长 ${rule.maxMonths} 个月，${sorted.length - paid.length} 个月不予补贴`,
        en: `trainee ${workerId}: training through work is paid for at most ${rule.maxMonths} months; ${sorted.length - paid.length} months are not`,
      });
    for (const month of paid)
      ctx.lines.push({
        workerId,
        rule: 'subsidies.workBasedTraining',
        months: 1,
        baseFen: month.wagesFen,
        share,
        amountFen: Money.fen(month.wagesFen).multiplyByRate(share).toFen(),
        evidence: { reference: month.reference },
        ...s,
        note: { zh: `${month.month} 工资`, en: `wages of ${month.month}` },
      });
  }
}

/** Living allowance per day attended, for the categories the policy names (Qujing 60 ¥, fronted by the institution). */
function livingAllowance(ctx: Context): void {
  const { input } = ctx;
  requireParameter(input.policy, 'subsidies', 'livingAllowance');
  onlyWhole(input, 'subsidies.livingAllowance');
  const cls = requireClass(input);
  const s = source(input.policy, 'subsidies.livingAllowance');
  for (const trainee of cls.trainees) {
    if (trainee.daysAttended <= 0) continue;
    const answer = livingAllowanceFor(input.policy, {
      categories: categoriesOf(ctx, trainee.workerId),
      freeTraining: input.tender !== undefined,
    });
    if (answer.kind !== 'per_day') {
      exclude(
        ctx,
        trainee.workerId,
        answer.kind === 'not_eligible' ? 'CLAIM.NOT_ELIGIBLE' : 'POLICY.PARAMETER_NOT_SET',
        'subsidies.livingAllowance',
        answer.reason,
      );
      continue;
    }
    ctx.lines.push({
      workerId: trainee.workerId,
      rule: 'subsidies.livingAllowance',
      days: trainee.daysAttended,
      ratePerDayFen: answer.perDayFen,
      amountFen: answer.perDayFen * trainee.daysAttended,
      evidence: { classId: cls.classId },
      policyVersionId: answer.versionId,
      clause: s.clause,
      ...(answer.rate.includesTransport || answer.rate.frontedByInstitution
        ? {
            note: {
              zh: [
                answer.rate.includesTransport ? '含交通费' : '',
                answer.rate.frontedByInstitution ? '由培训机构垫付' : '',
              ]
                .filter(Boolean)
                .join('，'),
              en: [
                answer.rate.includesTransport ? 'includes transport' : '',
                answer.rate.frontedByInstitution ? 'fronted by the institution' : '',
              ]
                .filter(Boolean)
                .join(', '),
            },
          }
        : {}),
    });
  }
}

/** The skill evaluation subsidy per certificate of the kinds named, where a level sets its amount. */
function skillEvaluation(ctx: Context): void {
  const { input } = ctx;
  const rule = requireParameter(input.policy, 'subsidies', 'skillEvaluation');
  onlyWhole(input, 'subsidies.skillEvaluation');
  const cls = requireClass(input);
  const s = source(input.policy, 'subsidies.skillEvaluation');
  for (const trainee of qualifying(ctx, false)) {
    const certificate = input.certificates.find((c) => c.certificateId === trainee.evidence.certificateId)!;
    if (rule.certificates?.length && !(rule.certificates as readonly string[]).includes(certificate.kind)) {
      exclude(ctx, trainee.workerId, 'CLAIM.NOT_ELIGIBLE', 'subsidies.skillEvaluation', {
        zh: `证书类别 ${certificate.kind} 不在鉴定补贴范围内`,
        en: `a ${certificate.kind} certificate is not covered by the evaluation subsidy`,
      });
      continue;
    }
    ctx.lines.push({
      workerId: trainee.workerId,
      rule: 'subsidies.skillEvaluation',
      amountFen: rule.perCertificateFen,
      evidence: { ...trainee.evidence, classId: cls.classId },
      ...s,
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// who qualifies

interface Qualified {
  readonly workerId: string;
  readonly daysAttended: number;
  readonly evidence: LineEvidence;
}

/** The certified trainees of the class (a certificate from it, not revoked); with `employed`, employed in the window too. */
function qualifying(ctx: Context, employed: boolean): Qualified[] {
  const { input } = ctx;
  const cls = requireClass(input);
  const window = employed ? employmentWindow(input, cls) : undefined;
  const out: Qualified[] = [];
  for (const trainee of cls.trainees) {
    const certificates = input.certificates.filter(
      (c) => c.workerId === trainee.workerId && c.classId === cls.classId,
    );
    const certificate = certificates.find((c) => !c.revoked);
    if (!certificate) {
      exclude(
        ctx,
        trainee.workerId,
        certificates.length > 0 ? 'CLAIM.CERTIFICATE_REVOKED' : 'CLAIM.NOT_CERTIFIED',
        undefined,
        certificates.length > 0
          ? { zh: '该学员本班的证书已被撤销', en: "the trainee's certificate from this class was revoked" }
          : { zh: '该学员未取得本班的证书', en: 'the trainee obtained no certificate from this class' },
      );
      continue;
    }
    let employmentId: string | undefined;
    if (window) {
      const job = input.employments
        .filter(
          (e) =>
            e.workerId === trainee.workerId && e.startDate >= cls.startDate && e.startDate <= window.until,
        )
        .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
      if (!job) {
        exclude(ctx, trainee.workerId, 'CLAIM.NOT_EMPLOYED_IN_WINDOW', 'subsidies.tranches', {
          zh: `结业后 ${window.months} 个月内（至 ${window.until}）无就业记录`,
          en: `no employment recorded within ${window.months} months of the class end (until ${window.until})`,
        });
        continue;
      }
      employmentId = job.employmentId;
    }
    out.push({
      workerId: trainee.workerId,
      daysAttended: trainee.daysAttended,
      evidence: {
        classId: cls.classId,
        certificateId: certificate.certificateId,
        ...(employmentId ? { employmentId } : {}),
      },
    });
  }
  return out;
}

/** The last day employment counts for the employment tranche: the class end plus the policy's months. */
export function employmentWindow(
  input: Pick<ClaimComputationInput, 'policy'>,
  cls: Pick<CompletedClassFacts, 'endDate'>,
): { until: string; months: number } {
  const tranches = requireParameter(input.policy, 'subsidies', 'tranches');
  const months = tranches.employmentWithinMonths;
  if (months === undefined)
    throw new ClaimKindNotCovered({
      kind: 'employment tranche',
      parameter: 'subsidies.tranches.employmentWithinMonths',
      jurisdiction: input.policy.jurisdiction,
      date: input.policy.date,
    });
  return { until: addMonths(cls.endDate, months), months };
}

function categoriesOf(ctx: Context, workerId: string): readonly TraineeCategory[] {
  return ctx.input.workers.get(workerId)?.categories ?? [];
}

function inCategories(
  ctx: Context,
  workerId: string,
  eligible: readonly string[],
  rule: ParameterPath,
): boolean {
  const categories = categoriesOf(ctx, workerId);
  if (categories.some((c) => eligible.includes(c))) return true;
  exclude(ctx, workerId, 'CLAIM.NOT_ELIGIBLE', rule, {
    zh: `人员类别（${categories.join('、') || '未知'}）不在政策范围（${eligible.join('、')}）内`,
    en: `the trainee's categories (${categories.join(', ') || 'unknown'}) are not among the policy's (${eligible.join(', ')})`,
  });
  return false;
}

function exclude(
  ctx: Context,
  workerId: string,
  code: string,
  rule: ParameterPath | undefined,
  reason: Reason,
): void {
  ctx.excluded.push({ workerId, code, ...(rule ? { rule } : {}), reason });
}

// ---------------------------------------------------------------------------------------------------
// tranches, limits and the headcount basis

interface TrancheSplit {
  readonly share: string;
  readonly policyVersionId: string;
  readonly clause: readonly string[];
  part(whole: Money): Money;
}

/** Where the policy splits the training subsidy in tranches, the claim names one; the parts of one trainee add up to the whole. */
function trancheShare(ctx: Context): TrancheSplit | undefined {
  const { input } = ctx;
  const found = lookupParameter(input.policy, 'subsidies', 'tranches');
  if (!found.set) {
    if (input.tranche !== 'whole') requireParameter(input.policy, 'subsidies', 'tranches'); // throws, naming the parameter
    return undefined;
  }
  if (input.tranche === 'whole')
    throw new TrancheNotInPolicy({
      allowed: ['certificate', 'employment'],
      parameter: 'subsidies.tranches',
      tranche: input.tranche,
    });
  const s = source(input.policy, 'subsidies.tranches');
  const onCertificate = shareText(found.value.onCertificateShare);
  if (input.tranche === 'certificate')
    return { share: onCertificate, ...s, part: (whole) => whole.multiplyByRate(onCertificate) };
  // the employment tranche is what the certificate tranche left: the two add up to the whole exactly
  return {
    share: shareText(found.value.onEmploymentShare),
    ...s,
    part: (whole) => whole.subtract(whole.multiplyByRate(onCertificate)),
  };
}

function onlyWhole(input: ClaimComputationInput, parameter: ParameterPath): void {
  if (input.tranche !== 'whole')
    throw new TrancheNotInPolicy({ allowed: ['whole'], parameter, tranche: input.tranche });
}

/** Same occupation and level never twice (where the policy says so); the yearly limit, exceeded only "in principle" with a reason. */
function applyLimits(ctx: Context): LimitOverride[] {
  const { input } = ctx;
  const cls = input.class;
  if (!cls) return [];
  const history = (input.history ?? []).filter((h) => h.classId !== cls.classId);
  const year = Number(cls.endDate.slice(0, 4));
  const sameAgain = lookupParameter(input.policy, 'claims', 'sameOccupationLevelAgainAllowed');
  const limit = lookupParameter(input.policy, 'claims', 'yearlySubsidyLimit');
  const applied: LimitOverride[] = [];
  const dropped = new Set<string>();
  for (const workerId of new Set(ctx.lines.map((l) => l.workerId!))) {
    const own = history.filter((h) => h.workerId === workerId);
    if (sameAgain.set && sameAgain.value === false) {
      const before = own.find((h) => h.occupationCode === cls.occupationCode && h.level === cls.level);
      if (before) {
        exclude(ctx, workerId, 'CLAIM.SAME_OCCUPATION_LEVEL', 'claims.sameOccupationLevelAgainAllowed', {
          zh: `已因班级 ${before.classId} 享受过 ${cls.occupationCode} ${cls.level} 级的培训补贴，同一职业同一等级不可重复享受（「${clauseOf(input.policy, 'claims.sameOccupationLevelAgainAllowed')}」）`,
          en: `already subsidised for ${cls.occupationCode} level ${cls.level} (class ${before.classId}); the same occupation and level is never subsidised twice (「${clauseOf(input.policy, 'claims.sameOccupationLevelAgainAllowed')}」)`,
        });
        dropped.add(workerId);
        continue;
      }
    }
    if (!limit.set) continue;
    const received = new Set(own.filter((h) => h.year === year).map((h) => h.classId)).size;
    if (received < limit.value.maxPerWorker) continue;
    const override = input.overrides?.find((o) => o.workerId === workerId);
    if (!override || !limit.value.inPrinciple) {
      if (override) throw new LimitOverrideNotAllowed({ workerId, rule: 'claims.yearlySubsidyLimit' });
      throw new YearlySubsidyLimitReached({
        workerId,
        year,
        received,
        maxPerWorker: limit.value.maxPerWorker,
        inPrinciple: limit.value.inPrinciple ?? false,
        rule: 'claims.yearlySubsidyLimit',
        clause: clauseOf(input.policy, 'claims.yearlySubsidyLimit'),
      });
    }
    applied.push(override);
  }
  if (dropped.size > 0)
    ctx.lines.splice(0, ctx.lines.length, ...ctx.lines.filter((l) => !dropped.has(l.workerId!)));
  return applied;
}

/**
 * DOMAIN §3: when the average inspected headcount fell below the policy's share of the opening day
 * (class-ops says so in `averageRuleApplies`), the amount is computed on that average (whole persons)
 * instead of the certified trainees: the total is scaled by basis / eligible and split back over the
 * lines in proportion, so every trainee's line shows the share and the parts still add up.
 */
function applyHeadcountBasis(ctx: Context): { lines: BreakdownLine[]; basis: HeadcountBasis } | undefined {
  const cls = ctx.input.class;
  if (!cls?.averageRuleApplies || cls.averageInspectedHeadcount === undefined) return undefined;
  const eligible = new Set(ctx.lines.map((l) => l.workerId)).size;
  const basis = Math.floor(cls.averageInspectedHeadcount);
  if (eligible === 0 || basis >= eligible) return undefined;
  const share = `${basis}/${eligible}`;
  const unscaled = Money.sum(ctx.lines.map((l) => Money.fen(l.amountFen)));
  const total = unscaled.multiplyByRate(Rate.of(basis, eligible));
  const parts = total.allocate(ctx.lines.map((l) => l.amountFen));
  return {
    lines: ctx.lines.map((l, i) => ({ ...l, amountFen: parts[i].toFen(), headcountShare: share })),
    basis: {
      eligible,
      basis,
      openingDayHeadcount: cls.openingDayHeadcount,
      averageInspectedHeadcount: cls.averageInspectedHeadcount,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// helpers

function requireClass(input: ClaimComputationInput): CompletedClassFacts {
  if (!input.class) throw new ClaimInputMissing({ kind: input.kind, field: 'classId' });
  return input.class;
}

/** The version a parameter in force comes from and its words (the calculators ask only for parameters in force). */
function source(
  policy: ResolvedPolicy,
  parameter: ParameterPath,
): { policyVersionId: string; clause: string[] } {
  const found = policy.sources.find((s) => s.parameter === parameter)!;
  return { policyVersionId: found.versionId, clause: [...(found.quotes ?? [])] };
}

function clauseOf(policy: ResolvedPolicy, parameter: ParameterPath): string | undefined {
  return policy.sources.find((s) => s.parameter === parameter)?.quotes?.[0];
}

/** A policy share (0.8, at most four decimals) as an exact decimal text. */
function shareText(share: number): string {
  return String(Math.round(share * 10_000) / 10_000);
}

const yuan = (fen: number): string => Money.fen(fen).format();

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item)) ?? [];
    list.push(item);
    out.set(key(item), list);
  }
  return out;
}

/** 'YYYY-MM-DD' plus whole months, on the last day of a shorter month (2021-11-30 + 3 → 2022-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(day, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A claim already made for a class, kind and tranche (and not rejected): the same is never claimed twice. */
export interface ClaimedBefore {
  readonly claimId: string;
  readonly classId: string;
  readonly kind: SubsidyKind;
  readonly tranche: Tranche;
}

/** Refuses a second claim for the same class, kind and tranche (「同一培训项目不得重复申报」); other claims of the class pass. */
export function assertNotClaimedBefore(
  claimed: readonly ClaimedBefore[],
  claim: {
    readonly claimId: string;
    readonly classId?: string;
    readonly kind: SubsidyKind;
    readonly tranche: Tranche;
  },
): void {
  if (!claim.classId) return;
  const before = claimed.find(
    (c) =>
      c.claimId !== claim.claimId &&
      c.classId === claim.classId &&
      c.kind === claim.kind &&
      c.tranche === claim.tranche,
  );
  if (before)
    throw new AlreadyClaimed({
      classId: claim.classId,
      kind: claim.kind,
      tranche: claim.tranche,
      claimId: before.claimId,
    });
}
