// Given a paid claim's events in the audit copy, when the claim is replayed as of a moment, then it
// shows the claim, class, certificates and payments as the services had recorded them by then — and
// nothing recorded later.
import { asAuditRecords, claimHistory } from '../../shared/claim-history.fixture';
import { claimAsOf } from './claim-as-of';

const history = claimHistory();
const { ids } = history;
const copy = asAuditRecords(history.events);
const at = (type: string) => copy.find((e) => e.type === type)!;
const justAfter = (type: string) => new Date(Date.parse(at(type).recordedAt) + 1).toISOString();
const justBefore = (type: string) => new Date(Date.parse(at(type).recordedAt) - 1).toISOString();

it('before the claim was submitted: the class as it stood, no claim, no payment', () => {
  const state = claimAsOf(ids.claimId, justBefore('ClaimSubmitted.v1'), copy);
  expect(state.claim).toBeUndefined();
  expect(state.class).toMatchObject({
    classId: ids.classId,
    status: 'completed',
    inspections: 1,
    checkIns: 3,
  });
  expect(state.certificates.map((c) => c.status)).toEqual(['issued', 'issued']);
  expect(state.payments).toEqual([]);
});

it('mid-class: approved, check-ins so far, no certificate yet', () => {
  const state = claimAsOf(ids.claimId, justAfter('InspectionRecorded.v1'), copy);
  expect(state.class).toMatchObject({ status: 'approved', checkIns: 3, inspections: 1 });
  expect(state.class?.daysDelivered).toBeUndefined();
  expect(state.certificates).toEqual([]);
});

it('on notice, then approved, then paid', () => {
  expect(claimAsOf(ids.claimId, justAfter('ClaimNoticePublished.v1'), copy).claim).toMatchObject({
    status: 'on_notice',
    firstReviewer: 'officer-a',
    secondReviewer: 'officer-b',
    notice: { startsOn: '2019-07-03', endsOn: '2019-07-05' },
  });
  const approved = claimAsOf(ids.claimId, justAfter('CommitmentMade.v1'), copy);
  expect(approved.claim).toMatchObject({ status: 'approved', approvedFen: history.amountFen });
  expect(approved.payments).toEqual([]);
  const issued = claimAsOf(ids.claimId, justAfter('PaymentBatchIssued.v1'), copy);
  expect(issued.payments).toEqual([
    expect.objectContaining({ paymentId: ids.paymentId, status: 'issued', amountFen: history.amountFen }),
  ]);
  const paid = claimAsOf(ids.claimId, '2030-01-01T00:00:00Z', copy);
  expect(paid.claim).toMatchObject({ status: 'paid', paymentId: ids.paymentId });
  expect(paid.payments).toEqual([expect.objectContaining({ status: 'settled', settledOn: '2019-07-11' })]);
  expect(paid.lastEventId).toBe(at('ClaimPaid.v1').eventId);
  // the events folded: the claim's and its class's, not the workers', devices' or policy's
  expect(paid.events).toBe(copy.length - 4);
});

it('a revoked certificate shows revoked from the revocation on', () => {
  const [revocation] = asAuditRecords(
    [
      {
        service: 'certification',
        streamId: `certificate-${ids.certificates[1]}`,
        type: 'CertificateRevoked.v1',
        data: {
          certificateId: ids.certificates[1],
          workerId: ids.workers[1],
          classId: ids.classId,
          reason: '代考',
          revokedBy: 'x',
        },
      },
    ],
    '2031-01-01T00:00:00.000Z',
  );
  const withRevocation = [...copy, revocation];
  expect(
    claimAsOf(ids.claimId, '2030-12-31T00:00:00Z', withRevocation).certificates.map((c) => c.status),
  ).toEqual(['issued', 'issued']);
  expect(
    claimAsOf(ids.claimId, '2031-01-02T00:00:00Z', withRevocation).certificates.map((c) => c.status),
  ).toEqual(['issued', 'revoked']);
});
