// The process manager from the fund ledger's outcomes to the claim (pure): PaymentSettled → ClaimPaid,
// PaymentFailed → ClaimPaymentFailed, CommitmentRefused → the refusal recorded on the claim. Other
// events of the ledger mean nothing to a claim.
import type { RecordLedgerOutcome } from '../domain/claim';

type Data = Record<string, unknown>;
const text = (d: Data, f: string, type: string): string => {
  if (typeof d[f] !== 'string' || d[f] === '') throw new TypeError(`${type}: ${f} is not a string`);
  return d[f] as string;
};
const fen = (d: Data, f: string, type: string): number => {
  if (!Number.isSafeInteger(d[f]) || (d[f] as number) < 0) throw new TypeError(`${type}: ${f} is not fen`);
  return d[f] as number;
};

export function onLedgerEvent(type: string, data: Data): Omit<RecordLedgerOutcome, 'metadata'>[] {
  switch (type) {
    case 'PaymentSettled.v1':
      return [
        {
          type: 'RecordLedgerOutcome',
          data: {
            claimId: text(data, 'claimId', type),
            outcome: 'payment_settled',
            paymentId: text(data, 'paymentId', type),
            amountFen: fen(data, 'amountFen', type),
          },
        },
      ];
    case 'PaymentFailed.v1':
      return [
        {
          type: 'RecordLedgerOutcome',
          data: {
            claimId: text(data, 'claimId', type),
            outcome: 'payment_failed',
            paymentId: text(data, 'paymentId', type),
            amountFen: fen(data, 'amountFen', type),
            reason: text(data, 'reason', type),
          },
        },
      ];
    case 'CommitmentRefused.v1':
      return [
        {
          type: 'RecordLedgerOutcome',
          data: {
            claimId: text(data, 'claimId', type),
            outcome: 'commitment_refused',
            requestedFen: fen(data, 'requestedFen', type),
            availableFen: fen(data, 'availableFen', type),
            shortfallFen: fen(data, 'shortfallFen', type),
          },
        },
      ];
    default:
      return [];
  }
}
