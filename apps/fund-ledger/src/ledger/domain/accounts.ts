// The chart of accounts of the dedicated fund account (专账, DOMAIN §6: 分账核算、专款专用). Every
// account is named by its kind and where it belongs; amounts are integer fen, a posting's amount is
// signed (+ debit, − credit), and a transaction's postings sum to zero.
//
//   bank                                  the dedicated account's bank account (asset, debit-normal)
//   fund:<jurisdiction>:<source>          money of a source available to a jurisdiction (city or county)
//   earmark:<jurisdiction>:<source>:<classId>   reserved for an approved class (its estimated subsidy)
//   committed:<jurisdiction>:<source>     net assets committed to approved claims this year
//   payable:<jurisdiction>:<source>:<payeeId>   owed to a claimant until the bank confirms the payment
//   expense:<jurisdiction>:<source>:<kind>      paid out this year per subsidy kind (closed at year end)
//
// The identity the accounts keep: bank + Σ expense = Σ fund + Σ earmark + Σ committed + Σ payable, and
// committed(j, s) = Σ expense(j, s, *) — so bank = Σ fund + Σ earmark + Σ payable, which is never
// below zero because each of those is floored. That is why the hot bank account needs no floor and
// no lock of its own (ADR 0007): it is striped.

export const ACCOUNT_KINDS = ['bank', 'fund', 'earmark', 'committed', 'payable', 'expense'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export interface AccountKindRules {
  /** +1: debit-normal (its balance is debits − credits), −1: credit-normal */
  readonly normal: 1 | -1;
  /** the balance on its normal side may not go below zero */
  readonly floored: boolean;
  /** balance rows the account is spread over (1: one row, locked by each writer) */
  readonly stripes: number;
}

/** The bank account is striped over this many balance rows (ADR 0007). */
export const BANK_STRIPES = 16;

export const ACCOUNT_RULES: Readonly<Record<AccountKind, AccountKindRules>> = {
  bank: { normal: 1, floored: false, stripes: BANK_STRIPES },
  fund: { normal: -1, floored: true, stripes: 1 },
  earmark: { normal: -1, floored: true, stripes: 1 },
  committed: { normal: -1, floored: true, stripes: 1 },
  payable: { normal: -1, floored: true, stripes: 1 },
  expense: { normal: 1, floored: true, stripes: 1 },
};

/** The fund sources a subsidy may be paid from (subsidy's policy parameters name the same). */
export const FUND_SOURCES = [
  'skills_upgrading_account',
  'employment_subsidy_fund',
  'unemployment_insurance_fund',
  'local_talent_fund',
  'industry_development_fund',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const isFundSource = (value: string): value is FundSource =>
  (FUND_SOURCES as readonly string[]).includes(value);

const PART = /^[A-Za-z0-9_-]{1,80}$/;

function part(name: string, value: string): string {
  if (!PART.test(value)) throw new TypeError(`account ${name} '${value}' is not a valid account name part`);
  return value;
}

export const Accounts = {
  bank: (): string => 'bank',
  fund: (jurisdiction: string, source: string): string =>
    `fund:${part('jurisdiction', jurisdiction)}:${part('source', source)}`,
  earmark: (jurisdiction: string, source: string, classId: string): string =>
    `earmark:${part('jurisdiction', jurisdiction)}:${part('source', source)}:${part('class', classId)}`,
  committed: (jurisdiction: string, source: string): string =>
    `committed:${part('jurisdiction', jurisdiction)}:${part('source', source)}`,
  payable: (jurisdiction: string, source: string, payeeId: string): string =>
    `payable:${part('jurisdiction', jurisdiction)}:${part('source', source)}:${part('payee', payeeId)}`,
  expense: (jurisdiction: string, source: string, kind: string): string =>
    `expense:${part('jurisdiction', jurisdiction)}:${part('source', source)}:${part('kind', kind)}`,
};

export interface ParsedAccount {
  readonly id: string;
  readonly kind: AccountKind;
  readonly jurisdiction?: string;
  readonly source?: string;
  /** the class of an earmark, the payee of a payable, the subsidy kind of an expense */
  readonly detail?: string;
}

export function parseAccount(id: string): ParsedAccount {
  const [kind, jurisdiction, source, detail, ...rest] = id.split(':');
  if (!(ACCOUNT_KINDS as readonly string[]).includes(kind!) || rest.length > 0) {
    throw new TypeError(`'${id}' is not an account of the chart`);
  }
  const k = kind as AccountKind;
  const parts = k === 'bank' ? 0 : k === 'fund' || k === 'committed' ? 2 : 3;
  const given = [jurisdiction, source, detail].filter((p) => p !== undefined);
  if (given.length !== parts || given.some((p) => !PART.test(p!))) {
    throw new TypeError(`'${id}' is not an account of the chart (a ${k} account has ${parts} parts)`);
  }
  return {
    id,
    kind: k,
    ...(jurisdiction !== undefined ? { jurisdiction } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
}

export const rulesOf = (account: string): AccountKindRules => ACCOUNT_RULES[parseAccount(account).kind];

/** A balance as the account's kind reads it: positive on its normal side. */
export const naturalBalance = (account: string, signedBalance: number): number =>
  signedBalance * rulesOf(account).normal;
