// The whole platform running: every service a process of its own on a bus with identities, driven
// through the gateway only (scripts/demo/whole-flow.ts, the same flow `npm start` loads as demo data).
// One class of 盐湖区 from the institution's listing to the 20 % tranche paid, on a moved clock; then
// the amounts to the fen against Yuncheng's seed rule, the ledger balanced, the claim's timeline in the
// audit copy complete, every service's chain verified against the copy, the payment explained back to
// the trainees' check-ins, and both claims re-computed equal to what was paid.
import { startWholePlatform, PLATFORM_SERVICES, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../scripts/demo/gateway-client';
import {
  FUND_SOURCE,
  YANHU,
  certificateTrancheFen,
  employmentTrancheFen,
  prepareGround,
  runClass,
  type ClassOutcome,
} from '../scripts/demo/whole-flow';
import { eventually } from '@jineng/testing';

let whole: WholePlatform;
let client: GatewayClient;
let outcome: ClassOutcome;

beforeAll(async () => {
  whole = await startWholePlatform('whole_flow_e2e', '2019-08-01T09:00:00+08:00');
  client = new GatewayClient(whole.platform.urls.gateway!, `whole-flow-${whole.db.schema}`);
}, 180_000);

afterAll(async () => {
  await whole?.dispose();
});

it('runs one class from the listing to the 20 % tranche paid, through the gateway only', async () => {
  const started = Date.now();
  const ctx = { client, moveClock: (iso: string) => whole.moveClock(iso) };
  const ground = await prepareGround(ctx, '2019-08-01');
  outcome = await runClass(
    ctx,
    ground,
    { key: 'class A', startDate: '2019-08-12', days: 12, trainees: 3, employed: 2, until: 'tranche-paid' },
    '2019-08-01',
  );
  // both tranches were claimed: two distinct claims
  expect(outcome.claimIds.certificate).toMatch(/^[0-9a-f-]{36}$/);
  expect(outcome.claimIds.employment).toMatch(/^[0-9a-f-]{36}$/);
  expect(outcome.claimIds.employment).not.toBe(outcome.claimIds.certificate);
  console.log(`whole flow: ${Date.now() - started} ms`);
}, 240_000);

it('pays to the fen what Yuncheng’s rule gives: 12 days = 10 × 150 ¥ + 2 × 100 ¥ = 1 700 ¥ a trainee; 80 % on the certificate, 20 % on employment', async () => {
  // 「10天以内每人每天补贴150元,10天以后每人每天补贴100元」 and 「先给予培训机构80%的培训补贴；3个月内实现就业的,再给予20%的培训补贴」
  expect([certificateTrancheFen(12), employmentTrancheFen(12)]).toEqual([136_000, 34_000]);
  const certificate = await client.get('county_officer', `/api/v1/claims/${outcome.claimIds.certificate}`);
  expect(certificate.body.summary).toMatchObject({
    status: 'paid',
    computedFen: 408_000,
    requestedFen: 408_000,
  });
  expect(certificate.body.approvedFen).toBe(408_000);
  expect(certificate.body.computation.workerIds).toHaveLength(3);
  expect(certificate.body.payments).toEqual([
    expect.objectContaining({ outcome: 'paid', amountFen: 408_000 }),
  ]);
  // two of the three trainees were employed within the three months
  const employment = await client.get('county_officer', `/api/v1/claims/${outcome.claimIds.employment}`);
  expect(employment.body.summary).toMatchObject({
    status: 'paid',
    computedFen: 68_000,
    requestedFen: 68_000,
  });
  expect(employment.body.computation.workerIds).toEqual(outcome.workerIds.slice(0, 2));
  expect(employment.body.payments).toEqual([expect.objectContaining({ outcome: 'paid', amountFen: 68_000 })]);
});

it('leaves the ledger balanced: expense equals what was paid, nothing payable, the trial balance zero', async () => {
  const verification = await client.get('finance_officer', '/api/v1/fund-ledger/verification');
  expect(verification.body).toMatchObject({ ok: true, trialBalanceFen: 0, problems: [] });
  const balances = await client.get('finance_officer', `/api/v1/fund-ledger/balances/${YANHU}`);
  const source = balances.body.sources.find((s: { fundSource: string }) => s.fundSource === FUND_SOURCE);
  // 100 000 ¥ allocated to the county; the class earmarked 3 × 1 700 ¥ at its approval; both tranches
  // committed and paid (408 000 + 68 000); the third trainee's 20 % (34 000) is still earmarked
  expect(source).toEqual({
    fundSource: FUND_SOURCE,
    availableFen: 10_000_000 - 3 * 170_000,
    earmarkedFen: 3 * 170_000 - 476_000,
    committedFen: 476_000,
    payableFen: 0,
    expenseFen: 476_000,
  });
});

it('has the claim’s whole timeline in the audit copy, and every service’s chain verified against it', async () => {
  const timeline = await eventually(
    async () => {
      const answer = await client.get(
        'auditor',
        `/api/v1/audit/entities/${outcome.claimIds.certificate}/timeline?pageSize=100`,
      );
      const types = (answer.body.items as { type: string }[]).map((e) => e.type);
      expect(types).toContain('ClaimPaid.v1');
      expect(types).toContain('PaymentSettled.v1');
      return answer.body.items as { type: string; service: string }[];
    },
    { timeoutMs: 30_000 },
  );
  expect(timeline.map((e) => `${e.service}:${e.type}`)).toEqual([
    'subsidy:ClaimSubmitted.v1',
    'subsidy:TraineesNamedInClaim.v1',
    'subsidy:EmploymentTrancheOpened.v1',
    'subsidy:ClaimFirstReviewed.v1',
    'subsidy:ClaimSecondReviewed.v1',
    'subsidy:ClaimNoticePublished.v1',
    'subsidy:ClaimApproved.v1',
    'fund-ledger:CommitmentMade.v1',
    'fund-ledger:PaymentBatchIssued.v1',
    'fund-ledger:PaymentSettled.v1',
    'subsidy:ClaimPaid.v1',
  ]);
  for (const service of PLATFORM_SERVICES.filter((s) => s !== 'audit')) {
    const verification = await client.get('auditor', `/api/v1/audit/verification?service=${service}`);
    expect([service, verification.body]).toEqual([
      service,
      expect.objectContaining({ ok: true, broken: [] }),
    ]);
  }
});

interface Link {
  readonly step: string;
  readonly eventId: string;
  readonly hash: string;
  readonly workerId?: string;
}

it('explains the paid yuan: payment → commitment → claim and its lines → class → check-ins → certificates → policy clause', async () => {
  const explanation = await eventually(
    async () => {
      const answer = await client.get(
        'auditor',
        `/api/v1/audit/claims/${outcome.claimIds.certificate}/explanation`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.paidFen).toBe(certificateTrancheFen(12) * 3);
      return answer.body as { paidFen: number; explainedFen: number; links: Link[]; missing: string[] };
    },
    { timeoutMs: 30_000 },
  );
  expect(explanation.explainedFen).toBe(explanation.paidFen);
  const steps = new Set(explanation.links.map((link) => link.step));
  for (const step of ['payment', 'commitment', 'claim', 'breakdown_line', 'class', 'check_in', 'device'])
    expect([step, steps.has(step)]).toEqual([step, true]);
  for (const step of ['certificate', 'policy_version']) expect([step, steps.has(step)]).toEqual([step, true]);
  expect(explanation.missing).not.toContain('check_in');
  // every link names its event and that event's chain hash
  for (const link of explanation.links) {
    expect(link.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(link.hash).toMatch(/^[0-9a-f]{64}$/);
  }
  // each of the three certified trainees' check-ins are reached
  const checkedIn = new Set(explanation.links.filter((l) => l.step === 'check_in').map((l) => l.workerId));
  expect(checkedIn.size).toBe(3);
});

it('re-computes both claims with the policy and facts they were submitted on: equal to what was paid, to the fen', async () => {
  for (const [claimId, paidFen] of [
    [outcome.claimIds.certificate!, certificateTrancheFen(12) * 3],
    [outcome.claimIds.employment!, employmentTrancheFen(12) * 2],
  ] as const) {
    const answer = await client.get('auditor', `/api/v1/audit/claims/${claimId}/recomputation`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      claimId,
      recordedFen: paidFen,
      recomputedFen: paidFen,
      paidFen,
      differenceFen: 0,
      equal: true,
      lineDifferences: [],
    });
  }
});
