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

/** What a command id did that a later use differs in (see handle-command.ts). */
export type CommandFact = 'stream' | 'command' | 'actor' | 'request';

const FACT_ZH: Readonly<Record<CommandFact, string>> = {
  stream: '对象',
  command: '命令类型',
  actor: '操作人',
  request: '请求内容',
};

export class CommandIdReused extends defineDomainError<{ commandId: string; differs: CommandFact[] }>({
  code: 'COMMAND.ID_REUSED',
  category: 'illegal_state',
  zh: (d) =>
    `命令编号 ${d.commandId} 已用于另一个请求（${d.differs.map((f) => FACT_ZH[f]).join('、')}不同），本次请求未执行；新的操作请使用新的幂等键（Idempotency-Key）`,
  en: (d) =>
    `command id ${d.commandId} was used for another request (different ${d.differs.join(', ')}); nothing was done — use a new Idempotency-Key for a new operation`,
}) {}

// `expected` is the English description of the rule; its Chinese counterpart for the message
const EXPECTED_ZH: Readonly<Record<string, string>> = {
  'an object': '对象',
  'a UUID': 'UUID',
  'a non-empty string': '非空字符串',
  'an array of non-empty strings': '非空字符串数组',
  'a 6-digit jurisdiction code': '6 位行政区划代码',
  'an ISO 8601 timestamp with a time zone': '带时区的 ISO 8601 时间',
  'a sha256 in lower-case hex': '小写十六进制的 sha256 摘要',
};
