import { defineDomainError } from '@jineng/ddd';

export class ClaimKindNotCovered extends defineDomainError<{
  kind: string;
  parameter: string;
  jurisdiction: string;
  date: string;
  trainingType?: string;
}>({
  code: 'CLAIM.KIND_NOT_COVERED',
  category: 'illegal_state',
  zh: (d) =>
    `${d.date} 在 ${d.jurisdiction} 生效的政策（${d.parameter}）未对${d.trainingType ? `培训类型 ${d.trainingType} ` : ''}规定此类补贴（${d.kind}）`,
  en: (d) =>
    `the policy in force in ${d.jurisdiction} on ${d.date} (${d.parameter}) sets no ${d.kind} subsidy${d.trainingType ? ` for training type ${d.trainingType}` : ''}`,
}) {}

export class ClaimInputMissing extends defineDomainError<{ kind: string; field: string }>({
  code: 'CLAIM.INPUT_MISSING',
  category: 'validation',
  zh: (d) => `${d.kind} 补贴申领须提供 ${d.field}`,
  en: (d) => `a ${d.kind} claim needs ${d.field}`,
}) {}

export class NothingToClaim extends defineDomainError<{ kind: string; tranche: string; excluded: number }>({
  code: 'CLAIM.NOTHING_TO_CLAIM',
  category: 'illegal_state',
  zh: (d) => `没有学员符合 ${d.kind}（${d.tranche}）补贴的条件（排除 ${d.excluded} 人，原因见明细）`,
  en: (d) =>
    `no trainee qualifies for the ${d.kind} subsidy (${d.tranche}); ${d.excluded} excluded, each with its reason`,
}) {}

export class YearlySubsidyLimitReached extends defineDomainError<{
  workerId: string;
  year: number;
  received: number;
  maxPerWorker: number;
  inPrinciple: boolean;
  rule: string;
  clause?: string;
}>({
  code: 'CLAIM.YEARLY_SUBSIDY_LIMIT',
  category: 'illegal_state',
  zh: (d) =>
    `学员 ${d.workerId} 在 ${d.year} 年已享受 ${d.received} 次培训补贴，达到每人每年 ${d.maxPerWorker} 次的上限（${d.rule}${d.clause ? `：「${d.clause}」` : ''}）` +
    (d.inPrinciple ? '；政策为“原则上”，经办人员记录理由后可超出' : ''),
  en: (d) =>
    `trainee ${d.workerId} has received ${d.received} training subsidies in ${d.year}, the limit of ${d.maxPerWorker} a year (${d.rule}${d.clause ? `: 「${d.clause}」` : ''})` +
    (d.inPrinciple ? '; the limit holds "in principle": an officer may exceed it, recording why' : ''),
}) {}

export class LimitOverrideNotAllowed extends defineDomainError<{ workerId: string; rule: string }>({
  code: 'CLAIM.LIMIT_OVERRIDE_NOT_ALLOWED',
  category: 'illegal_state',
  zh: (d) =>
    `政策的年度补贴次数上限（${d.rule}）不是“原则上”的规定，不能因经办人员的理由为学员 ${d.workerId} 超出`,
  en: (d) =>
    `the yearly subsidy limit (${d.rule}) is not an "in principle" rule: no officer's reason lets trainee ${d.workerId} exceed it`,
}) {}

export class AlreadyClaimed extends defineDomainError<{
  classId: string;
  kind: string;
  tranche: string;
  claimId: string;
}>({
  code: 'CLAIM.ALREADY_CLAIMED',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} 的 ${d.kind}（${d.tranche}）补贴已由申领 ${d.claimId} 申领，不得重复申领`,
  en: (d) =>
    `the ${d.kind} subsidy (${d.tranche}) of class ${d.classId} is already claimed by claim ${d.claimId}`,
}) {}

export class TrancheNotInPolicy extends defineDomainError<{
  tranche: string;
  allowed: string[];
  parameter: string;
}>({
  code: 'CLAIM.TRANCHE_NOT_IN_POLICY',
  category: 'validation',
  zh: (d) => `政策（${d.parameter}）下此补贴按 ${d.allowed.join('、')} 申领，不能按 ${d.tranche} 申领`,
  en: (d) =>
    `under the policy (${d.parameter}) this subsidy is claimed as ${d.allowed.join(', ')}, not as ${d.tranche}`,
}) {}

export class ClaimForbidden extends defineDomainError<{ reason: string; reasonEn: string }>({
  code: 'CLAIM.FORBIDDEN',
  category: 'forbidden',
  zh: (d) => d.reason,
  en: (d) => d.reasonEn,
}) {}

export class ClassNotKnown extends defineDomainError<{ classId: string }>({
  code: 'CLAIM.CLASS_UNKNOWN',
  category: 'not_found',
  zh: (d) => `班级 ${d.classId} 未经审批或不存在`,
  en: (d) => `class ${d.classId} is unknown here (not approved, or no such class)`,
}) {}

export class ClassNotCompleted extends defineDomainError<{ classId: string; status: string }>({
  code: 'CLAIM.CLASS_NOT_COMPLETED',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} 状态为 ${d.status}，结业后方可申领补贴`,
  en: (d) => `class ${d.classId} is ${d.status}: subsidies are claimed after it completed`,
}) {}

export class FundSourceRequired extends defineDomainError<Record<string, never>>({
  code: 'CLAIM.FUND_SOURCE_REQUIRED',
  category: 'validation',
  zh: () => '不针对班级的申领须指明资金来源（fundSource）',
  en: () => 'a claim without a class names its fund source (fundSource)',
}) {}

export class PrepaymentNotEligible extends defineDomainError<{
  classId: string;
  appliesTo: string[];
  reason: string;
  reasonEn: string;
  clause: string;
}>({
  code: 'CLAIM.PREPAYMENT_NOT_ELIGIBLE',
  category: 'illegal_state',
  zh: (d) =>
    `班级 ${d.classId} 不符合预拨条件（subsidies.prepayment：${d.appliesTo.join('、')}）：${d.reason}${d.clause ? `（「${d.clause}」）` : ''}`,
  en: (d) =>
    `class ${d.classId} is not eligible for a prepayment (subsidies.prepayment: ${d.appliesTo.join(', ')}): ${d.reasonEn}${d.clause ? ` (「${d.clause}」)` : ''}`,
}) {}

export class PrepaymentNotInAdvance extends defineDomainError<{ classId: string; status: string }>({
  code: 'CLAIM.PREPAYMENT_NOT_IN_ADVANCE',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} 状态为 ${d.status}：预拨只在班级经审批后、结业前申领`,
  en: (d) =>
    `class ${d.classId} is ${d.status}: a prepayment is claimed after approval and before completion`,
}) {}
