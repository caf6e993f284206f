// Explain, replay and recompute on real PostgreSQL and NATS: a paid claim's history published by the
// services' own stores and relays (audit-service.fixture.ts) reaches the audit copy; an auditor asks
// for the chain behind the payment, the claim as of a moment, and its re-computation — each answered
// from the copy, with the hashes the sources computed.
import type { auditV1 } from '@jineng/contracts';
import type { ReceivedDomainError } from '@jineng/ddd';
import type { RecordedEvent } from '@jineng/event-store';
import type { Principal } from '@jineng/messaging';
import { eventually } from '@jineng/testing';
import { AuditTestService, type SourceService } from '../audit-service.fixture';
import { claimHistory } from '../shared/claim-history.fixture';

const AUDITOR_YUNCHENG: Principal = { userId: 'auditor-yc', roles: ['auditor'], jurisdiction: '140800' };
const AUDITOR_YANHU: Principal = { userId: 'auditor-yh', roles: ['auditor'], jurisdiction: '140802' };
const AUDITOR_TAIYUAN: Principal = { userId: 'auditor-ty', roles: ['auditor'], jurisdiction: '140100' };
const OFFICER: Principal = { userId: 'officer-yc', roles: ['county_officer'], jurisdiction: '140800' };

const history = claimHistory();
const { ids } = history;
let audit: AuditTestService;
const published: RecordedEvent[] = [];

beforeAll(async () => {
  audit = await AuditTestService.start('audit_explain');
  const sources = new Map<string, SourceService>();
  for (const service of new Set(history.events.map((e) => e.service)))
    sources.set(service, await audit.source(service));
  for (const event of history.events) {
    const jurisdiction = event.type === 'PolicyVersionPublished.v1' ? '140800' : '140802';
    published.push(
      ...(await sources
        .get(event.service)!
        .append(event.streamId, [{ type: event.type, data: event.data as never }], {
          jurisdiction,
          actor: { userId: `system:${event.service}`, roles: ['system'] },
        })),
    );
  }
  await eventually(
    async () => {
      const { rows } = await audit.db.pool.query(
        `select count(*)::int as n from "${audit.schema}".audit_events`,
      );
      expect(rows[0].n).toBe(published.length);
    },
    { timeoutMs: 30_000 },
  );
}, 90_000);

afterAll(async () => {
  await audit?.dispose();
});

const ask = <R>(name: string, principal: Principal, payload: object) =>
  audit.query<R>(name, principal, payload);
const rejection = async (promise: Promise<unknown>): Promise<ReceivedDomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as ReceivedDomainError;
  }
  throw new Error('expected a rejection');
};

it('explains a payment from the copy: every step of the chain, each link the source event with its hash', async () => {
  const explanation = await ask<auditV1.Explanation>('ExplainPayment', AUDITOR_YUNCHENG, {
    paymentId: ids.paymentId,
  });
  expect(explanation).toMatchObject({
    claimId: ids.claimId,
    paymentId: ids.paymentId,
    paidFen: history.amountFen,
    explainedFen: history.amountFen,
    missing: [],
  });
  expect([...new Set(explanation.links.map((l) => l.step))]).toEqual([
    'payment',
    'commitment',
    'claim',
    'breakdown_line',
    'class',
    'check_in',
    'device',
    'inspection',
    'assessment_result',
    'certificate',
    'ledger',
    'policy_version',
  ]);
  for (const link of explanation.links) {
    const source = published.find((e) => e.id === link.eventId)!;
    expect([link.hash, link.streamId, link.streamVersion, link.recordedAt]).toEqual([
      source.hash,
      source.streamId,
      source.version,
      source.recordedAt.toISOString(),
    ]);
  }
  const checkIns = explanation.links.filter((l) => l.step === 'check_in');
  expect(checkIns.map((l) => l.facts.deviceId)).toEqual([ids.deviceId, ids.deviceId, ids.deviceId]);
});

it("explains one trainee's line of the claim, for a county auditor too", async () => {
  const [, w2] = ids.workers;
  const explanation = await ask<auditV1.Explanation>('ExplainPayment', AUDITOR_YANHU, {
    claimId: ids.claimId,
    workerId: w2,
  });
  expect(explanation.explainedFen).toBe(120_000);
  expect(explanation.links.filter((l) => l.step === 'breakdown_line').map((l) => l.workerId)).toEqual([w2]);
  expect(explanation.links.filter((l) => l.step === 'check_in').map((l) => l.workerId)).toEqual([w2]);
  // the city's policy version is read for the county's claim
  expect(explanation.links.find((l) => l.step === 'policy_version')?.facts.versionId).toBe(ids.versionId);
});

it('replays the claim as of a moment from the copy', async () => {
  const recorded = (type: string) => published.find((e) => e.type === type)!.recordedAt.getTime();
  const between = new Date(
    Math.floor((recorded('ClaimNoticePublished.v1') + recorded('ClaimApproved.v1')) / 2),
  ).toISOString();
  expect(recorded('ClaimApproved.v1')).toBeGreaterThan(recorded('ClaimNoticePublished.v1'));
  const onNotice = await ask<auditV1.ClaimAsOf>('ReplayClaim', AUDITOR_YUNCHENG, {
    claimId: ids.claimId,
    asOf: between,
  });
  expect(onNotice.claim).toMatchObject({ status: 'on_notice', secondReviewer: 'officer-b' });
  expect(onNotice.claim?.approvedFen).toBeUndefined();
  expect(onNotice.payments).toEqual([]);
  expect(onNotice.class).toMatchObject({ status: 'completed', checkIns: 3, inspections: 1 });
  const now = await ask<auditV1.ClaimAsOf>('ReplayClaim', AUDITOR_YUNCHENG, {
    claimId: ids.claimId,
    asOf: new Date().toISOString(),
  });
  expect(now.claim).toMatchObject({
    status: 'paid',
    approvedFen: history.amountFen,
    paymentId: ids.paymentId,
  });
  expect(now.payments).toEqual([expect.objectContaining({ paymentId: ids.paymentId, status: 'settled' })]);
  expect(now.certificates.map((c) => c.status)).toEqual(['issued', 'issued']);
});

it('recomputes the paid claim from the copy: equal to the fen', async () => {
  const result = await ask<auditV1.Recomputation>('RecomputeClaim', AUDITOR_YANHU, { claimId: ids.claimId });
  expect(result).toMatchObject({
    recordedFen: history.amountFen,
    recomputedFen: history.amountFen,
    paidFen: history.amountFen,
    differenceFen: 0,
    equal: true,
    lineDifferences: [],
    policyVersionIdsUsed: [ids.versionId],
  });
  expect(result.inputEventIds).toContain(published.find((e) => e.type === 'ClassCompleted.v1')!.id);
});

it('auditors only, within their jurisdiction; a bad request is refused with its reason', async () => {
  const foreign = await rejection(ask('ExplainPayment', AUDITOR_TAIYUAN, { paymentId: ids.paymentId }));
  expect([foreign.code, foreign.category]).toEqual(['AUDIT.NOT_IN_COPY', 'not_found']);
  const officer = await rejection(ask('RecomputeClaim', OFFICER, { claimId: ids.claimId }));
  expect(officer.code).toBe('AUDIT.ROLE_NOT_ALLOWED');
  const neither = await rejection(ask('ExplainPayment', AUDITOR_YUNCHENG, {}));
  expect([neither.code, neither.category]).toEqual(['AUDIT.EXPLAIN_NEEDS_PAYMENT_OR_CLAIM', 'validation']);
  const mismatch = await rejection(
    ask('ExplainPayment', AUDITOR_YUNCHENG, { paymentId: ids.paymentId, claimId: ids.classId }),
  );
  expect(mismatch.code).toBe('AUDIT.PAYMENT_OF_ANOTHER_CLAIM');
  const badTime = await rejection(
    ask('ReplayClaim', AUDITOR_YUNCHENG, { claimId: ids.claimId, asOf: 'yesterday' }),
  );
  expect(badTime.code).toBe('MESSAGING.INVALID_PAYLOAD');
  expect((badTime.details.violations as { path: string }[]).map((v) => v.path)).toEqual(['asOf']);
});
