// The fund ledger's values as its contract allows them (proto/jineng/fund_ledger/v1): the fund sources,
// the report periods, and a form's yuan amount checked and turned into integer fen.
import type { Rule } from 'antd/es/form';
import { zh, type MessageKey } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/i18n';
import { parseYuanToFen } from '../../money';

export const FUND_SOURCES = [
  'skills_upgrading_account',
  'employment_subsidy_fund',
  'unemployment_insurance_fund',
  'local_talent_fund',
  'industry_development_fund',
] as const;

export const PERIODS = ['month', 'quarter', 'year'] as const;

export const sourceName = (t: Translate, source: string) => t(`fundSource.${source}` as MessageKey);

export const sourceOptions = (t: Translate) =>
  FUND_SOURCES.map((value) => ({ value, label: sourceName(t, value) }));

export const periodOptions = (t: Translate) =>
  PERIODS.map((value) => ({ value, label: t(`ledger.period.${value}`) }));

/** a subsidy kind's name where the dictionary has it, else the kind as the service names it */
export function kindName(t: Translate, kind: string): string {
  const key = `subsidyKind.${kind}`;
  return key in zh ? t(key as MessageKey) : kind;
}

/** the rules of an amount typed in yuan: required, positive, whole fen */
export const yuanRules = (t: Translate, field: string): Rule[] => [
  { required: true, message: t('common.required', { field }) },
  {
    validator: (_rule, value: string | undefined) =>
      !value || parseYuanToFen(value) !== undefined
        ? Promise.resolve()
        : Promise.reject(new Error(t('ledger.amountInvalid'))),
  },
];

/** a six-digit administrative division code (县、市、省) */
export const jurisdictionRules = (t: Translate, field: string): Rule[] => [
  { required: true, message: t('common.required', { field }) },
  { pattern: /^\d{6}$/, message: t('ledger.jurisdictionInvalid') },
];

export interface LedgerOutcome {
  readonly id: string;
  readonly outcome: 'recorded' | 'earmarked' | 'committed' | 'refused';
  readonly amountFen: number;
  readonly availableFen?: number;
  readonly idempotent: boolean;
}
