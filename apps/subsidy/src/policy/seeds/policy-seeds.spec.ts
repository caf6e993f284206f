// The seed versions against their documents: the numbers the issue and DOMAIN.md quote, the contract,
// the content rules, and the target tables adding up as printed.
import { validateContract } from '@jineng/contracts';
import { checkPolicyParameters } from '../domain/check-policy-parameters';
import { checkTargets, linesOf, traineesOf } from '../domain/check-targets';
import { resolvePolicy, type PublishedVersion } from '../domain/resolve-policy';
import { GUIGANG_2019 } from './guigang-2019';
import { JINCHENG_2020 } from './jincheng-2020';
import { JIYUAN_2021 } from './jiyuan-2021';
import { POLICY_SEEDS } from './policy-seeds';
import { QUJING_2019 } from './qujing-2019';
import { seedCommandId, seedVersionId } from './seed-ids';
import { YUNCHENG_2018 } from './yuncheng-2018';

const yuan = (fen: number | undefined) => (fen === undefined ? undefined : fen / 100);

describe.each(POLICY_SEEDS.map((seed) => [seed.key, seed] as const))('seed %s', (_key, seed) => {
  it('satisfies the contract of a draft (parameters, targets, document)', () => {
    const payload = {
      jurisdiction: seed.jurisdiction,
      effectiveFrom: seed.effectiveFrom,
      title: seed.title,
      document: seed.document,
      parameters: seed.parameters,
      targets: seed.targets,
    };
    const result = validateContract('jineng.subsidy.v1.DraftPolicyVersion', payload);
    expect(result.ok ? [] : result.violations).toEqual([]);
  });

  it('breaks no content rule', () => {
    expect(checkPolicyParameters(seed.parameters)).toEqual([]);
    expect(checkTargets(seed.targets, seed.jurisdiction)).toEqual([]);
  });
});

describe('seed ids', () => {
  it('are stable and distinct', () => {
    const ids = POLICY_SEEDS.flatMap((s) => [
      seedVersionId(s.key),
      seedCommandId(s.key, 'draft'),
      seedCommandId(s.key, 'publish'),
    ]);
    expect(new Set(ids).size).toBe(15);
    // fixed forever: a changed id would load the seeds again as new versions
    expect(seedVersionId('yuncheng-2018')).toBe(seedVersionId('yuncheng-2018'));
    expect(seedVersionId('yuncheng-2018')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('are one per seed city, each its own jurisdiction', () => {
    expect(POLICY_SEEDS.map((s) => [s.key, s.jurisdiction, s.effectiveFrom])).toEqual([
      ['yuncheng-2018', '140800', '2018-03-29'],
      ['jincheng-2020', '140500', '2020-01-01'],
      ['guigang-2019', '450800', '2019-09-30'],
      ['jiyuan-2021', '419001', '2021-05-08'],
      ['qujing-2019', '530300', '2019-09-29'],
    ]);
  });
});

describe('Yuncheng 2018 (运城市全民技能提升工程实施方案)', () => {
  const { subsidies, classOpening, institutionQuality } = YUNCHENG_2018.parameters;

  it('pays 150 ¥/day for days 1–10, 100 ¥/day for days 11–15, nothing after day 15', () => {
    const perDay = subsidies!.perDayTraining!;
    const amountOnDay = (day: number) =>
      day > (perDay.maxDays ?? Infinity)
        ? 0
        : (perDay.tiers.find((t) => t.fromDay <= day && day <= t.toDay)?.amountFen ?? 0);
    expect([1, 10, 11, 15, 16, 30].map((day) => yuan(amountOnDay(day)))).toEqual([150, 150, 100, 100, 0, 0]);
    // a full 15-day training: 10 × 150 + 5 × 100
    expect(yuan([...Array(15).keys()].reduce((sum, i) => sum + amountOnDay(i + 1), 0))).toBe(2_000);
  });

  it('pays 80 % on the certificate and 20 % on employment within 3 months, with a job-referral award', () => {
    expect(subsidies!.tranches).toEqual({
      onCertificateShare: 0.8,
      onEmploymentShare: 0.2,
      employmentWithinMonths: 3,
      jobReferralAwardOnEmployment: true,
    });
    // the award's amount is the province's standard, which no seed document gives
    expect(subsidies!.jobReferralAwardFen).toBeUndefined();
  });

  it('trains about 10 days / 80 hours, at most 15 days / 120 hours', () => {
    expect(classOpening).toEqual({
      typicalDurationDays: 10,
      typicalDurationHours: 80,
      maxDurationDays: 15,
      maxDurationHours: 120,
    });
  });

  it('disqualifies an institution below 80 % passed or 30 % employed', () => {
    expect(institutionQuality).toEqual({ minYearlyPassRate: 0.8, minYearlyEmploymentRate: 0.3 });
  });

  it('pays a small/micro enterprise 300 ¥ per hire on a 6-month contract, 300 ¥ more for a certificate within a year', () => {
    const hire = subsidies!.smallMicroNewHire!;
    expect([
      yuan(hire.perHireFen),
      hire.minContractMonths,
      yuan(hire.certificateBonusFen),
      hire.certificateWithinMonths,
    ]).toEqual([300, 6, 300, 12]);
  });

  it('names the certificate of each type of occupation', () => {
    expect(
      YUNCHENG_2018.parameters.assessment?.certificateRules?.map((r) => [r.occupationType, r.certificate]),
    ).toEqual([
      ['qualification_catalogue', 'qualification'],
      ['special_ability_catalogue', 'special_ability'],
      ['outside_qualification_catalogue', 'skill_level'],
      ['no_national_standard', 'training_qualified'],
    ]);
  });
});

describe('Jincheng 2020 (人人持证、技能社会)', () => {
  it('sets only what the article states: evaluation bodies from 300 staff, key-group training quality', () => {
    expect(JINCHENG_2020.parameters).toEqual({
      assessment: { ownEvaluationBodyMinStaff: 300 },
      institutionQuality: {
        keyGroupTrainingMinPassRate: 0.95,
        keyGroupTrainingMinCertificateRate: 0.6,
        keyGroupTrainingMinEmploymentRate: 0.3,
      },
    });
  });
});

describe('Jiyuan 2021 (济管人社〔2021〕6号)', () => {
  const { classOpening, claims, assessment, institutionQuality, trainees } = JIYUAN_2021.parameters;

  it('limits a class to 50, key groups to 30; ≥ 65 % practical; lessons ≥ 40 min; 1 : 20', () => {
    expect(classOpening).toMatchObject({
      maxClassSize: 50,
      maxKeyGroupClassSize: 30,
      minPracticalShare: 0.65,
      minLessonMinutes: 40,
      maxTraineesPerTeacher: 20,
      maxTraineesPerWorkstation: 20,
    });
  });

  it('opens with 3 working days notice and cancels below 90 % on the first day; inspections at 90 %; 15 min video', () => {
    expect(classOpening).toMatchObject({
      leadWorkingDays: 3,
      minOpeningDayPresenceShare: 0.9,
      inspectionPresenceShare: 0.9,
      theoryRecordedInFull: true,
      minPracticalVideoMinutesPerHour: 15,
    });
  });

  it('reviews claims in 7 working days and notices them for 3', () => {
    expect(claims).toEqual({
      reviewWorkingDays: 7,
      publicNoticeWorkingDays: 3,
      signedCommitmentRequired: true,
    });
  });

  it('assesses offline, applied for 3 days ahead; satisfaction ≥ 85 %; no repeat training within the year', () => {
    expect(assessment).toMatchObject({ applicationLeadDays: 3, offlineOnly: true });
    expect(institutionQuality?.minSatisfaction).toBe(0.85);
    expect(trainees).toEqual({
      repeatTrainingWithinYearAllowed: false,
      trainWithoutWorkAbilityOrWishAllowed: false,
    });
  });
});

describe('Qujing 2019 (曲政办发〔2019〕112号)', () => {
  const { subsidies, trainees, claims } = QUJING_2019.parameters;

  it('subsidizes a worker at most 3 times a year, never twice for the same occupation and level', () => {
    expect(trainees).toEqual({ maxSubsidizedTrainingsPerYear: 3, sameOccupationLevelAgainAllowed: false });
    expect(claims?.maxSubsidiesPerWorkerPerYear).toBe(3);
  });

  it('pays 800 ¥ per person for pre-job, safety and transfer training', () => {
    expect(subsidies!.flatPerPerson!.map((f) => [f.trainingType, yuan(f.amountFen)])).toEqual([
      ['pre_job', 800],
      ['safety_skills', 800],
      ['job_transfer', 800],
    ]);
  });

  it('pays at least 4 000 ¥ per apprentice and year', () => {
    expect(subsidies!.apprenticeship).toEqual({ minPerApprenticeYearFen: 400_000 });
  });

  it('pays a 60 ¥/day living allowance to poor labour, employment-difficulty persons and rural 两后生', () => {
    expect(yuan(subsidies!.livingAllowance!.perDayFen)).toBe(60);
    expect(subsidies!.livingAllowance!.eligibleCategories).toEqual([
      'poor_labour',
      'employment_difficulty',
      'rural_two_after',
    ]);
  });

  it('pays 20 % of wages for at most 6 months of 以工代训, and prepays 50 %', () => {
    expect(subsidies!.workBasedTraining).toMatchObject({ wageShare: 0.2, maxMonths: 6 });
    expect(subsidies!.prepayment).toMatchObject({
      share: 0.5,
      appliesTo: ['enterprise_planned_training', 'tendered_project_training'],
    });
  });
});

describe('Guigang 2019 (贵政办发〔2019〕24号)', () => {
  it('pays a 50 ¥/day living allowance, travel included, from the employment subsidy fund', () => {
    expect(GUIGANG_2019.parameters.subsidies?.livingAllowance).toMatchObject({
      perDayFen: 5_000,
      includesTransport: true,
    });
    expect(GUIGANG_2019.parameters.fundSources?.livingAllowance).toEqual(['employment_subsidy_fund']);
  });

  const plan = GUIGANG_2019.targets[0]!;
  const byCounty = (code: string) => traineesOf(linesOf(plan, { jurisdiction: code }));
  const byYear = (year: number) => traineesOf(linesOf(plan, { year }));

  it('plans 120 000 trainings over 2019–2021: 30 000, 45 000, 45 000', () => {
    expect(traineesOf(plan.lines)).toBe(120_000);
    expect([2019, 2020, 2021].map(byYear)).toEqual([30_000, 45_000, 45_000]);
  });

  it('splits them per county as the table prints, each row adding up over the three years', () => {
    expect(
      ['450800', '450881', '450821', '450802', '450803', '450804'].map((code) => [
        code,
        byCounty(code),
        [2019, 2020, 2021].map((year) => traineesOf(linesOf(plan, { jurisdiction: code, year }))),
      ]),
    ).toEqual([
      ['450800', 12_000, [3_000, 4_500, 4_500]],
      ['450881', 31_200, [7_800, 11_700, 11_700]],
      ['450821', 24_000, [6_000, 9_000, 9_000]],
      ['450802', 19_200, [4_800, 7_200, 7_200]],
      ['450803', 16_800, [4_200, 6_300, 6_300]],
      ['450804', 16_800, [4_200, 6_300, 6_300]],
    ]);
  });

  it('keeps enterprise staff at ≥ 50 % of each locality’s trainees', () => {
    expect(plan.constraints).toEqual([
      expect.objectContaining({ programme: '企业职工职业技能培训', minShare: 0.5 }),
    ]);
  });
});

describe("Jiyuan's 2021 plan", () => {
  const plan = JIYUAN_2021.targets[0]!;
  const of = (programme: string, trainingType?: string) =>
    traineesOf(linesOf(plan, { programme, ...(trainingType ? { trainingType } : {}) }));

  it('adds up to 40 000 in 2021', () => {
    expect(traineesOf(plan.lines)).toBe(40_000);
    expect(plan.lines.every((l) => l.year === 2021 && l.jurisdiction === '419001')).toBe(true);
  });

  it('splits by training kind as the 培训人数 column prints', () => {
    expect([
      of('企业职工技能提升', '岗前培训'),
      of('企业职工技能提升', '合格证培训'),
      of('企业职工技能提升', '中级工培训'),
      of('企业职工技能提升', '高级工培训'),
      of('新型学徒制培训'),
      of('技师培训'),
      of('重点人群培训'),
      of('特种作业培训'),
      of('高危行业安全培训'),
      of('以工代训'),
      of('创业培训'),
    ]).toEqual([2_500, 2_000, 3_600, 3_000, 700, 200, 9_500, 2_000, 2_000, 12_000, 2_500]);
  });

  it('assigns them to institutions', () => {
    const byAssignee = (assignee: string) => traineesOf(plan.lines.filter((l) => l.assignee === assignee));
    expect(byAssignee('济源职业技术学院')).toBe(800 + 400 + 1_000 + 800 + 120 + 20);
    expect(byAssignee('济源技师学院')).toBe(800 + 400 + 1_000 + 800 + 250 + 200 + 10);
    expect(byAssignee('中小微企业')).toBe(12_000);
  });
});

describe('the seeds resolved together', () => {
  const published: PublishedVersion[] = POLICY_SEEDS.map((seed) => ({
    versionId: seedVersionId(seed.key),
    jurisdiction: seed.jurisdiction,
    effectiveFrom: seed.effectiveFrom,
    publishedAt: '2026-01-01T00:00:00.000Z',
    parameters: seed.parameters,
  }));

  it("give a Yuncheng county Yuncheng's tiers, and nothing from Jincheng, its neighbour under the same province", () => {
    const resolved = resolvePolicy('140802', '2019-06-01', published);
    expect(resolved.versionIdsUsed).toEqual([seedVersionId('yuncheng-2018')]);
    expect(resolved.parameters.subsidies?.perDayTraining?.maxDays).toBe(15);
    expect(resolved.parameters.assessment?.ownEvaluationBodyMinStaff).toBeUndefined();
    expect(resolved.notSet).toContain('subsidies.jobReferralAwardFen');
  });

  it('give nothing before a document took effect', () => {
    expect(resolvePolicy('140802', '2018-03-28', published).versionIdsUsed).toEqual([]);
    expect(resolvePolicy('419001', '2021-05-07', published).versionIdsUsed).toEqual([]);
    expect(resolvePolicy('419001', '2021-05-08', published).parameters.classOpening?.maxClassSize).toBe(50);
  });
});
