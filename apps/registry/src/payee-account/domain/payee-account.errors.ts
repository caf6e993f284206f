import { defineDomainError } from '@jineng/ddd';

export class PayeeNotRegistered extends defineDomainError<{ payeeId: string; payeeKind: string }>({
  code: 'PAYEE.NOT_REGISTERED',
  category: 'not_found',
  zh: (d) => `收款方 ${d.payeeId}（${d.payeeKind}）未在登记库中`,
  en: (d) => `payee ${d.payeeId} (${d.payeeKind}) is not in the registry`,
}) {}

export class PayeeKindMismatch extends defineDomainError<{
  payeeId: string;
  recorded: string;
  asked: string;
}>({
  code: 'PAYEE.KIND_MISMATCH',
  category: 'illegal_state',
  zh: (d) => `收款方 ${d.payeeId} 已登记为 ${d.recorded}，不能改为 ${d.asked}`,
  en: (d) => `payee ${d.payeeId} is recorded as ${d.recorded}, not ${d.asked}`,
}) {}

/** The registry was started without JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE (allowed outside production only). */
export class PayeeSealingKeyMissing extends defineDomainError<Record<string, never>>({
  code: 'PAYEE.SEALING_KEY_MISSING',
  category: 'illegal_state',
  zh: () => '未配置资金专账的收款账户加密公钥（JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE），不能登记收款账户',
  en: () =>
    "no sealing key is configured (JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE): payees' accounts cannot be recorded",
}) {}
