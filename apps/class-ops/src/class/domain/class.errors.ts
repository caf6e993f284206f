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
