// The errors of command handling itself (not of any business rule).
import { defineDomainError } from './domain-error';

export class InvalidCommandMetadata extends defineDomainError<{ field: string; expected: string }>({
  code: 'COMMAND.INVALID_METADATA',
  category: 'validation',
  zh: (d) => `命令的 ${d.field} 无效：应为${EXPECTED_ZH[d.expected] ?? d.expected}`,
  en: (d) => `command ${d.field} is invalid: expected ${d.expected}`,
}) {}

export class CommandConcurrencyConflict extends defineDomainError<{ streamId: string; attempts: number }>({
  code: 'COMMAND.CONCURRENCY_CONFLICT',
  category: 'concurrency',
  zh: (d) => `数据流 ${d.streamId} 正被并发修改，已尝试 ${d.attempts} 次仍冲突，请稍后重试`,
  en: (d) =>
    `stream ${d.streamId} kept changing concurrently: gave up after ${d.attempts} attempts, please retry`,
}) {}

// `expected` is the English description of the rule; its Chinese counterpart for the message
const EXPECTED_ZH: Readonly<Record<string, string>> = {
  'an object': '对象',
  'a UUID': 'UUID',
  'a non-empty string': '非空字符串',
  'an array of non-empty strings': '非空字符串数组',
  'a 6-digit jurisdiction code': '6 位行政区划代码',
  'an ISO 8601 timestamp with a time zone': '带时区的 ISO 8601 时间',
};
