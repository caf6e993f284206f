import { ClaimKindNotYetKnown, MalformedEvent, moneyCommandsFor } from './money-process';

const estimated = {
  type: 'ClassSubsidyEstimated.v1',
  data: {
    classId: 'c0a8012e-0000-4000-8000-000000000001',
    jurisdictionCode: '530302',
    fundSource: 'skills_upgrading_account',
    amountFen: 480_000,
    policyVersionIds: ['p1'],
    basis: { headcount: 40, days: 12, ratePerDayFen: 1_000 },
  },
};
const approved = {
  type: 'ClaimApproved.v1',
  data: {
    claimId: 'claim-1',
    classId: 'c0a8012e-0000-4000-8000-000000000001',
    claimantId: 'inst-1',
    claimantKind: 'institution',
    jurisdictionCode: '530302',
    fundSource: 'skills_upgrading_account',
    amountFen: 450_000,
    breakdownTotalFen: 450_000,
    policyVersionIds: ['p1'],
    approvedBy: 'officer-1',
  },
};

it('earmarks a class when its subsidy is estimated', () => {
  expect(moneyCommandsFor(estimated)).toEqual([
    {
      type: 'EarmarkForClass',
      data: {
        classId: estimated.data.classId,
        jurisdictionCode: '530302',
        fundSource: 'skills_upgrading_account',
        amountFen: 480_000,
      },
    },
  ]);
});

it('commits an approved claim under the kind it was submitted with', () => {
  expect(moneyCommandsFor(approved, { claimKind: 'training' })).toEqual([
    {
      type: 'CommitForClaim',
      data: {
        claimId: 'claim-1',
        classId: approved.data.classId,
        claimantId: 'inst-1',
        claimantKind: 'institution',
        jurisdictionCode: '530302',
        fundSource: 'skills_upgrading_account',
        amountFen: 450_000,
        subsidyKind: 'training',
      },
    },
  ]);
  const { classId: _, ...withoutClass } = approved.data;
  expect(
    moneyCommandsFor({ ...approved, data: withoutClass }, { claimKind: 'living_allowance' })[0]!.data,
  ).not.toHaveProperty('classId');
});

it('waits for the claim to be seen submitted', () => {
  expect(() => moneyCommandsFor(approved)).toThrow(ClaimKindNotYetKnown);
});

it('an approval that carries the kind is committed under it at once, whatever the copy of the submission says', () => {
  const carrying = { ...approved, data: { ...approved.data, kind: 'training_per_day' } };
  expect(moneyCommandsFor(carrying)[0]!.data).toMatchObject({ subsidyKind: 'training_per_day' });
  expect(moneyCommandsFor(carrying, { claimKind: 'living_allowance' })[0]!.data).toMatchObject({
    subsidyKind: 'training_per_day',
  });
  expect(() => moneyCommandsFor({ ...approved, data: { ...approved.data, kind: 'Training!' } })).toThrow(
    /kind/,
  );
});

it('refuses an event that breaks the contract, naming the field', () => {
  expect(() => moneyCommandsFor({ ...estimated, data: { ...estimated.data, amountFen: -1 } })).toThrow(
    MalformedEvent,
  );
  expect(() =>
    moneyCommandsFor({ ...estimated, data: { ...estimated.data, fundSource: 'lottery' } }),
  ).toThrow(/fundSource/);
});

it('ignores the events it does not follow', () => {
  expect(moneyCommandsFor({ type: 'ClaimSubmitted.v1', data: {} })).toEqual([]);
});

it('reverses a paid claim when subsidy asks for a recovery', () => {
  expect(
    moneyCommandsFor({
      type: 'RecoveryRequested.v1',
      data: {
        recoveryId: 'rec-1',
        claimId: 'claim-1',
        claimantId: 'inst-1',
        jurisdictionCode: '530302',
        fundSource: 'skills_upgrading_account',
        amountFen: 1_000,
        reason: '证书被撤销',
      },
    }),
  ).toEqual([
    {
      type: 'ReversePayment',
      data: { recoveryId: 'rec-1', claimId: 'claim-1', amountFen: 1_000, reason: '证书被撤销' },
    },
  ]);
});
