import { checkPolicyParameters } from './check-policy-parameters';

const paths = (parameters: Parameters<typeof checkPolicyParameters>[0]) =>
  checkPolicyParameters(parameters).map((v) => v.path);

describe('content rules of a parameter set', () => {
  it('accepts an empty set: nothing set is a valid version', () => {
    expect(checkPolicyParameters({})).toEqual([]);
  });

  it('keeps shares to four decimal places (basis points)', () => {
    expect(
      paths({ classOpening: { minPracticalShare: 0.6512, minOpeningDayPresenceShare: 0.65125 } }),
    ).toEqual(['parameters.classOpening.minOpeningDayPresenceShare']);
  });

  it('wants per-day tiers from day 1, without gaps, overlaps or inverted ranges, within the day cap', () => {
    const tiers = (...t: [number, number][]) => ({
      subsidies: {
        perDayTraining: {
          tiers: t.map(([fromDay, toDay]) => ({ fromDay, toDay, amountFen: 100 })),
          maxDays: 15,
        },
      },
    });
    expect(paths(tiers([1, 10], [11, 15]))).toEqual([]);
    expect(paths(tiers([2, 10]))).toEqual(['parameters.subsidies.perDayTraining.tiers[0].fromDay']);
    expect(paths(tiers([1, 10], [12, 15]))).toEqual(['parameters.subsidies.perDayTraining.tiers[1].fromDay']);
    expect(paths(tiers([1, 10], [10, 15]))).toEqual(['parameters.subsidies.perDayTraining.tiers[1].fromDay']);
    expect(paths(tiers([1, 0]))).toEqual(['parameters.subsidies.perDayTraining.tiers[0].toDay']);
    expect(paths(tiers([1, 10], [11, 20]))).toEqual(['parameters.subsidies.perDayTraining.tiers[1].toDay']);
  });

  it('wants tranches that add up to the whole, with a deadline for the employment one', () => {
    expect(
      paths({
        subsidies: {
          tranches: { onCertificateShare: 0.7, onEmploymentShare: 0.3, employmentWithinMonths: 3 },
        },
      }),
    ).toEqual([]);
    expect(paths({ subsidies: { tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.3 } } })).toEqual([
      'parameters.subsidies.tranches.onEmploymentShare',
      'parameters.subsidies.tranches.employmentWithinMonths',
    ]);
    expect(paths({ subsidies: { tranches: { onCertificateShare: 1, onEmploymentShare: 0 } } })).toEqual([]);
  });

  it('lists nothing twice', () => {
    expect(
      paths({
        subsidies: {
          flatPerPerson: [
            { trainingType: 'pre_job', amountFen: 80_000 },
            { trainingType: 'pre_job', amountFen: 50_000 },
          ],
          livingAllowance: { perDayFen: 6_000, eligibleCategories: ['poor_labour', 'poor_labour'] },
        },
        fundSources: { training: ['employment_subsidy_fund', 'employment_subsidy_fund'] },
      }),
    ).toEqual([
      'parameters.subsidies.livingAllowance.eligibleCategories[1]',
      'parameters.fundSources.training[1]',
      'parameters.subsidies.flatPerPerson[1].trainingType',
    ]);
  });

  it('keeps the usual within the maximum, and key-group classes within the class size', () => {
    expect(
      paths({
        classOpening: {
          maxClassSize: 30,
          maxKeyGroupClassSize: 40,
          typicalDurationDays: 20,
          maxDurationDays: 15,
        },
      }),
    ).toEqual([
      'parameters.classOpening.maxKeyGroupClassSize',
      'parameters.classOpening.typicalDurationDays',
    ]);
  });
});
