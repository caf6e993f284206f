import { PARAMETERS } from '@jineng/subsidy-computation';
import { PolicyParameterNotSet } from '@jineng/subsidy-computation';
import {
  lookupParameter,
  requireParameter,
  resolvePolicy,
  supersessions,
  versionInForce,
  type PublishedVersion,
} from '@jineng/subsidy-computation';

const v = (
  versionId: string,
  jurisdiction: string,
  effectiveFrom: string,
  parameters: PublishedVersion['parameters'],
  publishedAt = '2025-01-01T00:00:00.000Z',
): PublishedVersion => ({ versionId, jurisdiction, effectiveFrom, publishedAt, parameters });

// 广西 → 贵港市 → 港北区, each level setting some parameters, over the years
const province2019 = v('province-2019', '450000', '2019-01-01', {
  classOpening: { maxClassSize: 60, leadWorkingDays: 5, minLessonMinutes: 45 },
  claims: { publicNoticeWorkingDays: 5 },
});
const city2019 = v('city-2019', '450800', '2019-09-30', {
  classOpening: { maxClassSize: 50, leadWorkingDays: 3 },
  subsidies: { livingAllowance: { rates: [{ perDayFen: 5_000, eligibleCategories: ['poor_labour'] }] } },
});
const county2020 = v('county-2020', '450802', '2020-03-01', {
  classOpening: { maxClassSize: 40 },
});
const city2021 = v('city-2021', '450800', '2021-01-01', {
  classOpening: { leadWorkingDays: 4 },
});
const all = [province2019, city2019, county2020, city2021];

describe('resolving the policy in force', () => {
  it('takes each parameter from the nearest level that sets it: county, then city, then province', () => {
    const resolved = resolvePolicy('450802', '2020-06-01', all);
    expect(resolved.chain).toEqual(['450802', '450800', '450000']);
    expect(resolved.parameters.classOpening).toEqual({
      maxClassSize: 40,
      leadWorkingDays: 3,
      minLessonMinutes: 45,
    });
    expect(resolved.parameters.claims).toEqual({ publicNoticeWorkingDays: 5 });
    expect(resolved.parameters.subsidies?.livingAllowance?.rates[0]?.perDayFen).toBe(5_000);
    expect(resolved.sources.filter((s) => s.parameter.startsWith('classOpening.'))).toEqual([
      { parameter: 'classOpening.leadWorkingDays', versionId: 'city-2019', jurisdiction: '450800' },
      { parameter: 'classOpening.maxClassSize', versionId: 'county-2020', jurisdiction: '450802' },
      { parameter: 'classOpening.minLessonMinutes', versionId: 'province-2019', jurisdiction: '450000' },
    ]);
    expect(resolved.versionIdsUsed).toEqual(['county-2020', 'city-2019', 'province-2019']);
  });

  it('uses only versions in force on the date', () => {
    expect(resolvePolicy('450802', '2019-12-31', all).parameters.classOpening?.maxClassSize).toBe(50);
    expect(resolvePolicy('450802', '2019-09-29', all).parameters.classOpening).toEqual({
      maxClassSize: 60,
      leadWorkingDays: 5,
      minLessonMinutes: 45,
    });
    expect(resolvePolicy('450802', '2018-12-31', all).versionIdsUsed).toEqual([]);
  });

  it('lets a later version supersede an earlier one of the same level from its own date, as a whole', () => {
    const resolved = resolvePolicy('450802', '2021-01-01', all);
    // city-2021 sets only the lead time: the living allowance of city-2019 is no longer in force
    // there, and nothing else sets it
    expect(resolved.parameters.classOpening).toEqual({
      maxClassSize: 40,
      leadWorkingDays: 4,
      minLessonMinutes: 45,
    });
    expect(resolved.parameters.subsidies).toBeUndefined();
    expect(resolved.notSet).toContain('subsidies.livingAllowance');
    expect(resolved.inForce.map((x) => x.versionId)).toEqual(['county-2020', 'city-2021', 'province-2019']);
  });

  it('resolves a city the same way, without its counties', () => {
    const resolved = resolvePolicy('450800', '2020-06-01', all);
    expect(resolved.parameters.classOpening?.maxClassSize).toBe(50);
    expect(resolved.versionIdsUsed).toEqual(['city-2019', 'province-2019']);
  });

  it('of two versions of one level with the same date, takes the one published later', () => {
    const first = v(
      'first',
      '450800',
      '2022-01-01',
      { claims: { reviewWorkingDays: 10 } },
      '2022-01-01T01:00:00.000Z',
    );
    const correction = v(
      'correction',
      '450800',
      '2022-01-01',
      { claims: { reviewWorkingDays: 7 } },
      '2022-02-01T01:00:00.000Z',
    );
    expect(versionInForce([correction, first], '450800', '2022-03-01')?.versionId).toBe('correction');
    expect(versionInForce([first, correction], '450800', '2022-03-01')?.versionId).toBe('correction');
  });

  it('lists every parameter no level sets, and only those', () => {
    const resolved = resolvePolicy('450802', '2020-06-01', all);
    expect(resolved.notSet.length + resolved.sources.length).toBe(PARAMETERS.length);
    expect(resolved.notSet).toContain('classOpening.geofenceRadiusMetres');
    expect(resolved.notSet).not.toContain('classOpening.maxClassSize');
  });

  it('keeps 0 and false: they are values, not "not set"', () => {
    const zero = v('zero', '450000', '2019-01-01', {
      classOpening: { leadWorkingDays: 0 },
      trainees: { repeatTrainingWithinYearAllowed: false },
    });
    const resolved = resolvePolicy('450802', '2019-06-01', [zero]);
    expect(resolved.parameters.classOpening).toEqual({ leadWorkingDays: 0 });
    expect(resolved.parameters.trainees).toEqual({ repeatTrainingWithinYearAllowed: false });
  });
});

describe('validity windows', () => {
  // 广西 from 2019 (no end); 贵港市's plan 2019-11-01 – 2021-12-31, which supersedes an older city version
  const older = v('older', '450800', '2018-01-01', { classOpening: { maxClassSize: 45 } });
  const province = v('province', '450000', '2019-01-01', {
    classOpening: { maxClassSize: 60 },
    claims: { publicNoticeWorkingDays: 5 },
  });
  const plan: PublishedVersion = {
    ...v('plan', '450800', '2019-11-01', {
      classOpening: { maxClassSize: 50 },
      claims: { reviewWorkingDays: 7 },
    }),
    effectiveUntil: '2021-12-31',
  };
  const versions = [older, province, plan];
  const on = (date: string) => resolvePolicy('450802', date, versions);

  it('before the window: the version it supersedes, and the province', () => {
    expect(on('2019-10-31').versionIdsUsed).toEqual(['older', 'province']);
    expect(on('2019-10-31').parameters.classOpening?.maxClassSize).toBe(45);
  });

  it('inside the window, its first and last days included', () => {
    for (const date of ['2019-11-01', '2020-06-01', '2021-12-31']) {
      const resolved = on(date);
      expect(resolved.versionIdsUsed).toEqual(['plan', 'province']);
      expect(resolved.parameters.classOpening?.maxClassSize).toBe(50);
      expect(resolved.parameters.claims).toEqual({ reviewWorkingDays: 7, publicNoticeWorkingDays: 5 });
      expect(resolved.ended).toEqual([]);
    }
  });

  it('after it: from the level above or not set — never from the expired plan, nor the one it superseded', () => {
    const resolved = on('2022-01-01');
    expect(resolved.versionIdsUsed).toEqual(['province']);
    expect(resolved.parameters.classOpening?.maxClassSize).toBe(60);
    expect(resolved.notSet).toContain('claims.reviewWorkingDays');
    expect(resolved.ended.map((x) => x.versionId)).toEqual(['plan']);
    expect(resolved.inForce.map((x) => x.versionId)).toEqual(['province']);
    const lookup = lookupParameter(resolved, 'claims', 'reviewWorkingDays');
    expect(lookup.set).toBe(false);
    expect(!lookup.set && lookup.reason.en).toContain('the policy of 450800 ended on 2021-12-31');
    expect(!lookup.set && lookup.reason.zh).toContain('450800 的政策已于 2021-12-31 期满');
    // only a plan that set the parameter is named
    const never = lookupParameter(resolved, 'classOpening', 'geofenceRadiusMetres');
    expect(!never.set && never.reason.en).not.toContain('ended');
  });

  it('until a later version of the level takes over', () => {
    const next = v('next', '450800', '2022-03-01', { claims: { reviewWorkingDays: 10 } });
    expect(resolvePolicy('450802', '2022-02-01', [...versions, next]).ended.map((x) => x.versionId)).toEqual([
      'plan',
    ]);
    const resolved = resolvePolicy('450802', '2022-03-01', [...versions, next]);
    expect(resolved.versionIdsUsed).toEqual(['next', 'province']);
    expect(resolved.ended).toEqual([]);
  });
});

describe('the readings a value rests on', () => {
  const assumed: PublishedVersion = {
    ...v('assumed', '140500', '2020-01-01', {
      assessment: { ownEvaluationBody: { minStaff: 300 } },
      classOpening: { maxTraineesPerTeacher: 20 },
    }),
    assumptions: [
      { about: 'effectiveFrom', assumed: '2020-01-01', reason: '报道只说「近日」' },
      { about: 'classOpening.maxTraineesPerTeacher', assumed: '20', reason: '「1 : 20 左右」' },
    ],
    clauses: [
      { parameter: 'assessment.ownEvaluationBody', quotes: ['凡是职工达到300人以上'] },
      { parameter: 'subsidies.skillEvaluation', quotes: ['落实职业技能鉴定补贴政策'] },
    ],
  };
  const resolved = resolvePolicy('140502', '2020-06-01', [assumed]);

  it('come with each source: its words, and the assumptions about its dates and itself', () => {
    expect(resolved.sources).toEqual([
      {
        parameter: 'classOpening.maxTraineesPerTeacher',
        versionId: 'assumed',
        jurisdiction: '140500',
        assumptions: assumed.assumptions,
      },
      {
        parameter: 'assessment.ownEvaluationBody',
        versionId: 'assumed',
        jurisdiction: '140500',
        quotes: ['凡是职工达到300人以上'],
        assumptions: [assumed.assumptions![0]],
      },
    ]);
  });

  it('tell a rule named without its value from one nobody names', () => {
    expect(resolved.namedWithoutValue).toEqual([
      {
        parameter: 'subsidies.skillEvaluation',
        versionId: 'assumed',
        jurisdiction: '140500',
        quotes: ['落实职业技能鉴定补贴政策'],
      },
    ]);
    const named = lookupParameter(resolved, 'subsidies', 'skillEvaluation');
    expect(!named.set && named.reason.zh).toContain(
      '140500 的政策提及此项但未给出标准：「落实职业技能鉴定补贴政策」',
    );
    const unnamed = lookupParameter(resolved, 'subsidies', 'trainingVouchers');
    expect(!unnamed.set && unnamed.reason.zh).not.toContain('提及');
  });
});

describe('a rule that needs a parameter', () => {
  const resolved = resolvePolicy('450802', '2020-06-01', all);

  it('gets its value and the version it comes from', () => {
    expect(lookupParameter(resolved, 'classOpening', 'maxClassSize')).toEqual({
      set: true,
      value: 40,
      versionId: 'county-2020',
      jurisdiction: '450802',
    });
    expect(requireParameter(resolved, 'claims', 'publicNoticeWorkingDays')).toBe(5);
  });

  it('is told, never given a default, when no level sets it', () => {
    const lookup = lookupParameter(resolved, 'classOpening', 'geofenceRadiusMetres');
    expect(lookup).toEqual({
      set: false,
      parameter: 'classOpening.geofenceRadiusMetres',
      reason: {
        zh: '2020-06-01 在 450802 生效的各级政策均未设置“签到地理围栏半径（米）”（classOpening.geofenceRadiusMetres），该规则不适用',
        en: 'no policy in force in 450802 on 2020-06-01 sets check-in geofence radius (metres) (classOpening.geofenceRadiusMetres): the rule is not applied',
      },
    });
    expect(() => requireParameter(resolved, 'subsidies', 'perDayTraining')).toThrow(PolicyParameterNotSet);
  });
});

describe('supersession', () => {
  it('tells from when and by which version each published version stops being in force', () => {
    const map = supersessions(all);
    expect(map.get('city-2019')).toEqual({ supersededFrom: '2021-01-01', supersededBy: 'city-2021' });
    expect(map.has('city-2021')).toBe(false);
    expect(map.has('county-2020')).toBe(false);
  });
});
