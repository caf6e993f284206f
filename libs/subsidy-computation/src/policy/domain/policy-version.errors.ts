// The rules of policy versions that a command can break, with stable codes and the values involved.
import { defineDomainError } from '@jineng/ddd';
import type { PolicyViolation } from './policy-violation';

export class PolicyVersionNotFound extends defineDomainError<{ versionId: string }>({
  code: 'POLICY.VERSION_NOT_FOUND',
  category: 'not_found',
  zh: (d) => `政策版本 ${d.versionId} 不存在`,
  en: (d) => `policy version ${d.versionId} does not exist`,
}) {}

export class PolicyVersionAlreadyExists extends defineDomainError<{ versionId: string; status: string }>({
  code: 'POLICY.VERSION_ALREADY_EXISTS',
  category: 'illegal_state',
  zh: (d) =>
    `政策版本 ${d.versionId} 已存在（${d.status === 'published' ? '已发布' : '草稿'}），不能再次起草`,
  en: (d) => `policy version ${d.versionId} already exists (${d.status}): it cannot be drafted again`,
}) {}

export class PublishedVersionImmutable extends defineDomainError<{
  versionId: string;
  publishedAt: string;
  attempted: 'update' | 'publish';
}>({
  code: 'POLICY.PUBLISHED_VERSION_IMMUTABLE',
  category: 'illegal_state',
  zh: (d) =>
    `政策版本 ${d.versionId} 已于 ${d.publishedAt} 发布，已发布的版本不可${d.attempted === 'update' ? '修改' : '再次发布'}；如需变更，请起草新版本`,
  en: (d) =>
    `policy version ${d.versionId} was published at ${d.publishedAt}: a published version cannot be ${d.attempted === 'update' ? 'changed' : 'published again'}; draft a new version instead`,
}) {}

export class PolicyRevisionMismatch extends defineDomainError<{
  versionId: string;
  expected: number;
  actual: number;
}>({
  code: 'POLICY.REVISION_MISMATCH',
  category: 'concurrency',
  zh: (d) => `政策版本 ${d.versionId} 已被修改：期望修订号 ${d.expected}，当前为 ${d.actual}，请刷新后重试`,
  en: (d) =>
    `policy version ${d.versionId} has changed: expected revision ${d.expected}, it is at ${d.actual}; reload and retry`,
}) {}

export class PolicyAdminRequired extends defineDomainError<{ roles: string[] }>({
  code: 'POLICY.ADMIN_ROLE_REQUIRED',
  category: 'forbidden',
  zh: (d) => `只有管理员可以起草、修改和发布政策版本（当前角色：${d.roles.join('、')}）`,
  en: (d) => `only an admin may draft, change and publish policy versions (roles: ${d.roles.join(', ')})`,
}) {}

export class ForeignJurisdiction extends defineDomainError<{
  jurisdiction: string;
  actorJurisdiction: string;
}>({
  code: 'POLICY.FOREIGN_JURISDICTION',
  category: 'forbidden',
  zh: (d) => `辖区 ${d.jurisdiction} 不在您的辖区 ${d.actorJurisdiction} 之内`,
  en: (d) => `jurisdiction ${d.jurisdiction} is not within yours (${d.actorJurisdiction})`,
}) {}

export class UnknownJurisdiction extends defineDomainError<{ jurisdiction: string }>({
  code: 'POLICY.UNKNOWN_JURISDICTION',
  category: 'validation',
  zh: (d) => `平台未收录行政区划 ${d.jurisdiction}：请先在辖区表中加入该地区`,
  en: (d) => `jurisdiction ${d.jurisdiction} is not in the platform's jurisdiction tree: add it there first`,
}) {}

export class InvalidPolicyParameters extends defineDomainError<{ violations: PolicyViolation[] }>({
  code: 'POLICY.INVALID_PARAMETERS',
  category: 'validation',
  zh: (d) => `政策参数或目标任务有误：${d.violations.map((v) => `${v.path} ${v.reason}`).join('；')}`,
  en: (d) =>
    `the policy parameters or targets are invalid: ${d.violations.map((v) => `${v.path} ${v.reasonEn}`).join('; ')}`,
}) {}

export class EffectiveDateInPast extends defineDomainError<{ effectiveFrom: string; today: string }>({
  code: 'POLICY.EFFECTIVE_DATE_IN_PAST',
  category: 'validation',
  zh: (d) => `生效日期 ${d.effectiveFrom} 早于今天 ${d.today}：追溯生效须填写原因（pastEffectiveReason）`,
  en: (d) =>
    `the effective date ${d.effectiveFrom} is before today ${d.today}: publishing it retroactively needs a reason (pastEffectiveReason)`,
}) {}

export class PolicyParameterNotSet extends defineDomainError<{
  parameter: string;
  nameZh: string;
  nameEn: string;
  jurisdiction: string;
  date: string;
  /** versions of the chain whose window closed before the date */
  ended: { jurisdiction: string; effectiveUntil: string }[];
  /** a version in force that names the rule without its value */
  namedBy?: { jurisdiction: string; quotes: string[] };
}>({
  code: 'POLICY.PARAMETER_NOT_SET',
  category: 'illegal_state',
  zh: (d) =>
    `${d.date} 在 ${d.jurisdiction} 生效的各级政策均未设置“${d.nameZh}”（${d.parameter}），该规则不适用` +
    d.ended.map((e) => `；${e.jurisdiction} 的政策已于 ${e.effectiveUntil} 期满`).join('') +
    (d.namedBy ? `；${d.namedBy.jurisdiction} 的政策提及此项但未给出标准：「${d.namedBy.quotes[0]}」` : ''),
  en: (d) =>
    `no policy in force in ${d.jurisdiction} on ${d.date} sets ${d.nameEn} (${d.parameter}): the rule is not applied` +
    d.ended.map((e) => `; the policy of ${e.jurisdiction} ended on ${e.effectiveUntil}`).join('') +
    (d.namedBy
      ? `; the policy of ${d.namedBy.jurisdiction} names it without giving its value: 「${d.namedBy.quotes[0]}」`
      : ''),
}) {}
