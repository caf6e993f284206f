import { defineDomainError } from '@jineng/ddd';

export class NothingToExplain extends defineDomainError<Record<string, never>>({
  code: 'AUDIT.EXPLAIN_NEEDS_PAYMENT_OR_CLAIM',
  category: 'validation',
  zh: () => '请给出支付编号（paymentId）或申领编号（claimId）',
  en: () => 'give a payment id (paymentId) or a claim id (claimId)',
}) {}

export class NotInAuditCopy extends defineDomainError<{ kind: string; id: string }>({
  code: 'AUDIT.NOT_IN_COPY',
  category: 'not_found',
  zh: (d) => `审计副本中（您的管辖范围内）没有${d.kind === 'payment' ? '支付' : '申领'} ${d.id} 的事件`,
  en: (d) => `the audit copy holds no event of ${d.kind} ${d.id} (within your jurisdiction)`,
}) {}

export class PaymentOfAnotherClaim extends defineDomainError<{ paymentId: string; claimId: string }>({
  code: 'AUDIT.PAYMENT_OF_ANOTHER_CLAIM',
  category: 'validation',
  zh: (d) => `支付 ${d.paymentId} 不属于申领 ${d.claimId}`,
  en: (d) => `payment ${d.paymentId} does not pay claim ${d.claimId}`,
}) {}
