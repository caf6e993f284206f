// The claim's workflow, given/when/then: review by two officers, notice, objections, approval, payment.
import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import {
  claimDecider,
  ClaimNotInStage,
  CommitmentRequired,
  NoticePeriodNotOver,
  NotNamedInClaim,
  SameReviewer,
  UnresolvedObjections,
  type ClaimCommand,
  type ClaimEvent,
  type ClaimSubmittedData,
} from './claim';
import type { ClaimComputation } from '@jineng/subsidy-computation';

const spec = DeciderSpecification.for(claimDecider);
const claimId = 'c1a1e000-0000-4000-8000-000000000001';
const w1 = 'w0000000-0000-4000-8000-000000000001';
const w2 = 'w0000000-0000-4000-8000-000000000002';

const meta = (userId: string, now: string): CommandMetadata => ({
  commandId: '00000000-0000-4000-8000-00000000000a',
  actor: { userId, roles: ['county_officer'] },
  jurisdiction: '140802',
  now,
  correlationId: '00000000-0000-4000-8000-00000000000b',
});

const computation: ClaimComputation = {
  kind: 'training_per_day',
  tranche: 'certificate',
  totalFen: 272_000,
  lines: [
    {
      workerId: w1,
      rule: 'subsidies.perDayTraining',
      amountFen: 120_000,
      evidence: {},
      policyVersionId: 'v',
      clause: ['q'],
    },
    {
      workerId: w1,
      rule: 'subsidies.perDayTraining',
      amountFen: 16_000,
      evidence: {},
      policyVersionId: 'v',
      clause: ['q'],
    },
    {
      workerId: w2,
      rule: 'subsidies.perDayTraining',
      amountFen: 136_000,
      evidence: {},
      policyVersionId: 'v',
      clause: ['q'],
    },
  ],
  excluded: [],
  notes: [],
  overrides: [],
  policyVersionIds: ['v'],
  workerIds: [w1, w2],
};

const submitted: ClaimSubmittedData = {
  claimId,
  kind: 'training_per_day',
  tranche: 'certificate',
  classId: 'class-1',
  claimantId: 'inst-1',
  claimantKind: 'institution',
  jurisdictionCode: '140802',
  fundSource: 'employment_subsidy_fund',
  requestedFen: 280_000,
  computedFen: 272_000,
  breakdownDigest: 'd'.repeat(64),
  headcount: 2,
  policyVersionIds: ['v'],
  computation,
  commitmentSigned: true,
  submittedOn: '2019-09-27',
  reviewWorkingDays: 7,
  firstReviewDueOn: '2019-10-14',
  publicNoticeWorkingDays: 3,
  submittedBy: 'clerk-1',
};

const history = {
  submitted: [
    { type: 'ClaimSubmitted.v1', data: submitted },
    {
      type: 'TraineesNamedInClaim.v1',
      data: { claimId, classId: 'class-1', kind: 'training_per_day', trainees: [] },
    },
  ] as ClaimEvent[],
  firstReviewed: {
    type: 'ClaimFirstReviewed.v1',
    data: {
      claimId,
      decision: 'approve',
      reason: '材料齐全',
      reviewedBy: 'officer-a',
      reviewedOn: '2019-10-08',
      overdue: false,
      nextDueOn: '2019-10-17',
    },
  } as ClaimEvent,
  secondReviewed: {
    type: 'ClaimSecondReviewed.v1',
    data: {
      claimId,
      decision: 'approve',
      reason: '复核通过',
      reviewedBy: 'officer-b',
      reviewedOn: '2019-10-09',
      overdue: false,
    },
  } as ClaimEvent,
  notice: {
    type: 'ClaimNoticePublished.v1',
    data: { claimId, startsOn: '2019-09-30', endsOn: '2019-10-09', workingDays: 3, publishedBy: 'officer-b' },
  } as ClaimEvent,
  objection: {
    type: 'ClaimObjectionRaised.v1',
    data: {
      claimId,
      objectionId: 'o1',
      by: 'trainee',
      workerId: w1,
      statement: '我只参加了8天',
      contactProvided: false,
      raisedOn: '2019-10-08',
    },
  } as ClaimEvent,
};
const onNotice = [...history.submitted, history.firstReviewed, history.secondReviewed, history.notice];

const command = (c: Omit<ClaimCommand, 'metadata'>, userId = 'officer-a', now = '2019-10-08T02:00:00Z') =>
  ({ ...c, metadata: meta(userId, now) }) as ClaimCommand;

it('submitting records the claim with its computation and difference, and tells the trainees named in it', () => {
  spec
    .given()
    .when(command({ type: 'SubmitClaim', data: submitted }, 'clerk-1'))
    .then(
      { type: 'ClaimSubmitted.v1', data: submitted },
      {
        type: 'TraineesNamedInClaim.v1',
        data: {
          claimId,
          classId: 'class-1',
          kind: 'training_per_day',
          trainees: [
            { workerId: w1, amountFen: 136_000 },
            { workerId: w2, amountFen: 136_000 },
          ],
        },
      },
    );
});

it('a claim without the signed commitment is refused', () => {
  spec
    .given()
    .when(command({ type: 'SubmitClaim', data: { ...submitted, commitmentSigned: false as true } }))
    .thenThrows(CommitmentRequired);
});

it('a first review after its due date is recorded as overdue', () => {
  spec
    .given(...history.submitted)
    .when(
      command(
        {
          type: 'FirstReview',
          data: { claimId, decision: 'approve', reason: '材料齐全', nextDueOn: '2019-10-24' },
        },
        'officer-a',
        '2019-10-15T02:00:00Z',
      ),
    )
    .then({
      type: 'ClaimFirstReviewed.v1',
      data: {
        claimId,
        decision: 'approve',
        reason: '材料齐全',
        reviewedBy: 'officer-a',
        reviewedOn: '2019-10-15',
        dueOn: '2019-10-14',
        overdue: true,
        nextDueOn: '2019-10-24',
      },
    });
});

it('the same officer cannot make both reviews', () => {
  spec
    .given(...history.submitted, history.firstReviewed)
    .when(
      command({ type: 'SecondReview', data: { claimId, decision: 'approve', reason: '同意' } }, 'officer-a'),
    )
    .thenThrows(SameReviewer, (e) => e.details.reviewer === 'officer-a');
});

it('a review that returns or rejects ends the claim with the reason', () => {
  spec
    .given(...history.submitted, history.firstReviewed)
    .when(
      command(
        { type: 'SecondReview', data: { claimId, decision: 'reject', reason: '证书不实' } },
        'officer-b',
        '2019-10-09T02:00:00Z',
      ),
    )
    .then(
      {
        type: 'ClaimSecondReviewed.v1',
        data: {
          claimId,
          decision: 'reject',
          reason: '证书不实',
          reviewedBy: 'officer-b',
          reviewedOn: '2019-10-09',
          dueOn: '2019-10-17',
          overdue: false,
        },
      },
      {
        type: 'ClaimRejected.v1',
        data: { claimId, reason: '证书不实', rejectedBy: 'officer-b', stage: 'second_review' },
      },
    );
});

it('the notice needs both reviews first', () => {
  spec
    .given(...history.submitted, history.firstReviewed)
    .when(command({ type: 'PublishNotice', data: { claimId, startsOn: '2019-10-09', endsOn: '2019-10-11' } }))
    .thenThrows(ClaimNotInStage, (e) => e.details.expected[0] === 'second_reviewed');
});

it('approval waits for the end of the notice period (working days, here across National Day)', () => {
  spec
    .given(...onNotice)
    .when(command({ type: 'ApproveClaim', data: { claimId } }, 'officer-b', '2019-10-09T02:00:00Z'))
    .thenThrows(NoticePeriodNotOver, (e) => e.details.endsOn === '2019-10-09');
});

it('after the notice period, approval asks the ledger for the lower of requested and computed, under the kind submitted', () => {
  spec
    .given(...onNotice)
    .when(command({ type: 'ApproveClaim', data: { claimId } }, 'officer-b', '2019-10-10T02:00:00Z'))
    .then({
      type: 'ClaimApproved.v1',
      data: {
        claimId,
        classId: 'class-1',
        claimantId: 'inst-1',
        claimantKind: 'institution',
        jurisdictionCode: '140802',
        fundSource: 'employment_subsidy_fund',
        amountFen: 272_000,
        breakdownTotalFen: 272_000,
        policyVersionIds: ['v'],
        approvedBy: 'officer-b',
        kind: 'training_per_day',
      },
    });
});

it('a trainee’s objection blocks approval until resolved; dismissed, the claim is approved', () => {
  spec
    .given(...onNotice, history.objection)
    .when(command({ type: 'ApproveClaim', data: { claimId } }, 'officer-b', '2019-10-10T02:00:00Z'))
    .thenThrows(UnresolvedObjections, (e) => e.details.objectionIds[0] === 'o1');
  spec
    .given(...onNotice, history.objection, {
      type: 'ClaimObjectionResolved.v1',
      data: {
        claimId,
        objectionId: 'o1',
        finding: 'dismissed',
        note: '签到记录显示12天',
        resolvedBy: 'officer-b',
      },
    })
    .when(command({ type: 'ApproveClaim', data: { claimId } }, 'officer-b', '2019-10-10T02:00:00Z'))
    .then(expect.objectContaining({ type: 'ClaimApproved.v1' }) as ClaimEvent);
});

it('an upheld objection rejects the claim', () => {
  spec
    .given(...onNotice, history.objection)
    .when(
      command(
        {
          type: 'ResolveObjection',
          data: { claimId, objectionId: 'o1', finding: 'upheld', note: '虚报天数' },
        },
        'officer-b',
      ),
    )
    .then(
      {
        type: 'ClaimObjectionResolved.v1',
        data: { claimId, objectionId: 'o1', finding: 'upheld', note: '虚报天数', resolvedBy: 'officer-b' },
      },
      {
        type: 'ClaimRejected.v1',
        data: { claimId, reason: '虚报天数', rejectedBy: 'officer-b', stage: 'objection' },
      },
    );
});

it('only a trainee named in the claim can object or confirm as a trainee', () => {
  spec
    .given(...onNotice)
    .when(command({ type: 'ConfirmClaim', data: { claimId, workerId: 'someone-else' } }))
    .thenThrows(NotNamedInClaim);
  spec
    .given(...onNotice)
    .when(
      command({
        type: 'RaiseObjection',
        data: {
          claimId,
          objectionId: 'o2',
          statement: 'x',
          contactProvided: false,
          workerId: 'someone-else',
        },
      }),
    )
    .thenThrows(NotNamedInClaim);
  spec
    .given(...onNotice)
    .when(command({ type: 'ConfirmClaim', data: { claimId, workerId: w2 } }, w2))
    .then({ type: 'ClaimConfirmedByTrainee.v1', data: { claimId, workerId: w2, confirmedOn: '2019-10-08' } });
});

it('the ledger’s outcomes: paid once; a failure recorded', () => {
  const approved = { type: 'ClaimApproved.v1', data: { claimId } } as unknown as ClaimEvent;
  const settled = { claimId, outcome: 'payment_settled' as const, paymentId: 'p1', amountFen: 272_000 };
  spec
    .given(...onNotice, approved)
    .when(command({ type: 'RecordLedgerOutcome', data: settled }, 'system:subsidy-claims'))
    .then({ type: 'ClaimPaid.v1', data: { claimId, paymentId: 'p1', amountFen: 272_000 } });
  spec
    .given(...onNotice, approved, {
      type: 'ClaimPaid.v1',
      data: { claimId, paymentId: 'p1', amountFen: 272_000 },
    })
    .when(command({ type: 'RecordLedgerOutcome', data: settled }, 'system:subsidy-claims'))
    .thenNothingHappened();
  spec
    .given(...onNotice, approved)
    .when(
      command(
        {
          type: 'RecordLedgerOutcome',
          data: {
            claimId,
            outcome: 'payment_failed',
            paymentId: 'p1',
            amountFen: 272_000,
            reason: '账户已销户',
          },
        },
        'system:subsidy-claims',
      ),
    )
    .then({
      type: 'ClaimPaymentFailed.v1',
      data: { claimId, paymentId: 'p1', amountFen: 272_000, reason: '账户已销户' },
    });
});

describe('recoveries (clawback)', () => {
  const approved = {
    type: 'ClaimApproved.v1',
    data: { claimId, amountFen: 272_000 },
  } as unknown as ClaimEvent;
  const paid = { type: 'ClaimPaid.v1', data: { claimId, paymentId: 'p1', amountFen: 272_000 } } as ClaimEvent;
  const certificateOfW2 = {
    ...computation,
    lines: computation.lines.map((l) => ({
      ...l,
      evidence: { certificateId: l.workerId === w2 ? 'cert-2' : 'cert-1' },
    })),
  };
  const paidHistory = [
    { type: 'ClaimSubmitted.v1', data: { ...submitted, computation: certificateOfW2 } } as ClaimEvent,
    ...history.submitted.slice(1),
    history.firstReviewed,
    history.secondReviewed,
    history.notice,
    approved,
    paid,
  ];
  const recover = (data: Record<string, string>, userId = 'system:subsidy-claims') =>
    command(
      { type: 'RequestRecovery', data: { claimId, recoveryId: 'r1', reason: '证书撤销', ...data } } as never,
      userId,
    );

  it('a revoked certificate after payment asks back what its lines were paid', () => {
    spec
      .given(...paidHistory)
      .when(recover({ certificateId: 'cert-2', workerId: w2 }))
      .then({
        type: 'RecoveryRequested.v1',
        data: {
          recoveryId: 'r1',
          claimId,
          claimantId: 'inst-1',
          jurisdictionCode: '140802',
          fundSource: 'employment_subsidy_fund',
          amountFen: 136_000,
          reason: '证书撤销',
          certificateId: 'cert-2',
          workerId: w2,
          requestedBy: 'system:subsidy-claims',
        },
      });
  });

  it('the same certificate again asks nothing; an officer’s fraud finding asks back what is left', () => {
    const first = {
      type: 'RecoveryRequested.v1',
      data: { claimId, recoveryId: 'r1', certificateId: 'cert-2', amountFen: 136_000 },
    } as unknown as ClaimEvent;
    spec
      .given(...paidHistory, first)
      .when(recover({ certificateId: 'cert-2' }))
      .thenNothingHappened();
    spec
      .given(...paidHistory, first)
      .when(recover({ recoveryId: 'r2', reason: '查实虚假培训' }, 'officer-b'))
      .then(
        expect.objectContaining({
          type: 'RecoveryRequested.v1',
          data: expect.objectContaining({ amountFen: 136_000, requestedBy: 'officer-b' }),
        }) as ClaimEvent,
      );
  });

  it('nothing paid yet: a revocation asks nothing back; an officer is told the claim is not paid', () => {
    spec
      .given(...onNotice)
      .when(recover({ certificateId: 'cert-2' }))
      .thenNothingHappened();
    spec
      .given(...onNotice)
      .when(recover({ reason: 'x' }, 'officer-b'))
      .thenThrows(ClaimNotInStage);
  });
  it('a prepayment beyond its settlement asks back only the difference named, never more than is left', () => {
    spec
      .given(...paidHistory)
      .when(
        command({
          type: 'RequestRecovery',
          data: { claimId, recoveryId: 'r3', reason: '预拨超出结算', amountFen: 50_000 },
        } as never),
      )
      .then(
        expect.objectContaining({
          type: 'RecoveryRequested.v1',
          data: expect.objectContaining({ recoveryId: 'r3', amountFen: 50_000 }),
        }) as ClaimEvent,
      );
    spec
      .given(...paidHistory)
      .when(
        command({
          type: 'RequestRecovery',
          data: { claimId, recoveryId: 'r4', reason: '预拨超出结算', amountFen: 99_999_999 },
        } as never),
      )
      .then(
        expect.objectContaining({
          type: 'RecoveryRequested.v1',
          data: expect.objectContaining({ amountFen: 272_000 }),
        }) as ClaimEvent,
      );
  });
});
