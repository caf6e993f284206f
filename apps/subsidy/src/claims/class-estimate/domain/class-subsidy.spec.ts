// The class estimate behind the earmark: given a class approved by class-ops, when its subsidy is
// estimated by the policy in force at its start, then the fund ledger is told the maximum, with its basis.
import { validateContract } from '@jineng/contracts';
import { DeciderSpecification } from '@jineng/testing';
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';
import { POLICY_SEEDS } from '../../../policy/seeds/policy-seeds';
import { seedVersionId } from '../../../policy/seeds/seed-ids';
import {
  classSubsidyDecider,
  classSubsidyStreamId,
  estimateClassSubsidy,
  onClassApproved,
  readApprovedClass,
  type EstimateClassSubsidy,
} from './class-subsidy';

const published: PublishedVersion[] = POLICY_SEEDS.map((seed) => ({
  ...seed,
  versionId: seedVersionId(seed.key),
  publishedAt: '2026-01-01T00:00:00.000Z',
}));
const policyOn = (jurisdiction: string, date: string) => resolvePolicy(jurisdiction, date, published);
const classId = '5b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e';

const approved = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  classId,
  institutionId: '1b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e',
  jurisdictionCode: '140802',
  occupationCode: '4-03-02-01',
  level: 5,
  trainingType: 'employment_skills',
  startDate: '2019-06-03',
  endDate: '2019-06-14',
  totalHours: 96,
  theoryHours: 30,
  practicalHours: 66,
  mode: 'commissioned',
  keyGroup: false,
  fundSource: 'employment_subsidy_fund',
  plannedHeadcount: 40,
  workerIds: ['w1', 'w2'],
  policyVersionIds: [seedVersionId('yuncheng-2018')],
  approvedBy: 'officer-1',
  ...over,
});

describe('estimateClassSubsidy', () => {
  it('Yuncheng, 12 days: 1 700 ¥ a planned trainee × 40 = 68 000 ¥, with the tiers and the version', () => {
    const estimate = estimateClassSubsidy(readApprovedClass(approved()), policyOn('140802', '2019-06-03'));
    expect(estimate).toEqual({
      classId,
      jurisdictionCode: '140802',
      fundSource: 'employment_subsidy_fund',
      amountFen: 40 * 170_000,
      policyVersionIds: [seedVersionId('yuncheng-2018')],
      basis: {
        rule: 'subsidies.perDayTraining',
        headcount: 40,
        days: 12,
        ratePerDayFen: 15_000,
        tiers: [
          { fromDay: 1, toDay: 10, ratePerDayFen: 15_000, days: 10 },
          { fromDay: 11, toDay: 15, ratePerDayFen: 10_000, days: 2 },
        ],
        perTraineeFen: 170_000,
        maxDays: 15,
        policyDate: '2019-06-03',
      },
    });
    const checked = validateContract('jineng.subsidy.v1.ClassSubsidyEstimated', estimate);
    expect(checked.ok ? [] : checked.violations).toEqual([]);
  });

  it('a 20-day class is estimated on the policy’s 15 days', () => {
    const estimate = estimateClassSubsidy(
      readApprovedClass(approved({ endDate: '2019-06-22' })),
      policyOn('140802', '2019-06-03'),
    );
    expect(estimate.basis).toMatchObject({ days: 15, perTraineeFen: 200_000 });
    expect(estimate.amountFen).toBe(40 * 200_000);
  });

  it('Qujing pre-job training: the flat 800 ¥ a planned trainee', () => {
    const estimate = estimateClassSubsidy(
      readApprovedClass(
        approved({
          jurisdictionCode: '530302',
          startDate: '2020-04-01',
          endDate: '2020-04-05',
          trainingType: 'pre_job',
        }),
      ),
      policyOn('530302', '2020-04-01'),
    );
    expect(estimate).toMatchObject({
      amountFen: 40 * 80_000,
      basis: { rule: 'subsidies.flatPerPerson', perTraineeFen: 80_000 },
    });
  });

  it('no training subsidy of the policy applies (Jiyuan): 0, with the reason, never a default', () => {
    const estimate = estimateClassSubsidy(
      readApprovedClass(
        approved({ jurisdictionCode: '419001', startDate: '2021-06-01', endDate: '2021-06-10' }),
      ),
      policyOn('419001', '2021-06-01'),
    );
    expect(estimate.amountFen).toBe(0);
    expect(estimate.policyVersionIds).toEqual([]);
    expect(estimate.basis.rule).toBe('none');
    expect(estimate.basis.reason?.en).toContain('sets neither a per-day subsidy');
  });

  it('a roster larger than planned counts the roster', () => {
    const estimate = estimateClassSubsidy(
      readApprovedClass(approved({ plannedHeadcount: 1 })),
      policyOn('140802', '2019-06-03'),
    );
    expect(estimate.basis.headcount).toBe(2);
  });

  it('a malformed approval fails naming the field', () => {
    expect(() => readApprovedClass(approved({ plannedHeadcount: '40' }))).toThrow('plannedHeadcount');
    expect(() => readApprovedClass(approved({ startDate: undefined }))).toThrow('startDate');
  });
});

describe('onClassApproved (the process manager)', () => {
  it('answers one command on the class’s subsidy stream, the same for the same event', () => {
    const first = onClassApproved(approved(), policyOn);
    expect(first).toEqual([
      {
        streamId: classSubsidyStreamId(classId),
        command: { type: 'EstimateClassSubsidy', data: expect.objectContaining({ amountFen: 6_800_000 }) },
      },
    ]);
    expect(onClassApproved(approved(), policyOn)).toEqual(first);
  });
});

describe('classSubsidyDecider', () => {
  const spec = DeciderSpecification.for(classSubsidyDecider);
  const command = (): EstimateClassSubsidy => ({
    type: 'EstimateClassSubsidy',
    data: estimateClassSubsidy(readApprovedClass(approved()), policyOn('140802', '2019-06-03')),
    metadata: {
      commandId: '00000000-0000-4000-8000-000000000001',
      actor: { userId: 'system:subsidy-claims', roles: ['system'] },
      jurisdiction: '140802',
      now: '2019-05-30T01:00:00.000Z',
      correlationId: '00000000-0000-4000-8000-000000000002',
    },
  });

  it('given nothing, when estimated, then ClassSubsidyEstimated', () => {
    spec.given().when(command()).then({ type: 'ClassSubsidyEstimated.v1', data: command().data });
  });

  it('given an estimate, when estimated again, then nothing', () => {
    spec
      .given({ type: 'ClassSubsidyEstimated.v1', data: command().data })
      .when(command())
      .thenNothingHappened();
  });
});
