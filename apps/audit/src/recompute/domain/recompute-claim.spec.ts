// Given a paid claim's events in the audit copy, when its computation is re-run with the policy and
// facts the copy held at submission, then it equals what was recorded and paid — and where a fact, a
// policy or a payment differs, the difference is reported to the fen.
import { DomainError } from '@jineng/ddd';
import { asAuditRecords, claimHistory, type SourceEvent } from '../../shared/claim-history.fixture';
import { inputIdsOf, recomputeClaim } from './recompute-claim';

const history = claimHistory();
const { ids } = history;
const [w1, w2] = ids.workers;
const indexOf = (type: string) => history.events.findIndex((e) => e.type === type);
/** the history with `extra` recorded just before the event of `type` */
const withBefore = (type: string, extra: SourceEvent) => {
  const events = [...history.events];
  events.splice(indexOf(type), 0, extra);
  return asAuditRecords(events);
};
const revocation: SourceEvent = {
  service: 'certification',
  streamId: `certificate-${ids.certificates[1]}`,
  type: 'CertificateRevoked.v1',
  data: {
    certificateId: ids.certificates[1],
    workerId: w2,
    classId: ids.classId,
    reason: '代考',
    revokedBy: 'x',
  },
};

it('a paid claim recomputes equal: recorded, recomputed, approved and paid agree to the fen', () => {
  const copy = asAuditRecords(history.events);
  const result = recomputeClaim(ids.claimId, copy);
  expect(result).toMatchObject({
    claimId: ids.claimId,
    kind: 'training_per_day',
    tranche: 'certificate',
    recordedFen: 256_000,
    recomputedFen: 256_000,
    approvedFen: 256_000,
    paidFen: 256_000,
    differenceFen: 0,
    equal: true,
    lineDifferences: [],
    policyVersionIdsRecorded: [ids.versionId],
    policyVersionIdsUsed: [ids.versionId],
  });
  // the inputs: the submission, the policy version, the completed class, the workers, the certificates
  const types = result.inputEventIds.map((id) => copy.find((e) => e.eventId === id)!.type).sort();
  expect(types).toEqual(
    [
      'CertificateIssued.v1',
      'CertificateIssued.v1',
      'ClaimSubmitted.v1',
      'ClassCompleted.v1',
      'PolicyVersionPublished.v1',
      'WorkerRegistered.v1',
      'WorkerRegistered.v1',
    ].sort(),
  );
  expect(inputIdsOf(ids.claimId, copy).sort()).toEqual([ids.classId, w1, w2].sort());
});

it('facts recorded after the submission are not inputs: a later revocation leaves the recomputation equal', () => {
  const copy = asAuditRecords([...history.events, revocation]);
  expect(recomputeClaim(ids.claimId, copy)).toMatchObject({ recomputedFen: 256_000, equal: true });
});

it('a certificate revoked before the submission that the claim still paid: the difference to the fen, per line', () => {
  const result = recomputeClaim(ids.claimId, withBefore('ClaimSubmitted.v1', revocation));
  expect(result).toMatchObject({
    recordedFen: 256_000,
    recomputedFen: 136_000,
    paidFen: 256_000,
    differenceFen: -120_000,
    equal: false,
    lineDifferences: [
      { workerId: w2, rule: 'subsidies.perDayTraining', recordedFen: 120_000, recomputedFen: 0 },
    ],
  });
});

it('a reversal after payment: paid less than due, reported to the fen', () => {
  const copy = asAuditRecords([
    ...history.events,
    {
      service: 'fund-ledger',
      streamId: `recovery-${ids.claimId}`,
      type: 'PaymentReversed.v1',
      data: { recoveryId: 'r-1', claimId: ids.claimId, paymentId: ids.paymentId, amountFen: 1_234 },
    },
  ]);
  expect(recomputeClaim(ids.claimId, copy)).toMatchObject({
    paidFen: 254_766,
    differenceFen: 1_234,
    equal: false,
  });
});

it('a policy version published before the submission with other rates is the one the recomputation uses', () => {
  const policy = history.events[0];
  const newer: SourceEvent = {
    ...policy,
    streamId: 'policy-version-newer',
    data: {
      ...policy.data,
      versionId: '11111111-1111-4111-8111-111111111111',
      effectiveFrom: '2019-01-01',
      publishedAt: '2019-01-01T00:00:00.000Z',
      parameters: {
        subsidies: {
          perDayTraining: { tiers: [{ fromDay: 1, toDay: 15, amountFen: 10_000 }], maxDays: 15 },
          tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.2, employmentWithinMonths: 3 },
        },
      },
    },
  };
  // published after the submission: not known to the claim, not used
  expect(recomputeClaim(ids.claimId, asAuditRecords([...history.events, newer])).equal).toBe(true);
  // published before it: the claim should have used it (22 days × 100 ¥ × 0.8)
  const result = recomputeClaim(ids.claimId, withBefore('ClaimSubmitted.v1', newer));
  expect(result).toMatchObject({
    recomputedFen: 176_000,
    differenceFen: 176_000 - 256_000,
    policyVersionIdsUsed: ['11111111-1111-4111-8111-111111111111'],
    equal: false,
  });
});

it('refuses a kind computed from what the claimant supplied, and a claim the copy does not hold', () => {
  const copy = asAuditRecords(
    history.events.map((e) =>
      e.type === 'ClaimSubmitted.v1' ? { ...e, data: { ...e.data, kind: 'work_based_training' } } : e,
    ),
  );
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('expected a refusal');
  };
  expect(refusal(() => recomputeClaim(ids.claimId, copy)).code).toBe('AUDIT.RECOMPUTE_INPUTS_NOT_RECORDED');
  expect(refusal(() => recomputeClaim(ids.classId, copy)).code).toBe('AUDIT.NOT_IN_COPY');
});

it('the employment tranche recomputes equal with the employment record; without it, the difference is its amount', () => {
  const tranche = history.employmentTranche;
  const copy = asAuditRecords([...history.events, ...tranche.events]);
  const result = recomputeClaim(tranche.claimId, copy);
  expect(result).toMatchObject({
    tranche: 'employment',
    recordedFen: 34_000,
    recomputedFen: 34_000,
    paidFen: 0,
  });
  // not paid yet: all of it is still due
  expect([result.differenceFen, result.equal]).toEqual([34_000, false]);
  expect(result.inputEventIds).toContain(copy.find((e) => e.type === 'EmploymentRecorded.v1')!.eventId);
  // had the employment not been recorded by the submission, nothing would have been due
  const refused = (() => {
    try {
      recomputeClaim(tranche.claimId, asAuditRecords([...history.events, tranche.events[1]]));
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('expected a refusal');
  })();
  expect(refused.code).toBe('CLAIM.NOTHING_TO_CLAIM');
});
