// The five seeds resolved together: before, inside and after each validity window; each parameter of
// issue 10 in force in the jurisdictions whose documents set it and "not set" elsewhere.
import { livingAllowanceFor } from '@jineng/subsidy-computation';
import type { ParameterPath } from '@jineng/subsidy-computation';
import { lookupParameter, resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';
import { POLICY_SEEDS } from './policy-seeds';
import { seedVersionId } from './seed-ids';

const published: PublishedVersion[] = POLICY_SEEDS.map((seed) => ({
  ...seed,
  versionId: seedVersionId(seed.key),
  publishedAt: '2026-01-01T00:00:00.000Z',
}));
const id = seedVersionId;

/** A county of each seed city (济源 is county-level itself), and its city's seed. */
const PLACES = {
  yuncheng: { county: '140802', seed: 'yuncheng-2018' },
  jincheng: { county: '140502', seed: 'jincheng-2020' },
  guigang: { county: '450802', seed: 'guigang-2019' },
  jiyuan: { county: '419001', seed: 'jiyuan-2021' },
  qujing: { county: '530302', seed: 'qujing-2019' },
} as const;
type City = keyof typeof PLACES;

describe.each<[City, string, string | undefined]>([
  ['yuncheng', '2018-03-29', '2022-12-31'],
  ['jincheng', '2020-01-01', '2021-12-31'],
  ['guigang', '2019-11-01', '2021-12-31'],
  ['qujing', '2019-09-29', '2021-12-31'],
])('the %s seed, in force from %s to %s', (city, from, until) => {
  const { county, seed } = PLACES[city];
  const on = (date: string) => resolvePolicy(county, date, published);
  const dayBefore = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
  const dayAfter = (date: string) => new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);

  it('is not in force the day before', () => {
    expect(on(dayBefore(from)).versionIdsUsed).toEqual([]);
  });

  it('is in force on its first and last days', () => {
    expect(on(from).versionIdsUsed).toEqual([id(seed)]);
    expect(on(until!).versionIdsUsed).toEqual([id(seed)]);
  });

  it('is not in force the day after: nothing resolves from the expired plan, and the answer says it ended', () => {
    const after = on(dayAfter(until!));
    expect(after.versionIdsUsed).toEqual([]);
    expect(after.parameters).toEqual({});
    expect(after.ended.map((v) => [v.versionId, v.effectiveUntil])).toEqual([[id(seed), until]]);
  });
});

it('Jiyuan’s plan states no end: still in force years later', () => {
  expect(resolvePolicy('419001', '2030-01-01', published).versionIdsUsed).toEqual([id('jiyuan-2021')]);
});

it('after Guigang’s plan, a parameter resolves from the region where it sets one', () => {
  const guangxi: PublishedVersion = {
    versionId: 'guangxi-2019',
    jurisdiction: '450000',
    effectiveFrom: '2019-01-01',
    publishedAt: '2026-02-01T00:00:00.000Z',
    parameters: { reporting: { monthlyReportDueDay: 10 } },
  };
  const both = [...published, guangxi];
  expect(resolvePolicy('450802', '2021-12-31', both).parameters.reporting?.monthlyReportDueDay).toBe(5);
  const after = resolvePolicy('450802', '2022-01-01', both);
  expect(after.parameters.reporting?.monthlyReportDueDay).toBe(10);
  expect(after.versionIdsUsed).toEqual(['guangxi-2019']);
});

it("shows Jincheng's assumed start with each parameter that comes from it", () => {
  const resolved = resolvePolicy('140502', '2020-06-01', published);
  const source = resolved.sources.find((s) => s.parameter === 'assessment.ownEvaluationBody');
  expect(source?.assumptions).toEqual([
    expect.objectContaining({ about: 'effectiveFrom', assumed: '2020-01-01' }),
  ]);
  expect(source?.quotes?.[0]).toContain('凡是职工达到300人以上');
});

describe('the parameters of issue 10, on 2021-06-01 (every seed in force)', () => {
  const on = (city: City) => resolvePolicy(PLACES[city].county, '2021-06-01', published);
  const ALL: readonly City[] = ['yuncheng', 'jincheng', 'guigang', 'jiyuan', 'qujing'];

  it.each<[ParameterPath, readonly City[]]>([
    ['classOpening.enterpriseCentreOwnStaffOnly', ['jiyuan', 'qujing']],
    ['trainees.localTiesAnyOf', ['qujing']],
    ['trainees.monthlyPensionRecipientsExcluded', ['qujing']],
    ['trainees.employmentDifficulty', ['qujing']],
    ['trainees.registry', ['jincheng']],
    ['assessment.trainingCertificate', ['jiyuan']],
    ['assessment.ownEvaluationBody', ['jincheng']],
    ['subsidies.livingAllowance', ['guigang', 'qujing']],
    ['subsidies.selfChosenTraining', ['qujing']],
    ['subsidies.freeTraining', ['jincheng', 'jiyuan', 'qujing']],
    ['subsidies.smallMicroNewHire', ['yuncheng']],
    ['subsidies.skillEvaluation', []],
    ['subsidies.trainingVouchers', []],
    ['claims.yearlySubsidyLimit', ['qujing']],
    ['claims.sameOccupationLevelAgainAllowed', ['qujing']],
    ['fundSources.skillEvaluation', ['yuncheng']],
    ['fundSources.limits', ['yuncheng', 'jiyuan']],
  ])('%s is set in %j and not set elsewhere', (parameter, cities) => {
    const [group, field] = parameter.split('.') as [never, never];
    for (const city of ALL) {
      const lookup = lookupParameter(on(city), group, field);
      expect({ city, set: lookup.set }).toEqual({ city, set: cities.includes(city) });
      if (lookup.set) expect(lookup.versionId).toBe(id(PLACES[city].seed));
    }
  });

  it.each<[ParameterPath, readonly City[]]>([
    ['subsidies.skillEvaluation', ['yuncheng', 'guigang']],
    ['subsidies.trainingVouchers', ['yuncheng', 'guigang']],
    ['subsidies.jobReferralAwardFen', ['yuncheng']],
  ])('%s is named without its value in %j', (parameter, cities) => {
    for (const city of ALL) {
      const named = on(city).namedWithoutValue.find((n) => n.parameter === parameter);
      expect({ city, named: named?.versionId }).toEqual({
        city,
        named: cities.includes(city) ? id(PLACES[city].seed) : undefined,
      });
    }
  });

  it('keeps the trainee-opening and claim limits apart: no trainee parameter is a subsidy count', () => {
    const qujing = on('qujing');
    expect(qujing.parameters.claims?.yearlySubsidyLimit).toEqual({ maxPerWorker: 3, inPrinciple: true });
    expect(Object.keys(qujing.parameters.trainees ?? {})).toEqual([
      'localTiesAnyOf',
      'monthlyPensionRecipientsExcluded',
      'employmentDifficulty',
    ]);
  });

  it('pays Guigang’s 50 ¥ only in free training to its two groups; the other groups get 广西’s rate, not set', () => {
    const guigang = on('guigang');
    expect(
      livingAllowanceFor(guigang, { categories: ['rural_entrepreneur_leader'], freeTraining: true }),
    ).toMatchObject({ kind: 'per_day', perDayFen: 5_000 });
    expect(
      livingAllowanceFor(guigang, { categories: ['urban_subsistence_family'], freeTraining: true }).kind,
    ).toBe('amount_not_set');
    expect(livingAllowanceFor(guigang, { categories: ['poor_labour'], freeTraining: false }).kind).toBe(
      'amount_not_set',
    );
    expect(
      livingAllowanceFor(on('qujing'), { categories: ['rural_two_after'], freeTraining: false }),
    ).toMatchObject({
      kind: 'per_day',
      perDayFen: 6_000,
      rate: { frontedByInstitution: true, claimedWithTrainingSubsidy: true },
    });
  });
});
