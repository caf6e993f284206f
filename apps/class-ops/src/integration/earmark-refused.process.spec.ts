import { onEarmarkRefused } from './earmark-refused.process';

it('turns the ledger’s refusal into MarkAwaitingFunds with the contract’s figures', () => {
  expect(
    onEarmarkRefused({
      classId: '11111111-1111-4111-8111-111111111111',
      jurisdictionCode: '419001',
      fundSource: 'skills_upgrading_account',
      requestedFen: 7_500_000,
      availableFen: 1_200_000,
      reason: 'insufficient balance',
    }),
  ).toEqual({
    type: 'MarkAwaitingFunds',
    data: {
      classId: '11111111-1111-4111-8111-111111111111',
      fundSource: 'skills_upgrading_account',
      requestedFen: 7_500_000,
      availableFen: 1_200_000,
    },
  });
});
