import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import {
  CommitmentAlreadyMade,
  commitmentDecider,
  commitmentIdOf,
  type CommitForClaim,
} from './commitment.decide';

const spec = DeciderSpecification.for(commitmentDecider);
const metadata: CommandMetadata = {
  commandId: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  actor: { userId: 'system:fund-ledger', roles: ['system'] },
  jurisdiction: '530302',
  now: '2026-11-29T02:00:00.000Z',
  correlationId: 'corr-1',
};
const data = {
  claimId: 'claim-1',
  classId: 'class-1',
  claimantId: 'inst-1',
  claimantKind: 'institution',
  jurisdictionCode: '530302',
  fundSource: 'skills_upgrading_account',
  amountFen: 520_000,
  subsidyKind: 'training',
} as const;
const commit = (extra: Partial<CommitForClaim['data']> = {}): CommitForClaim => ({
  type: 'CommitForClaim',
  data: { ...data, ...extra },
  metadata,
});
const made = {
  type: 'CommitmentMade.v1' as const,
  data: {
    claimId: 'claim-1',
    commitmentId: commitmentIdOf('claim-1'),
    classId: 'class-1',
    jurisdictionCode: '530302',
    fundSource: 'skills_upgrading_account',
    amountFen: 520_000,
  },
};

describe('CommitForClaim', () => {
  it('commits the approved amount', () => {
    spec.given().when(commit()).then(made);
  });

  it('records the refusal with its shortfall', () => {
    spec
      .given()
      .when(commit({ refusal: { availableFen: 80_000 } }))
      .then({
        type: 'CommitmentRefused.v1',
        data: {
          claimId: 'claim-1',
          jurisdictionCode: '530302',
          fundSource: 'skills_upgrading_account',
          requestedFen: 520_000,
          availableFen: 80_000,
          shortfallFen: 440_000,
        },
      });
  });

  it('gives every approved claim exactly one commitment', () => {
    spec.given(made).when(commit()).thenNothingHappened();
    spec
      .given(made)
      .when(commit({ amountFen: 1 }))
      .thenThrows(CommitmentAlreadyMade);
  });
});
