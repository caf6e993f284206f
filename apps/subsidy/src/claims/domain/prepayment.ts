// Prepayment (预拨) of the training subsidy (DOMAIN §5; its settlement: libs/subsidy-computation). Qujing, clause (二十):
// 「对企业按照计划组织职工开展培训的，以及职业院校、技工院校和培训机构经招标确认对贫困劳动力、去产能失业人员、
// 退役军人开展项目制培训的，可先行拨付50%的培训补贴资金」. Pure: the class as approved (not yet completed),
// the policy in force at its start, the claimant and the tender come in; the breakdown comes out.
//
// How the class facts read the clause (ClassApproved.v1 carries trainingType and mode):
// - enterprise_planned_training: the claimant is an enterprise and the class is one of the trainings an
//   employer organises for its staff (pre_job, safety_skills, job_transfer, skill_upgrading — the types
//   of 「用人单位组织职工参加岗前培训、在岗安全技能培训、转岗转业培训」 and 岗位技能提升); the approved class is
//   the plan (「按照计划」).
// - tendered_project_training: the claimant is an institution, the class is project training
//   (trainingType project_based, or mode commissioned: the bureau commissions it) and the claim names
//   the tender (「经招标确认」); only trainees of the categories the policy lists are prepaid.
// Amount: the share × the class estimate per trainee (ClassSubsidyEstimated's basis, the same
// computation) for each trainee on the planned roster; where the policy has no per-day or flat amount
// for the class, the tendered price per trainee. A policy without `subsidies.prepayment` refuses the
// claim with the parameter named (requireParameter), never a default.
import { Money } from '@jineng/kernel';
import {
  NothingToClaim,
  PrepaymentNotEligible,
  requireParameter,
  TRAINING_SUBSIDY_KINDS,
  type BreakdownLine,
  type ClaimComputation,
  type ExcludedTrainee,
  type ResolvedPolicy,
  type SubsidyKind,
  type TraineeCategory,
  type TrainingType,
  type WorkerFacts,
} from '@jineng/subsidy-computation';
import { estimateClassSubsidy } from '../class-estimate/domain/class-subsidy';
import type { ClaimantKind } from './claim';

/** The types of training an employer organises for its own staff. */
export const ENTERPRISE_TRAINING_TYPES: readonly TrainingType[] = [
  'pre_job',
  'safety_skills',
  'job_transfer',
  'skill_upgrading',
];

export interface ApprovedClassFacts {
  readonly classId: string;
  readonly jurisdictionCode: string;
  readonly trainingType: TrainingType;
  readonly mode?: string;
  readonly fundSource: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly plannedHeadcount: number;
  /** the planned roster */
  readonly workerIds: readonly string[];
}

export interface PrepaymentInput {
  readonly kind: SubsidyKind;
  readonly policy: ResolvedPolicy;
  readonly class: ApprovedClassFacts;
  readonly claimantKind: ClaimantKind;
  readonly workers: ReadonlyMap<string, WorkerFacts>;
  readonly tender?: { readonly reference: string; readonly pricePerTraineeFen: number };
}

export type PrepaymentCase = 'enterprise_planned_training' | 'tendered_project_training';

const RULE = 'subsidies.prepayment' as const;

/** Which case of the clause the class and claimant are, or why none (zh/en). */
export function prepaymentCaseOf(
  input: Pick<PrepaymentInput, 'class' | 'claimantKind' | 'tender'>,
): PrepaymentCase | { zh: string; en: string } {
  const { class: cls, claimantKind } = input;
  if (claimantKind === 'enterprise') {
    if (ENTERPRISE_TRAINING_TYPES.includes(cls.trainingType)) return 'enterprise_planned_training';
    return {
      zh: `企业申领预拨须为企业按计划组织职工的培训（${ENTERPRISE_TRAINING_TYPES.join('、')}），本班培训类型为 ${cls.trainingType}`,
      en: `an enterprise's prepayment is for training it organises for its staff (${ENTERPRISE_TRAINING_TYPES.join(', ')}); this class is ${cls.trainingType}`,
    };
  }
  if (claimantKind === 'institution') {
    if (cls.trainingType !== 'project_based' && cls.mode !== 'commissioned')
      return {
        zh: `培训机构申领预拨须为经招标确认的项目制培训（培训类型 project_based 或委托方式 commissioned），本班为 ${cls.trainingType}／${cls.mode ?? '未载明'}`,
        en: `an institution's prepayment is for tendered project training (training type project_based or mode commissioned); this class is ${cls.trainingType}/${cls.mode ?? 'no mode'}`,
      };
    if (!input.tender)
      return {
        zh: '项目制培训的预拨须载明招标确认（tender）',
        en: 'a prepayment of project training names the tender that confirmed it (tender)',
      };
    return 'tendered_project_training';
  }
  return { zh: '个人不适用预拨', en: 'a worker claims no prepayment' };
}

export function computePrepayment(input: PrepaymentInput): ClaimComputation {
  const rule = requireParameter(input.policy, 'subsidies', 'prepayment');
  const source = input.policy.sources.find((s) => s.parameter === RULE)!;
  const clause = [...(source.quotes ?? [])];
  const refuse = (reason: { zh: string; en: string }) =>
    new PrepaymentNotEligible({
      classId: input.class.classId,
      appliesTo: [...rule.appliesTo],
      reason: reason.zh,
      reasonEn: reason.en,
      clause: clause[0] ?? '',
    });
  if (!TRAINING_SUBSIDY_KINDS.includes(input.kind))
    throw refuse({
      zh: `预拨的是培训补贴，${input.kind} 不是培训补贴`,
      en: `a prepayment is of the training subsidy; ${input.kind} is not one`,
    });
  const found = prepaymentCaseOf(input);
  if (typeof found !== 'string') throw refuse(found);
  if (!(rule.appliesTo as readonly string[]).includes(found))
    throw refuse({
      zh: `本地政策的预拨不适用于 ${found}`,
      en: `the policy's prepayment does not cover ${found}`,
    });

  const estimate = estimateClassSubsidy(input.class, input.policy);
  const tendered = found === 'tendered_project_training' ? input.tender : undefined;
  const perTraineeFen =
    estimate.basis.rule !== 'none' ? estimate.basis.perTraineeFen : (tendered?.pricePerTraineeFen ?? 0);
  if (perTraineeFen === 0)
    throw refuse({
      zh: `本班没有可预拨的培训补贴：${estimate.basis.reason?.zh ?? '估算为 0'}`,
      en: `the class has no training subsidy to prepay: ${estimate.basis.reason?.en ?? 'the estimate is 0'}`,
    });
  const share = String(Math.round(rule.share * 10_000) / 10_000);
  const amountFen = Money.fen(perTraineeFen).multiplyByRate(share).toFen();
  const baseRule = estimate.basis.rule !== 'none' ? estimate.basis.rule : 'subsidies.freeTraining';
  const baseVersion = estimate.policyVersionIds[0];
  const excluded: ExcludedTrainee[] = [];
  const lines: BreakdownLine[] = [];
  const eligible = rule.projectTraineeCategories ?? [];
  for (const workerId of input.class.workerIds) {
    if (found === 'tendered_project_training' && eligible.length > 0) {
      const categories: readonly TraineeCategory[] = input.workers.get(workerId)?.categories ?? [];
      if (!categories.some((c) => (eligible as readonly string[]).includes(c))) {
        excluded.push({
          workerId,
          code: 'CLAIM.NOT_ELIGIBLE',
          rule: RULE,
          reason: {
            zh: `项目制培训的预拨限于${eligible.join('、')}，该学员类别为 ${categories.join('、') || '未知'}`,
            en: `the prepayment of project training covers ${eligible.join(', ')}; the trainee is ${categories.join(', ') || 'unknown'}`,
          },
        });
        continue;
      }
    }
    lines.push({
      workerId,
      rule: RULE,
      amountFen,
      baseFen: perTraineeFen,
      share,
      evidence: { classId: input.class.classId, ...(tendered ? { reference: tendered.reference } : {}) },
      policyVersionId: source.versionId,
      ...(baseVersion && baseVersion !== source.versionId ? { tranchePolicyVersionId: baseVersion } : {}),
      clause,
      note: {
        zh: `预拨：${baseRule === 'subsidies.freeTraining' ? '招标价' : '班级估算'}每人 ${Money.fen(perTraineeFen).format()} × ${share}（${found}）；结业申领时扣回`,
        en: `prepaid: ${baseRule === 'subsidies.freeTraining' ? 'the tendered price' : 'the class estimate'} of ${Money.fen(perTraineeFen).format()} a trainee × ${share} (${found}); deducted from the final claim`,
      },
    });
  }
  if (lines.length === 0)
    throw new NothingToClaim({ kind: input.kind, tranche: 'prepayment', excluded: excluded.length });
  return {
    kind: input.kind,
    tranche: 'prepayment',
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    lines,
    excluded,
    notes: [],
    overrides: [],
    policyVersionIds: [...new Set([source.versionId, ...estimate.policyVersionIds])],
    workerIds: lines.map((l) => l.workerId!),
  };
}

/** An approved prepayment of the class, as the final claim deducts it. */
