import { defineDomainError } from '@jineng/ddd';
import type { RuleFailure } from './opening-rules';

/** Every failed opening rule at once, each with its code, values and message (400). */
export class ClassRulesFailed extends defineDomainError<{ failures: RuleFailure[] }>({
  code: 'CLASS.RULES_FAILED',
  category: 'validation',
  zh: (d) => `开班申请不符合 ${d.failures.length} 项规定：${d.failures.map((f) => f.summary).join('；')}`,
  en: (d) => `the class breaks ${d.failures.length} rule(s): ${d.failures.map((f) => f.summary).join('; ')}`,
}) {}

export class ClassAlreadyApplied extends defineDomainError<{ classId: string }>({
  code: 'CLASS.ALREADY_APPLIED',
  category: 'illegal_state',
  zh: (d) => `培训班 ${d.classId} 已提交开班申请`,
  en: (d) => `class ${d.classId} has already been applied for`,
}) {}

export class ClassNotFound extends defineDomainError<{ classId: string }>({
  code: 'CLASS.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `培训班 ${d.classId} 不存在`,
  en: (d) => `there is no class ${d.classId}`,
}) {}

export class ClassNotInStatus extends defineDomainError<{
  classId: string;
  status: string;
  allowed: string[];
  action: string;
}>({
  code: 'CLASS.WRONG_STATUS',
  category: 'illegal_state',
  zh: (d) => `培训班 ${d.classId} 状态为 ${d.status}，不能${d.action}（须为 ${d.allowed.join('、')}）`,
  en: (d) =>
    `class ${d.classId} is ${d.status}: it cannot be ${d.action} (only when ${d.allowed.join(', ')})`,
}) {}

export class ClassAlreadyStarted extends defineDomainError<{
  classId: string;
  startDate: string;
  today: string;
}>({
  code: 'CLASS.ALREADY_STARTED',
  category: 'illegal_state',
  zh: (d) => `培训班 ${d.classId} 已于 ${d.startDate} 开班（今天 ${d.today}）`,
  en: (d) => `class ${d.classId} started on ${d.startDate} (today is ${d.today})`,
}) {}

export class ClassNotEnded extends defineDomainError<{ classId: string; endsAt: string; now: string }>({
  code: 'CLASS.NOT_ENDED',
  category: 'illegal_state',
  zh: (d) => `培训班 ${d.classId} 的最后一次课 ${d.endsAt} 结束，尚未结业（现在 ${d.now}）`,
  en: (d) => `class ${d.classId} ends with its last session at ${d.endsAt} (now ${d.now})`,
}) {}

export class VideoOutsideSession extends defineDomainError<{
  field: string;
  sessionNo: number;
  reason: string;
}>({
  code: 'CLASS.VIDEO_OUTSIDE_SESSION',
  category: 'validation',
  zh: (d) => `录像不在第 ${d.sessionNo} 次课内：${d.reason}`,
  en: (d) => `the recording is not within session ${d.sessionNo}: ${d.reason}`,
}) {}

export class VideoAlreadyRecorded extends defineDomainError<{ sha256: string; evidenceId: string }>({
  code: 'CLASS.VIDEO_ALREADY_RECORDED',
  category: 'illegal_state',
  zh: (d) => `同一录像文件（SHA-256 ${d.sha256.slice(0, 12)}…）已作为 ${d.evidenceId} 登记`,
  en: (d) => `the same video file (SHA-256 ${d.sha256.slice(0, 12)}…) is already recorded as ${d.evidenceId}`,
}) {}

export class InspectionOutsideClass extends defineDomainError<{
  field: string;
  at: string;
  startDate: string;
  endDate: string;
}>({
  code: 'CLASS.INSPECTION_OUTSIDE_CLASS',
  category: 'validation',
  zh: (d) => `抽查时间 ${d.at} 不在培训期 ${d.startDate}–${d.endDate} 内`,
  en: (d) => `the inspection at ${d.at} is outside the class's dates ${d.startDate}–${d.endDate}`,
}) {}

/** Re-approval out of "awaiting funds" waits for the ledger's earmark (409). */
export class ClassFundsNotEarmarked extends defineDomainError<{
  classId: string;
  fundSource: string;
  ledger: 'refused' | 'none';
  requestedFen?: number;
  availableFen?: number;
}>({
  code: 'CLASS.FUNDS_NOT_EARMARKED',
  category: 'illegal_state',
  zh: (d) =>
    d.ledger === 'refused'
      ? `培训班 ${d.classId} 的资金（${d.fundSource}）仍未预留：余额 ${d.availableFen} 分，需 ${d.requestedFen} 分，资金到位并预留后方可重新批准`
      : `培训班 ${d.classId} 的资金（${d.fundSource}）尚未预留，预留后方可重新批准`,
  en: (d) =>
    d.ledger === 'refused'
      ? `class ${d.classId} still has no earmark on ${d.fundSource}: ${d.availableFen} fen available of ${d.requestedFen} needed; it is approved again once the ledger has earmarked the funds`
      : `class ${d.classId} has no earmark on ${d.fundSource} yet; it is approved again once the ledger has earmarked the funds`,
}) {}
