// The ledger's refusals: stable codes, the failed rule's values, zh and en (ARCHITECTURE §5).
import { defineDomainError } from '@jineng/ddd';
import { Money } from '@jineng/kernel';

const yuan = (fen: number): string => Money.fen(fen).toDecimalString();

/** An account whose kind forbids it would go below zero: the amount asked for is not available. */
export class InsufficientFunds extends defineDomainError<{
  account: string;
  requestedFen: number;
  availableFen: number;
  shortfallFen: number;
}>({
  code: 'LEDGER.INSUFFICIENT_FUNDS',
  category: 'illegal_state',
  zh: (d) =>
    `可用余额不足：${d.account} 可用 ${yuan(d.availableFen)} 元，需要 ${yuan(d.requestedFen)} 元，差额 ${yuan(d.shortfallFen)} 元`,
  en: (d) =>
    `insufficient funds on ${d.account}: ${yuan(d.availableFen)} yuan available, ${yuan(d.requestedFen)} yuan requested, ${yuan(d.shortfallFen)} yuan short`,
}) {}

/** A ledger transaction's idempotency key was used before for other content. */
export class IdempotencyKeyReused extends defineDomainError<{ key: string; kind: string }>({
  code: 'LEDGER.IDEMPOTENCY_KEY_REUSED',
  category: 'illegal_state',
  zh: (d) => `记账幂等键 ${d.key} 已用于内容不同的记账（${d.kind}），不予记账`,
  en: (d) => `ledger idempotency key ${d.key} was already used for different content (${d.kind}); refused`,
}) {}

/** An amount that is not a positive whole number of fen within range. */
export class InvalidAmount extends defineDomainError<{ field: string; amountFen: number | string }>({
  code: 'LEDGER.INVALID_AMOUNT',
  category: 'validation',
  zh: (d) => `${d.field} 应为正整数（分），收到 ${String(d.amountFen)}`,
  en: (d) => `${d.field} must be a positive whole number of fen, got ${String(d.amountFen)}`,
}) {}
