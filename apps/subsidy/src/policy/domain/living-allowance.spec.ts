import { livingAllowanceFor } from '@jineng/subsidy-computation';
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';

const version = (
  versionId: string,
  jurisdiction: string,
  parameters: PublishedVersion['parameters'],
): PublishedVersion => ({
  versionId,
  jurisdiction,
  effectiveFrom: '2019-11-01',
  publishedAt: '2025-01-01T00:00:00.000Z',
  parameters,
});

// Guigang's reading: 50 ¥ in free training for two groups; the groups of §四(四) at 广西's rate
const guigang = version('guigang', '450800', {
  subsidies: {
    livingAllowance: {
      rates: [
        {
          eligibleCategories: ['poor_labour', 'rural_entrepreneur_leader'],
          perDayFen: 5_000,
          includesTransport: true,
          freeTrainingOnly: true,
        },
        { eligibleCategories: ['poor_labour', 'employment_difficulty'], rateOf: '450000' },
      ],
    },
  },
});
const guangxi = version('guangxi', '450000', {
  subsidies: {
    livingAllowance: { rates: [{ eligibleCategories: ['employment_difficulty'], perDayFen: 4_000 }] },
  },
});

describe('the living allowance of a trainee', () => {
  const onlyGuigang = resolvePolicy('450802', '2020-06-01', [guigang]);

  it('is 50 ¥ a day, travel included, for poor labour in free training', () => {
    const answer = livingAllowanceFor(onlyGuigang, { categories: ['poor_labour'], freeTraining: true });
    expect(answer).toMatchObject({
      kind: 'per_day',
      perDayFen: 5_000,
      rate: { includesTransport: true },
      versionId: 'guigang',
      amountOf: '450800',
    });
  });

  it("is the region's rate, not set while the region publishes none, outside free training", () => {
    const answer = livingAllowanceFor(onlyGuigang, { categories: ['poor_labour'], freeTraining: false });
    expect(answer.kind).toBe('amount_not_set');
    expect(answer.kind === 'amount_not_set' && answer.reason.en).toBe(
      "the policy of 450800 pays this trainee's living allowance at the rate of 450000, which no policy in force in 450000 on 2020-06-01 sets",
    );
  });

  it("is the region's rate once the region publishes it", () => {
    const both = resolvePolicy('450802', '2020-06-01', [guigang, guangxi]);
    expect(
      livingAllowanceFor(both, { categories: ['employment_difficulty'], freeTraining: false }),
    ).toMatchObject({
      kind: 'per_day',
      perDayFen: 4_000,
      versionId: 'guigang',
      amountOf: '450000',
    });
    // the region's rates cover only its categories
    expect(livingAllowanceFor(both, { categories: ['poor_labour'], freeTraining: false }).kind).toBe(
      'amount_not_set',
    );
  });

  it('is none for a category no rate covers, and says why', () => {
    const answer = livingAllowanceFor(onlyGuigang, { categories: ['veteran'], freeTraining: true });
    expect(answer.kind).toBe('not_eligible');
  });

  it('is not set where no level sets a living allowance (after the plan ended, too)', () => {
    const after = resolvePolicy('450802', '2022-01-01', [{ ...guigang, effectiveUntil: '2021-12-31' }]);
    const answer = livingAllowanceFor(after, { categories: ['poor_labour'], freeTraining: true });
    expect(answer.kind).toBe('not_set');
    expect(answer.kind === 'not_set' && answer.reason.en).toContain('ended on 2021-12-31');
  });
});
