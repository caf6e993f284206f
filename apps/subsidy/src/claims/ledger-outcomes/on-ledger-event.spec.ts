import { onLedgerEvent } from './on-ledger-event';

const claimId = '5b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e';

it('PaymentSettled records the payment on the claim', () => {
  expect(
    onLedgerEvent('PaymentSettled.v1', {
      paymentId: 'p1',
      claimId,
      reference: 'R1',
      amountFen: 272_000,
      settledOn: '2019-10-20',
    }),
  ).toEqual([
    {
      type: 'RecordLedgerOutcome',
      data: { claimId, outcome: 'payment_settled', paymentId: 'p1', amountFen: 272_000 },
    },
  ]);
});

it('PaymentFailed and CommitmentRefused are recorded with their reason and figures', () => {
  expect(
    onLedgerEvent('PaymentFailed.v1', {
      paymentId: 'p1',
      claimId,
      reference: 'R1',
      amountFen: 5,
      reason: '户名不符',
    })[0].data,
  ).toEqual({
    claimId,
    outcome: 'payment_failed',
    paymentId: 'p1',
    amountFen: 5,
    reason: '户名不符',
  });
  expect(
    onLedgerEvent('CommitmentRefused.v1', {
      claimId,
      jurisdictionCode: '140802',
      fundSource: 'x',
      requestedFen: 10,
      availableFen: 4,
      shortfallFen: 6,
    })[0].data,
  ).toMatchObject({ outcome: 'commitment_refused', shortfallFen: 6 });
});

it('other ledger events ask nothing of a claim; a malformed outcome fails naming the field', () => {
  expect(onLedgerEvent('ClassEarmarked.v1', { classId: 'c' })).toEqual([]);
  expect(() => onLedgerEvent('PaymentSettled.v1', { claimId, amountFen: 1 })).toThrow('paymentId');
});
