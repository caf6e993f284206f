import { checkPolicyParameters } from './check-policy-parameters';

const paths = (parameters: Parameters<typeof checkPolicyParameters>[0], jurisdiction = '450800') =>
  checkPolicyParameters(parameters, jurisdiction).map((v) => v.path);

describe('content rules of a parameter set', () => {
  it('accepts an empty set: nothing set is a valid version', () => {
    expect(checkPolicyParameters({}, '450800')).toEqual([]);
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
          livingAllowance: {
            rates: [{ perDayFen: 6_000, eligibleCategories: ['poor_labour', 'poor_labour'] }],
          },
        },
        fundSources: { training: ['employment_subsidy_fund', 'employment_subsidy_fund'] },
      }),
    ).toEqual([
      'parameters.subsidies.livingAllowance.rates[0].eligibleCategories[1]',
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

describe('content rules of the readings of issue 10', () => {
  const rate = (over: object) => ({
    subsidies: { livingAllowance: { rates: [{ eligibleCategories: ['poor_labour' as const], ...over }] } },
  });

  it('gives a living allowance rate exactly one amount: its own, or a level above’s', () => {
    expect(paths(rate({ perDayFen: 5_000 }))).toEqual([]);
    expect(paths(rate({ rateOf: '450000' }))).toEqual([]);
    expect(paths(rate({}))).toEqual(['parameters.subsidies.livingAllowance.rates[0]']);
    expect(paths(rate({ perDayFen: 5_000, rateOf: '450000' }))).toEqual([
      'parameters.subsidies.livingAllowance.rates[0]',
    ]);
  });

  it('defers a rate only to a level above the version’s', () => {
    expect(paths(rate({ rateOf: '450800' }))).toEqual([
      'parameters.subsidies.livingAllowance.rates[0].rateOf',
    ]);
    expect(paths(rate({ rateOf: '140000' }))).toEqual([
      'parameters.subsidies.livingAllowance.rates[0].rateOf',
    ]);
    expect(paths(rate({ rateOf: '450000' }), '450802')).toEqual([]);
  });

  it('wants both ages of older unemployed persons, and a registry age range that is one', () => {
    expect(paths({ trainees: { employmentDifficulty: { olderUnemployedMenMinAge: 50 } } })).toEqual([
      'parameters.trainees.employmentDifficulty',
    ]);
    expect(
      paths({ trainees: { registry: { minAge: 60, maxAge: 16, categories: ['rural_labour'] } } }),
    ).toEqual(['parameters.trainees.registry.maxAge']);
  });

  it('wants free training for listed categories or for groups as the document names them', () => {
    expect(paths({ subsidies: { freeTraining: { groupsAsNamed: '十类重点就业群体' } } })).toEqual([]);
    expect(paths({ subsidies: { freeTraining: { requiresPublicTender: true } } })).toEqual([
      'parameters.subsidies.freeTraining',
    ]);
  });

  it('makes an exception only for a kind that is refused', () => {
    expect(
      paths({
        assessment: {
          trainingCertificate: {
            notAcceptedFor: ['qualification', 'skill_level'],
            temporaryException: { acceptedFor: ['skill_level', 'special_ability'] },
          },
        },
      }),
    ).toEqual(['parameters.assessment.trainingCertificate.temporaryException.acceptedFor[1]']);
  });

  it('limits a fund source once, with a use or an exclusion', () => {
    expect(
      paths({
        fundSources: {
          limits: [
            { fundSource: 'unemployment_insurance_fund', onlyFor: [{ traineeCategories: ['unemployed'] }] },
            { fundSource: 'unemployment_insurance_fund', excludedTrainees: ['no_work_wish'] },
            { fundSource: 'skills_upgrading_account' },
          ],
        },
      }),
    ).toEqual(['parameters.fundSources.limits[1].fundSource', 'parameters.fundSources.limits[2]']);
  });
});
