// The parameter set is a contract (proto/jineng/subsidy/v1/policy_parameters.proto): what the gateway
// and the service check before any rule runs, each violation with the path of the bad parameter.
import { validateContract } from '@jineng/contracts';

const draft = (parameters: unknown) => ({
  jurisdiction: '140800',
  effectiveFrom: '2030-01-01',
  title: '测试',
  document: { title: '通知', issuer: '运城市人民政府' },
  parameters,
});

const violations = (parameters: unknown) => {
  const result = validateContract('jineng.subsidy.v1.DraftPolicyVersion', draft(parameters));
  return result.ok ? [] : result.violations.map((v) => [v.path, v.reasonEn]);
};

describe('the parameter contract', () => {
  it('refuses a share above 1, naming its path', () => {
    expect(violations({ classOpening: { minPracticalShare: 1.01 } })).toEqual([
      ['parameters.classOpening.minPracticalShare', 'must be at most 1'],
    ]);
  });

  it('refuses a negative or fractional amount of fen', () => {
    expect(
      violations({
        subsidies: { livingAllowance: { rates: [{ perDayFen: -1, eligibleCategories: ['poor_labour'] }] } },
      }),
    ).toEqual([['parameters.subsidies.livingAllowance.rates[0].perDayFen', expect.stringContaining('0')]]);
    expect(violations({ subsidies: { jobReferralAwardFen: 12.5 } })).toEqual([
      ['parameters.subsidies.jobReferralAwardFen', 'must be an integer'],
    ]);
  });

  it('refuses the parameters issue 10 removed: the duplicated limits and the misread ones', () => {
    expect(
      violations({
        trainees: { maxSubsidizedTrainingsPerYear: 3, trainWithoutWorkAbilityOrWishAllowed: false },
        claims: { maxSubsidiesPerWorkerPerYear: 3 },
        assessment: { ownEvaluationBodyMinStaff: 300 },
      }).map(([path]) => path),
    ).toEqual(
      expect.arrayContaining([
        'parameters.trainees.maxSubsidizedTrainingsPerYear',
        'parameters.trainees.trainWithoutWorkAbilityOrWishAllowed',
        'parameters.claims.maxSubsidiesPerWorkerPerYear',
        'parameters.assessment.ownEvaluationBodyMinStaff',
      ]),
    );
  });

  it('refuses an unknown parameter and an unknown group', () => {
    expect(violations({ classOpening: { maxClasSize: 50 }, bonuses: {} })).toEqual(
      expect.arrayContaining([
        ['parameters.classOpening.maxClasSize', 'is an unknown field: this message has no such field'],
        ['parameters.bonuses', 'is an unknown field: this message has no such field'],
      ]),
    );
  });

  it('refuses a value outside the allowed ones', () => {
    expect(violations({ fundSources: { training: ['lottery_fund'] } })).toEqual([
      ['parameters.fundSources.training[0]', expect.stringContaining('must be one of')],
    ]);
  });

  it('tells "not set" (left out) from 0 and false, which are values', () => {
    expect(
      violations({
        classOpening: { leadWorkingDays: 0 },
        claims: { sameOccupationLevelAgainAllowed: false },
      }),
    ).toEqual([]);
    expect(violations({ classOpening: { leadWorkingDays: null } })).toEqual([
      ['parameters.classOpening.leadWorkingDays', 'must be an integer'],
    ]);
  });
});
