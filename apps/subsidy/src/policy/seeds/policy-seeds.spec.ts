// The seed versions against their documents: the numbers the issue and DOMAIN.md quote, the readings
// corrected in issue 10, the contract and the content rules. Targets: seed-targets.spec.ts; resolution
// across the windows: seed-resolution.spec.ts.
import { validateContract } from '@jineng/contracts';
import { checkPolicyParameters } from '../domain/check-policy-parameters';
import { checkReadings, checkVersionDates } from '../domain/check-readings';
import { checkTargets } from '../domain/check-targets';
import { contentOf } from '../domain/policy-version.state';
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
    const result = validateContract('jineng.subsidy.v1.DraftPolicyVersion', contentOf(seed));
    expect(result.ok ? [] : result.violations).toEqual([]);
  });

  it('breaks no content rule', () => {
    expect(checkPolicyParameters(seed.parameters, seed.jurisdiction)).toEqual([]);
    expect(checkTargets(seed.targets, seed.jurisdiction)).toEqual([]);
    expect(checkVersionDates(contentOf(seed))).toEqual([]);
    expect(checkReadings(contentOf(seed))).toEqual([]);
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

  it('are one per seed city, each its own jurisdiction, with the window its document states', () => {
    expect(POLICY_SEEDS.map((s) => [s.key, s.jurisdiction, s.effectiveFrom, s.effectiveUntil])).toEqual([
      ['yuncheng-2018', '140800', '2018-03-29', '2022-12-31'],
      ['jincheng-2020', '140500', '2020-01-01', '2021-12-31'],
      ['guigang-2019', '450800', '2019-11-01', '2021-12-31'],
      // a yearly work plan that states no end
      ['jiyuan-2021', '419001', '2021-05-08', undefined],
      ['qujing-2019', '530300', '2019-09-29', '2021-12-31'],
    ]);
  });

  it('record a date the document does not state as an assumption with its reason (Jincheng only)', () => {
    expect(POLICY_SEEDS.filter((s) => s.assumptions.length > 0).map((s) => s.key)).toEqual(['jincheng-2020']);
    expect(JINCHENG_2020.assumptions).toEqual([
      {
        about: 'effectiveFrom',
        assumed: '2020-01-01',
        reason: expect.stringContaining('「近日,市政府印发」'),
      },
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
    // the award's amount is the province's standard, which no seed document gives: named, not set
    expect(subsidies!.jobReferralAwardFen).toBeUndefined();
    expect(YUNCHENG_2018.clauses).toContainEqual({
      parameter: 'subsidies.jobReferralAwardFen',
      quotes: ['并按我省职业介绍补贴标准给予奖励'],
    });
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
    // 「对当年小微企业与新招聘人员…」: for the hires of that year only
    expect(hire.hiresOfTheYearOnly).toBe(true);
  });

  it('pays training from the employment fund and the unemployment-insurance fund, the latter only for two kinds', () => {
    const { fundSources } = YUNCHENG_2018.parameters;
    expect(fundSources?.training).toEqual(['employment_subsidy_fund', 'unemployment_insurance_fund']);
    expect(fundSources?.limits).toEqual([
      {
        fundSource: 'unemployment_insurance_fund',
        onlyFor: [
          { traineeCategories: ['unemployed'] },
          { traineeCategories: ['enterprise_staff'], trainingTypes: ['skill_upgrading'] },
        ],
      },
    ]);
    expect(fundSources?.skillEvaluation).toEqual(['employment_subsidy_fund']);
  });

  it('names the skill evaluation subsidy and the 2019 voucher pilot without amounts: not set', () => {
    expect(subsidies!.skillEvaluation).toBeUndefined();
    expect(subsidies!.trainingVouchers).toBeUndefined();
    expect(YUNCHENG_2018.clauses.map((c) => c.parameter)).toEqual(
      expect.arrayContaining(['subsidies.skillEvaluation', 'subsidies.trainingVouchers']),
    );
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
  it('sets only what the article states: the registry, evaluation bodies from 300 staff by the end of 2021, key-group training', () => {
    expect(JINCHENG_2020.parameters).toEqual({
      trainees: {
        registry: {
          minAge: 16,
          maxAge: 60,
          categories: ['poor_labour', 'graduate', 'rural_labour', 'urban_labour'],
        },
      },
      assessment: { ownEvaluationBody: { minStaff: 300, deadline: '2021-12-31' } },
      institutionQuality: {
        keyGroupTrainingMinPassRate: 0.95,
        keyGroupTrainingMinCertificateRate: 0.6,
        keyGroupTrainingMinEmploymentRate: 0.3,
      },
      // the ten key groups are counted, not listed
      subsidies: { freeTraining: { groupsAsNamed: '十类重点就业群体' } },
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
      enterpriseCentreOwnStaffOnly: true,
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
    expect(trainees).toEqual({ repeatTrainingWithinYearAllowed: false });
  });

  it('refuses a training-qualified certificate for four kinds, with a temporary exception for two', () => {
    expect(assessment?.trainingCertificate).toEqual({
      notAcceptedFor: ['qualification', 'skill_level', 'special_operation', 'special_ability'],
      temporaryException: { acceptedFor: ['skill_level', 'special_ability'] },
    });
  });

  it("keeps the dedicated account's money from those with no ability or wish to work, or who cannot move into work", () => {
    expect(JIYUAN_2021.parameters.fundSources?.limits).toEqual([
      {
        fundSource: 'skills_upgrading_account',
        excludedTrainees: ['no_work_ability', 'no_work_wish', 'cannot_move_into_work'],
      },
    ]);
  });

  it('trains formerly poor labour free of charge', () => {
    expect(JIYUAN_2021.parameters.subsidies?.freeTraining).toEqual({
      eligibleCategories: ['former_poor_labour'],
    });
  });
});

describe('Qujing 2019 (曲政办发〔2019〕112号)', () => {
  const { subsidies, trainees, claims } = QUJING_2019.parameters;

  it('limits the subsidies a worker receives as claim rules, stored once: 3 a year in principle, an occupation and level once', () => {
    expect(claims).toMatchObject({
      yearlySubsidyLimit: { maxPerWorker: 3, inPrinciple: true },
      sameOccupationLevelAgainAllowed: false,
    });
    expect(Object.keys(trainees!)).not.toContain('maxSubsidizedTrainingsPerYear');
  });

  it('covers workers with hukou, residence or job-seeking place in Qujing, not pension recipients', () => {
    expect(trainees).toMatchObject({
      localTiesAnyOf: ['hukou', 'residence', 'job_seeking'],
      monthlyPensionRecipientsExcluded: true,
    });
  });

  it('defines persons with employment difficulty', () => {
    expect(trainees?.employmentDifficulty).toEqual({
      zeroEmploymentFamilyRegisteredUnemployed: true,
      subsistenceAllowanceUnemployed: true,
      olderUnemployedMenMinAge: 50,
      olderUnemployedWomenMinAge: 40,
      disabled: true,
      registeredUnemployedMinContinuousMonths: 12,
    });
  });

  it('subsidizes self-chosen training only with a qualification, skill-level or special-ability certificate', () => {
    expect(subsidies?.selfChosenTraining).toEqual({
      requiredCertificates: ['qualification', 'skill_level', 'special_ability'],
    });
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

  it('pays a 60 ¥/day living allowance to poor labour, employment-difficulty persons and rural 两后生, fronted by the institution', () => {
    expect(subsidies!.livingAllowance!.rates).toEqual([
      {
        eligibleCategories: ['poor_labour', 'employment_difficulty', 'rural_two_after'],
        perDayFen: 6_000,
        frontedByInstitution: true,
        claimedWithTrainingSubsidy: true,
      },
    ]);
    expect(yuan(subsidies!.livingAllowance!.rates[0]!.perDayFen)).toBe(60);
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
  it('pays 50 ¥/day, travel included, only to poor labour and rural entrepreneurship leaders in free training', () => {
    const rates = GUIGANG_2019.parameters.subsidies?.livingAllowance?.rates;
    expect(rates?.[0]).toEqual({
      eligibleCategories: ['poor_labour', 'rural_entrepreneur_leader'],
      perDayFen: 5_000,
      includesTransport: true,
      freeTrainingOnly: true,
    });
    expect(GUIGANG_2019.parameters.fundSources?.livingAllowance).toEqual(['employment_subsidy_fund']);
  });

  it("gives the other groups it lists the region's rate, which it does not state", () => {
    const rates = GUIGANG_2019.parameters.subsidies?.livingAllowance?.rates;
    expect(rates?.[1]).toEqual({
      eligibleCategories: [
        'poor_labour',
        'employment_difficulty',
        'zero_employment_family',
        'rural_two_after',
        'urban_subsistence_family',
      ],
      rateOf: '450000',
    });
    expect(rates?.[1]?.perDayFen).toBeUndefined();
  });

  it('names the skill evaluation subsidy and vouchers without amounts: not set', () => {
    expect(GUIGANG_2019.parameters.subsidies?.skillEvaluation).toBeUndefined();
    expect(GUIGANG_2019.parameters.subsidies?.trainingVouchers).toBeUndefined();
    expect(GUIGANG_2019.clauses).toContainEqual({
      parameter: 'subsidies.trainingVouchers',
      quotes: ['推广职业培训券制度'],
    });
  });
});
