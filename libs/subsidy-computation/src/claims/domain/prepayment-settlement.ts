// The settlement of a prepayment (预拨, DOMAIN §5: "settled or clawed back at the end"), pure: the
// final training-subsidy claim of a prepaid class deducts what was prepaid as a line of its own. Here,
// beside computeClaim, because the final claim's computation applies it (and the audit service's
// re-computation must apply it the same way); the prepayment claim itself is computed by the subsidy
// service (apps/subsidy/src/claims/domain/prepayment.ts).
import { Money } from '@jineng/kernel';
import type { BreakdownLine } from './compute-claim';

const RULE = 'subsidies.prepayment' as const;

export interface PrepaidFacts {
  readonly claimId: string;
  /** what was approved (never more than computed nor asked) */
  readonly approvedFen: number;
  readonly policyVersionId: string;
  readonly clause: readonly string[];
}

export type PrepaymentSettlement = {
  readonly prepaymentClaimId: string;
  readonly prepaidFen: number;
  /** the final claim before the deduction */
  readonly grossFen: number;
  readonly deductedFen: number;
  /** prepaid beyond the final amount: asked back from the prepayment claim */
  readonly toRecoverFen: number;
};

/**
 * The settlement: the final training subsidy claim of the class deducts the approved prepayment as one
 * line of its own (a negative amount, so the lines still add up to the total); never below zero — what
 * was prepaid beyond the final amount is recovered on the prepayment claim.
 */
export function settlePrepayment(
  lines: readonly BreakdownLine[],
  prepaid: PrepaidFacts,
  classId: string,
): { line: BreakdownLine; settlement: PrepaymentSettlement } {
  const grossFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  const deductedFen = Math.min(grossFen, prepaid.approvedFen);
  const toRecoverFen = prepaid.approvedFen - deductedFen;
  return {
    line: {
      rule: RULE,
      amountFen: -deductedFen,
      baseFen: prepaid.approvedFen,
      evidence: { classId, reference: prepaid.claimId },
      policyVersionId: prepaid.policyVersionId,
      clause: [...prepaid.clause],
      note: {
        zh: `扣除已预拨的 ${Money.fen(prepaid.approvedFen).format()}（申领 ${prepaid.claimId}）${toRecoverFen > 0 ? `；超出结算金额的 ${Money.fen(toRecoverFen).format()} 予以追回` : ''}`,
        en: `less the ${Money.fen(prepaid.approvedFen).format()} prepaid (claim ${prepaid.claimId})${toRecoverFen > 0 ? `; the ${Money.fen(toRecoverFen).format()} prepaid beyond the final amount is recovered` : ''}`,
      },
    },
    settlement: {
      prepaymentClaimId: prepaid.claimId,
      prepaidFen: prepaid.approvedFen,
      grossFen,
      deductedFen,
      toRecoverFen,
    },
  };
}
