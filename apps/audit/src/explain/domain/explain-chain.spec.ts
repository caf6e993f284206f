// Given a paid claim's events as the audit copy holds them, when a payment or one trainee's line is
// explained, then the chain reaches from the payment to the check-ins and the policy clause, each link
// naming its event id and hash, and what the copy lacks is named as missing.
import { DomainError } from '@jineng/ddd';
import { asAuditRecords, claimHistory, YUNCHENG_PER_DAY_QUOTE } from '../../shared/claim-history.fixture';
import { claimOfPayment, devicesOfCheckIns, explainChain, idsNamedByClaim } from './explain-chain';

const history = claimHistory();
const { ids } = history;
const copy = asAuditRecords(history.events);
const [w1, w2] = ids.workers;

it('explains a payment: payment → commitment → claim and lines → class → check-ins → … → policy clause', () => {
  const claimId = claimOfPayment(ids.paymentId, copy);
  expect(claimId).toBe(ids.claimId);
  const explanation = explainChain({ claimId, paymentId: ids.paymentId, copy });
  expect(explanation).toMatchObject({ claimId: ids.claimId, paymentId: ids.paymentId, missing: [] });
  expect(explanation.paidFen).toBe(history.amountFen);
  expect(explanation.explainedFen).toBe(history.amountFen);
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
  // every link is an event of the copy, with its hash
  for (const link of explanation.links) {
    const event = copy.find((e) => e.eventId === link.eventId)!;
    expect([link.hash, link.type, link.streamVersion]).toEqual([event.hash, event.type, event.streamVersion]);
  }
  expect(explanation.links.filter((l) => l.step === 'check_in')).toHaveLength(3);
  expect(explanation.links.find((l) => l.step === 'check_in')!.facts).toMatchObject({
    deviceId: ids.deviceId,
    distanceMetres: 35,
  });
  const ledger = explanation.links.filter((l) => l.step === 'ledger').map((l) => l.facts);
  expect(ledger).toEqual([
    expect.objectContaining({
      movement: 'earmark',
      fundSource: 'employment_subsidy_fund',
      amountFen: 340_000,
    }),
    expect.objectContaining({
      movement: 'commitment',
      fundSource: 'employment_subsidy_fund',
      amountFen: history.amountFen,
    }),
    expect.objectContaining({
      movement: 'payment',
      fundSource: 'employment_subsidy_fund',
      amountFen: history.amountFen,
    }),
  ]);
  const policy = explanation.links.find((l) => l.step === 'policy_version')!;
  expect(policy.facts).toMatchObject({
    versionId: ids.versionId,
    rules: ['subsidies.perDayTraining'],
    clauses: [{ parameter: 'subsidies.perDayTraining', quotes: [YUNCHENG_PER_DAY_QUOTE] }],
  });
});

it("explains one trainee's line: only that trainee's lines, check-ins, result and certificate", () => {
  const explanation = explainChain({ claimId: ids.claimId, workerId: w2, copy });
  const lines = explanation.links.filter((l) => l.step === 'breakdown_line');
  expect(lines.map((l) => l.workerId)).toEqual([w2]);
  // 10 days at 150 ¥, the 80 % certificate tranche
  expect(lines[0].facts).toMatchObject({
    rule: 'subsidies.perDayTraining',
    days: 10,
    ratePerDayFen: 15_000,
    amountFen: 120_000,
  });
  expect(explanation.explainedFen).toBe(120_000);
  for (const step of ['check_in', 'assessment_result', 'certificate'] as const)
    expect(explanation.links.filter((l) => l.step === step).map((l) => l.workerId)).toEqual([w2]);
  const completed = explanation.links.find((l) => l.step === 'class' && l.type === 'ClassCompleted.v1')!;
  expect(completed.facts.trainees).toEqual([expect.objectContaining({ workerId: w2, daysAttended: 10 })]);
  // trainee 1 worked 12 days: two tiers, capped by nothing
  const first = explainChain({ claimId: ids.claimId, workerId: w1, copy });
  expect(
    first.links.filter((l) => l.step === 'breakdown_line').map((l) => [l.facts.days, l.facts.amountFen]),
  ).toEqual([
    [10, 120_000],
    [2, 16_000],
  ]);
});

it('names the steps the copy holds no event for: an unpaid claim, a class without inspection', () => {
  const unpaid = copy.filter(
    (e) =>
      !['PaymentBatchIssued.v1', 'PaymentSettled.v1', 'ClaimPaid.v1', 'InspectionRecorded.v1'].includes(
        e.type,
      ),
  );
  const explanation = explainChain({ claimId: ids.claimId, copy: unpaid });
  expect(explanation.missing).toEqual(['payment', 'inspection']);
  expect(explanation.paidFen).toBe(0);
  expect(explanation.paymentId).toBeUndefined();
});

it('reads the ids of the next rounds from the claim and the check-ins', () => {
  expect(idsNamedByClaim(ids.claimId, copy).sort()).toEqual(
    [ids.classId, w1, w2, ...ids.certificates, ids.versionId].sort(),
  );
  expect(devicesOfCheckIns(copy)).toEqual([ids.deviceId]);
});

it('refuses a payment or claim the copy does not hold', () => {
  const error = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('expected an error');
  };
  expect(error(() => claimOfPayment('00000000-0000-4000-8000-000000000000', copy)).code).toBe(
    'AUDIT.NOT_IN_COPY',
  );
  expect(error(() => explainChain({ claimId: ids.paymentId, copy })).code).toBe('AUDIT.NOT_IN_COPY');
});

it('the employment tranche reaches the employment record; unpaid, its payment is missing', () => {
  const tranche = history.employmentTranche;
  const withTranche = asAuditRecords([...history.events, ...tranche.events]);
  const explanation = explainChain({ claimId: tranche.claimId, copy: withTranche });
  // 20 % of trainee 1's 1 700 ¥; trainee 2 has no employment within the window
  expect(tranche.amountFen).toBe(34_000);
  expect(explanation.explainedFen).toBe(34_000);
  expect(explanation.links.filter((l) => l.step === 'breakdown_line').map((l) => l.workerId)).toEqual([
    w1,
    w1,
  ]);
  const employment = explanation.links.filter((l) => l.step === 'employment');
  expect(employment.map((l) => [l.type, l.workerId, l.facts.employmentId, l.facts.evidenceKind])).toEqual([
    ['EmploymentRecorded.v1', w1, tranche.employmentId, 'labour_contract'],
  ]);
  expect(explanation.missing).toEqual(['payment', 'commitment']);
});
