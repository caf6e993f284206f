// A payee's bank account as the bank payment file carries it (ADR 0012): opened from the box the
// registry sealed to the ledger's key, checked to fit a CSV field, and the rule that a payment to a
// payee without an account is held back rather than sent to nowhere.
import { defineDomainError } from '@jineng/ddd';

export interface ClearPayeeAccount {
  readonly accountName: string;
  readonly accountNumber: string;
}

export class PayeeAccountUnreadable extends defineDomainError<{ payeeId: string }>({
  code: 'PAYMENT.PAYEE_ACCOUNT_UNREADABLE',
  category: 'illegal_state',
  zh: (d) => `收款方 ${d.payeeId} 的银行账户无法用本专账的私钥解开（密钥不符或内容被改动）`,
  en: (d) =>
    `the bank account of payee ${d.payeeId} does not open with the ledger's private key (another key, or altered)`,
}) {}

export class PayeeOpeningKeyMissing extends defineDomainError<Record<string, never>>({
  code: 'PAYMENT.OPENING_KEY_MISSING',
  category: 'illegal_state',
  zh: () => '未配置收款账户解密私钥（JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE），不能生成银行支付文件',
  en: () =>
    'no opening key is configured (JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE): no bank payment file can be written',
}) {}

/** Why a payment is held back: its payee has no bank account in the ledger yet. */
export const PAYEE_ACCOUNT_MISSING = {
  code: 'PAYMENT.PAYEE_ACCOUNT_MISSING',
  reasonZh: '收款方尚未登记银行账户：待账户登记后随下一批次支付',
  reasonEn: 'the payee has no bank account recorded yet: it goes out in a later batch once one is',
} as const;

const CSV_SAFE = /^[^,"\r\n]+$/;

/** The opened text as an account, or undefined when it is not one that fits the payment file. */
export function parseClearAccount(text: string): ClearPayeeAccount | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { accountName, accountNumber } = (value ?? {}) as Record<string, unknown>;
  if (typeof accountName !== 'string' || !CSV_SAFE.test(accountName)) return undefined;
  if (typeof accountNumber !== 'string' || !/^[0-9]{8,32}$/.test(accountNumber)) return undefined;
  return { accountName, accountNumber };
}

/** Splits open payables into those with a known account (paid now) and those held back. */
export function partitionByAccount<P extends { readonly payeeAccountDigest?: string }>(
  payables: readonly P[],
): { ready: (P & { readonly payeeAccountDigest: string })[]; heldBack: P[] } {
  const ready: (P & { readonly payeeAccountDigest: string })[] = [];
  const heldBack: P[] = [];
  for (const p of payables) {
    if (p.payeeAccountDigest) ready.push(p as P & { readonly payeeAccountDigest: string });
    else heldBack.push(p);
  }
  return { ready, heldBack };
}
