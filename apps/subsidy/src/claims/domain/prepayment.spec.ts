// Prepayment (预拨) and its settlement, against the Qujing seed (clause 二十: 「…可先行拨付50%的培训补贴资金」):
// given the policy in force and an approved class, when a prepayment is computed, then it is the share of
// the class estimate per trainee on the roster, with the clause; when the final claim is computed, the
// prepayment is one line of its own and the lines still add up; prepaid beyond the final amount is
// what is recovered.
import { DomainError } from '@jineng/ddd';
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';
import { POLICY_SEEDS } from '../../policy/seeds/policy-seeds';
import { seedVersionId } from '../../policy/seeds/seed-ids';
import { policyCategoriesOf, type CompletedClassFacts, type WorkerFacts } from '@jineng/subsidy-computation';
import { computeClaim } from '@jineng/subsidy-computation';
import { computePrepayment, type ApprovedClassFacts, type PrepaymentInput } from './prepayment';

const published: PublishedVersion[] = POLICY_SEEDS.map((seed) => ({
  ...seed,
  versionId: seedVersionId(seed.key),
  publishedAt: '2026-01-01T00:00:00.000Z',
}));
const policyOf = (jurisdiction: string, date: string) => resolvePolicy(jurisdiction, date, published);
const w = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const QUJING_COUNTY = '530302';

const approvedClass = (overrides: Partial<ApprovedClassFacts> = {}): ApprovedClassFacts => ({
  classId: 'c0000000-0000-4000-8000-000000000009',
  jurisdictionCode: QUJING_COUNTY,
  trainingType: 'pre_job',
  mode: 'self_run',
  fundSource: 'employment_subsidy_fund',
  startDate: '2020-03-02',
  endDate: '2020-03-06',
  plannedHeadcount: 3,
  workerIds: [w(1), w(2), w(3)],
  ...overrides,
});

const workers = (categories: Record<string, [string, string[]]>): Map<string, WorkerFacts> =>
  new Map(
    Object.entries(categories).map(([id, [category, groups]]) => [
      id,
      { workerId: id, categories: policyCategoriesOf(category, groups) },
    ]),
  );

const prepay = (overrides: Partial<PrepaymentInput> = {}) => {
  const cls = overrides.class ?? approvedClass();
  return computePrepayment({
    kind: 'flat_per_person',
    policy: policyOf(cls.jurisdictionCode, cls.startDate),
    class: cls,
    claimantKind: 'enterprise',
    workers: new Map(),
    ...overrides,
  });
};

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('prepayment (预拨), Qujing 2019 clause (二十)', () => {
  it('an enterprise’s planned pre-job class: 50 % of the 800 ¥ estimate per trainee on the roster, with the clause', () => {
    const result = prepay();
    expect(result.tranche).toBe('prepayment');
    expect(result.totalFen).toBe(3 * 40_000);
    expect(result.lines.map((l) => l.workerId)).toEqual([w(1), w(2), w(3)]);
    for (const line of result.lines) {
      expect(line).toMatchObject({
        rule: 'subsidies.prepayment',
        amountFen: 40_000,
        baseFen: 80_000,
        share: '0.5',
      });
      expect(line.policyVersionId).toBe(seedVersionId('qujing-2019'));
      expect(line.clause.join('')).toContain('可先行拨付50%的培训补贴资金');
    }
    expect(result.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(result.totalFen);
  });

  it('tendered project training of an institution: the tendered price, only the categories the clause names', () => {
    const cls = approvedClass({ trainingType: 'project_based', mode: 'commissioned' });
    const result = prepay({
      class: cls,
      claimantKind: 'institution',
      kind: 'free_training',
      tender: { reference: 'QJ-ZB-2020-007', pricePerTraineeFen: 150_001 },
      workers: workers({
        [w(1)]: ['rural_labour', ['poor_labour']],
        [w(2)]: ['urban_labour', []],
        [w(3)]: ['veteran', []],
      }),
    });
    // 1 500.01 ¥ × 0.5 = 750.005 ¥: integer fen by the kernel's rounding, the same on every line
    expect(result.workerIds).toEqual([w(1), w(3)]);
    expect(result.lines[0]).toMatchObject({ baseFen: 150_001, evidence: { reference: 'QJ-ZB-2020-007' } });
    expect(Number.isInteger(result.lines[0].amountFen)).toBe(true);
    expect(Math.abs(result.lines[0].amountFen * 2 - 150_001)).toBeLessThanOrEqual(1);
    expect(result.totalFen).toBe(result.lines[0].amountFen * 2);
    expect(result.excluded).toEqual([
      expect.objectContaining({ workerId: w(2), code: 'CLAIM.NOT_ELIGIBLE', rule: 'subsidies.prepayment' }),
    ]);
  });

  it('refusals name the rule: not the clause’s cases, no tender, not a training subsidy', () => {
    const employmentSkills = refusal(() =>
      prepay({ class: approvedClass({ trainingType: 'employment_skills' }) }),
    );
    expect(employmentSkills.code).toBe('CLAIM.PREPAYMENT_NOT_ELIGIBLE');
    expect(employmentSkills.messageZh).toContain('subsidies.prepayment');
    expect(employmentSkills.messageZh).toContain('可先行拨付50%');
    expect(employmentSkills.messageEn).toContain('this class is employment_skills');

    const selfRun = refusal(() => prepay({ claimantKind: 'institution' }));
    expect(selfRun.code).toBe('CLAIM.PREPAYMENT_NOT_ELIGIBLE');
    expect(selfRun.messageEn).toContain('tendered project training');

    const noTender = refusal(() =>
      prepay({ claimantKind: 'institution', class: approvedClass({ trainingType: 'project_based' }) }),
    );
    expect(noTender.messageEn).toContain('names the tender');

    expect(refusal(() => prepay({ claimantKind: 'worker' })).code).toBe('CLAIM.PREPAYMENT_NOT_ELIGIBLE');
    expect(refusal(() => prepay({ kind: 'living_allowance' })).messageEn).toContain('not one');
  });

  it('a policy that does not set subsidies.prepayment refuses with the parameter named, never a default', () => {
    const yuncheng = approvedClass({
      jurisdictionCode: '140802',
      startDate: '2019-06-03',
      endDate: '2019-06-14',
    });
    const error = refusal(() => prepay({ class: yuncheng }));
    expect(error.code).toBe('POLICY.PARAMETER_NOT_SET');
    expect(error.messageEn).toContain('subsidies.prepayment');
  });
});

describe('settlement of the prepayment on the final claim', () => {
  const completed = (): CompletedClassFacts => ({
    ...approvedClass(),
    institutionId: 'i0000000-0000-4000-8000-000000000001',
    occupationCode: '4-03-02-01',
    level: 5,
    daysDelivered: 5,
    openingDayHeadcount: 3,
    averageRuleApplies: false,
    trainees: [w(1), w(2), w(3)].map((workerId) => ({
      workerId,
      daysAttended: 5,
      sessionsAttended: 10,
      sessionsTotal: 10,
    })),
  });
  const final = (certifiedCount: number, approvedFen: number) => {
    const cls = completed();
    return computeClaim({
      kind: 'flat_per_person',
      tranche: 'whole',
      policy: policyOf(cls.jurisdictionCode, cls.startDate),
      class: cls,
      workers: new Map(),
      certificates: cls.trainees.slice(0, certifiedCount).map((t, i) => ({
        certificateId: `cert-${i}`,
        workerId: t.workerId,
        classId: cls.classId,
        occupationCode: cls.occupationCode,
        level: cls.level,
        kind: 'training_qualified',
        issuedOn: cls.endDate,
        revoked: false,
      })),
      employments: [],
      prepaid: {
        claimId: 'prepay-1',
        approvedFen,
        policyVersionId: seedVersionId('qujing-2019'),
        clause: ['可先行拨付50%的培训补贴资金'],
      },
    });
  };

  it('all three certified: 3 × 800 ¥ less the 1 200 ¥ prepaid, an explicit line; the lines add up', () => {
    const result = final(3, 120_000);
    expect(result.totalFen).toBe(240_000 - 120_000);
    const deduction = result.lines.find((l) => l.rule === 'subsidies.prepayment')!;
    expect(deduction).toMatchObject({ amountFen: -120_000, evidence: { reference: 'prepay-1' } });
    expect(deduction.workerId).toBeUndefined();
    expect(result.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(result.totalFen);
    expect(result.settlement).toEqual({
      prepaymentClaimId: 'prepay-1',
      prepaidFen: 120_000,
      grossFen: 240_000,
      deductedFen: 120_000,
      toRecoverFen: 0,
    });
    expect(result.workerIds).toHaveLength(3);
  });

  it('one certified of three against a prepayment of 1 200 ¥: 800 ¥ deducted, total 0, 400 ¥ to recover', () => {
    const result = final(1, 120_000);
    expect(result.totalFen).toBe(0);
    expect(result.settlement).toMatchObject({ grossFen: 80_000, deductedFen: 80_000, toRecoverFen: 40_000 });
    expect(result.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(0);
  });

  it('the employment tranche and kinds that are not a training subsidy deduct nothing', () => {
    const cls = completed();
    const allowance = computeClaim({
      kind: 'living_allowance',
      tranche: 'whole',
      policy: policyOf(cls.jurisdictionCode, cls.startDate),
      class: cls,
      workers: workers({ [w(1)]: ['rural_labour', ['poor_labour']] }),
      certificates: [],
      employments: [],
      prepaid: { claimId: 'prepay-1', approvedFen: 120_000, policyVersionId: 'x', clause: [] },
    });
    expect(allowance.settlement).toBeUndefined();
    expect(allowance.lines.every((l) => l.amountFen > 0)).toBe(true);
  });
});
