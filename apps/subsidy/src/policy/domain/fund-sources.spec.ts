import { fundSourcesFor } from './fund-sources';
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';

const version = (jurisdiction: string, fundSources: PublishedVersion['parameters']['fundSources']) => ({
  versionId: `v-${jurisdiction}`,
  jurisdiction,
  effectiveFrom: '2018-03-29',
  publishedAt: '2025-01-01T00:00:00.000Z',
  parameters: { fundSources },
});

// Yuncheng: the unemployment-insurance fund only for the unemployed and enterprise staff's upskilling
const yuncheng = version('140800', {
  training: ['employment_subsidy_fund', 'unemployment_insurance_fund'],
  limits: [
    {
      fundSource: 'unemployment_insurance_fund',
      onlyFor: [
        { traineeCategories: ['unemployed'] },
        { traineeCategories: ['enterprise_staff'], trainingTypes: ['skill_upgrading'] },
      ],
    },
  ],
});
// Jiyuan: the dedicated account never for those with no ability or wish to work
const jiyuan = version('419001', {
  training: ['employment_subsidy_fund', 'skills_upgrading_account'],
  limits: [
    {
      fundSource: 'skills_upgrading_account',
      excludedTrainees: ['no_work_ability', 'no_work_wish', 'cannot_move_into_work'],
    },
  ],
});

describe('the fund sources that may pay a training', () => {
  const inYuncheng = resolvePolicy('140802', '2019-06-01', [yuncheng]);
  const inJiyuan = resolvePolicy('419001', '2021-06-01', [jiyuan]);

  it.each([
    [['unemployed'], undefined, ['employment_subsidy_fund', 'unemployment_insurance_fund']],
    [['enterprise_staff'], 'skill_upgrading', ['employment_subsidy_fund', 'unemployment_insurance_fund']],
    [['enterprise_staff'], 'pre_job', ['employment_subsidy_fund']],
    [['rural_migrant'], 'employment_skills', ['employment_subsidy_fund']],
  ] as const)('in Yuncheng, for %j in %s training: %j', (traineeCategories, trainingType, sources) => {
    const answer = fundSourcesFor(inYuncheng, 'training', {
      traineeCategories,
      ...(trainingType ? { trainingType } : {}),
    });
    expect(answer.set && answer.sources).toEqual(sources);
  });

  it('says why a source is left out', () => {
    const answer = fundSourcesFor(inYuncheng, 'training', { traineeCategories: ['rural_migrant'] });
    expect(answer.set && answer.excluded).toEqual([
      {
        source: 'unemployment_insurance_fund',
        reason: expect.objectContaining({
          en: 'unemployment_insurance_fund pays only for: unemployed; enterprise_staff (skill_upgrading)',
        }),
      },
    ]);
  });

  it("keeps Jiyuan's dedicated account from a trainee found with no wish to work, not the other sources", () => {
    const answer = fundSourcesFor(inJiyuan, 'training', {
      traineeCategories: ['rural_migrant'],
      traineeFindings: ['no_work_wish'],
    });
    expect(answer.set && answer.sources).toEqual(['employment_subsidy_fund']);
    const willing = fundSourcesFor(inJiyuan, 'training', { traineeCategories: ['rural_migrant'] });
    expect(willing.set && willing.sources).toEqual(['employment_subsidy_fund', 'skills_upgrading_account']);
  });

  it('is not set for a kind no level lists sources for', () => {
    expect(fundSourcesFor(inYuncheng, 'livingAllowance', { traineeCategories: ['poor_labour'] }).set).toBe(
      false,
    );
  });
});
