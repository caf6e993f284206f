// The dedicated account's money before a class starts (DOMAIN §6). The skills-upgrading dedicated account
// (职业技能提升行动专账) sits inside the social-insurance fund's fiscal special account, funded from the
// unemployment-insurance surplus, and is 「单独设立"职业技能提升行动专账"，实行分账核算、专款专用」
// (Guigang 2019, seeds/guigang-2019-2021-action-plan.txt; Qujing likewise): a class it pays for does not
// start on money the ledger has not reserved. Other sources start on approval as before.

import { Money } from '@jineng/kernel';

/** A message in Chinese and English (the contracts' LocalizedMessage as plain data). */
export type LocalizedMessage = { readonly zh: string; readonly en: string };

/** The fund sources whose classes start only with the ledger's earmark. */
export const EARMARK_REQUIRED_TO_START: readonly string[] = ['skills_upgrading_account'];

export const earmarkRequiredToStart = (fundSource: string): boolean =>
  EARMARK_REQUIRED_TO_START.includes(fundSource);

/** The fund ledger's last word on a class's earmark (ClassEarmarked / EarmarkRefused), if any. */
export type EarmarkFact =
  | { readonly status: 'earmarked'; readonly amountFen: number }
  | {
      readonly status: 'refused';
      readonly amountFen: number;
      readonly availableFen: number;
      readonly reason?: string;
    };

/** '1500.00': integer fen shown in yuan without a float (the kernel's Money). */
const yuan = (fen: number): string => Money.fen(fen).toDecimalString();

/** Why a class's money is (not) in place, in Chinese and English. */
export function fundingReason(fundSource: string, earmark: EarmarkFact | undefined): LocalizedMessage {
  if (earmark?.status === 'earmarked')
    return {
      zh: `资金来源 ${fundSource} 已预留 ${yuan(earmark.amountFen)} 元`,
      en: `${yuan(earmark.amountFen)} yuan earmarked on ${fundSource}`,
    };
  if (earmark?.status === 'refused')
    return {
      zh: `资金来源 ${fundSource} 余额 ${yuan(earmark.availableFen)} 元，不足预留 ${yuan(earmark.amountFen)} 元，待资金到位`,
      en: `${fundSource} has ${yuan(earmark.availableFen)} yuan available, short of the ${yuan(earmark.amountFen)} yuan to earmark: awaiting funds`,
    };
  return earmarkRequiredToStart(fundSource)
    ? {
        zh: `专账资金（${fundSource}）尚未预留，分账核算、专款专用，未预留不得开班`,
        en: `no earmark yet on the dedicated account (${fundSource}): its money is kept apart and spent only on its purpose, so the class does not start without one`,
      }
    : {
        zh: `资金来源 ${fundSource} 尚未预留`,
        en: `nothing earmarked yet on ${fundSource}`,
      };
}

/** The funding part of a class's detail: the ledger's last word, and the start withheld where it was. */
export function classFunding(
  fundSource: string,
  earmark: EarmarkFact | undefined,
  withheld?: { readonly reasonCode: string; readonly reason: LocalizedMessage },
) {
  return {
    fundSource,
    status: earmark?.status ?? ('none' as const),
    ...(earmark ? { amountFen: earmark.amountFen } : {}),
    ...(earmark?.status === 'refused' ? { availableFen: earmark.availableFen } : {}),
    earmarkRequiredToStart: earmarkRequiredToStart(fundSource),
    ...(withheld ? { withheldReasonCode: withheld.reasonCode } : {}),
    reason: withheld ? { ...withheld.reason } : fundingReason(fundSource, earmark),
  };
}
