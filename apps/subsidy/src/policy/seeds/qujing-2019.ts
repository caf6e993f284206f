// 曲靖市职业技能提升行动实施方案（2019—2021年）, 曲政办发〔2019〕112号:
// ../shared/seeds/qujing-2019-2021-action-plan.txt — who is covered, most of the kinds of subsidy (§六)
// and the claim limits.
import type { PolicySeed } from './policy-seed';
import { unquote } from './quoted';

const QUJING = '530300';

export const QUJING_2019: PolicySeed = {
  key: 'qujing-2019',
  source: 'qujing-2019-2021-action-plan.txt',
  jurisdiction: QUJING,
  // 「曲靖市人民政府办公室 2019年9月29日」
  effectiveFrom: '2019-09-29',
  // 「曲靖市职业技能提升行动实施方案 (2019—2021年)」
  effectiveUntil: '2021-12-31',
  title: '曲靖市职业技能提升行动实施方案（2019—2021年）',
  document: {
    number: '曲政办发〔2019〕112号',
    title: '曲靖市人民政府办公室关于印发曲靖市职业技能提升行动实施方案（2019—2021年）的通知',
    issuer: '曲靖市人民政府办公室',
    issuedOn: '2019-09-29',
    // 「（国办发〔2019〕24号）」 and 「（云政办发〔2019〕69号）」
    basedOn: ['国办发〔2019〕24号', '云政办发〔2019〕69号'],
  },
  assumptions: [],
  ...unquote({
    classOpening: {
      // an enterprise's own training centre trains the enterprise's staff
      enterpriseCentreOwnStaffOnly: [
        true,
        '企业需内设职工培训中心的由市级人社部门组织专家进行评估，具备相应的教学设施设备及师资条件的，可按规定开展企业内部职工职业技能培训',
      ],
    },
    trainees: {
      localTiesAnyOf: [
        ['hukou', 'residence', 'job_seeking'],
        '户籍地、常住地、求职就业地在曲靖的符合条件劳动者参加培训并取得证书',
      ],
      monthlyPensionRecipientsExcluded: [
        true,
        '确有培训需求、不具有按月领取养老金资格的人员，可纳入职业培训补贴政策范围',
      ],
      // 「连续失业一年以上」: 12 months
      employmentDifficulty: [
        {
          zeroEmploymentFamilyRegisteredUnemployed: true,
          subsistenceAllowanceUnemployed: true,
          olderUnemployedMenMinAge: 50,
          olderUnemployedWomenMinAge: 40,
          disabled: true,
          registeredUnemployedMinContinuousMonths: 12,
        },
        '我市办理城镇登记失业的零就业家庭人员、享受城乡居民最低生活保障失业人员、男年满 50 周岁和女年满 40 周岁以上的大龄城镇失业人员、残疾人、连续失业一年以上的城乡登记失业人员（以下简称就业困难人员）',
      ],
    },
    subsidies: {
      flatPerPerson: [
        [
          { trainingType: 'pre_job', amountFen: 80_000 },
          { trainingType: 'safety_skills', amountFen: 80_000 },
          { trainingType: 'job_transfer', amountFen: 80_000 },
        ],
        '用人单位组织职工参加岗前培训、在岗安全技能培训、转岗转业培训的，按照规定给予每人800元的职业培训补贴',
      ],
      // a floor, not an amount
      apprenticeship: [
        { minPerApprenticeYearFen: 400_000 },
        '职工参加企业新型学徒制培训的，给予企业每人每年4000元以上的职业培训补贴',
      ],
      workBasedTraining: [
        {
          wageShare: 0.2,
          maxMonths: 6,
          eligibleCategories: ['poor_labour', 'employment_difficulty', 'zero_employment_family'],
        },
        '企业、农民专业合作社和扶贫车间等各类生产经营主体吸纳贫困劳动力就业并开展以工代训，以及参保企业吸纳就业困难人员、零就业家庭成员就业并开展以工代训的，按照用工方支付给劳动者工资总额20%的标准给予职业培训补贴，补贴期限最长不超过6个月',
      ],
      livingAllowance: [
        {
          rates: [
            {
              eligibleCategories: ['poor_labour', 'employment_difficulty', 'rural_two_after'],
              perDayFen: 6_000,
              frontedByInstitution: true,
              claimedWithTrainingSubsidy: true,
            },
          ],
        },
        '对贫困劳动力、就业困难人员、“两后生”中的农村学员，在培训期间按照规定从就业补助资金中给予每人每天60元的生活费补贴',
        '生活费补贴由培训机构先行垫付，培训结束后与培训补贴同时申领',
      ],
      prepayment: [
        {
          share: 0.5,
          appliesTo: ['enterprise_planned_training', 'tendered_project_training'],
          projectTraineeCategories: ['poor_labour', 'capacity_reduction_unemployed', 'veteran'],
        },
        '对企业按照计划组织职工开展培训的，以及职业院校、技工院校和培训机构经招标确认对贫困劳动力、去产能失业人员、退役军人开展项目制培训的，可先行拨付50%的培训补贴资金',
      ],
      freeTraining: [
        {
          eligibleCategories: [
            'poor_labour',
            'unemployed',
            'two_after',
            'rural_migrant',
            'transferred_staff',
            'disabled',
            'veteran',
          ],
          requiresPublicTender: true,
        },
        '对贫困劳动力、失业人员、“两后生”、农村转移就业劳动力、转岗职工、残疾人、退役军人，由公共服务机构采取公开招标方式组织开展的免费职业技能培训，所需资金实行全额支付',
      ],
      selfChosenTraining: [
        { requiredCertificates: ['qualification', 'skill_level', 'special_ability'] },
        '对自主选择培训并取得国家职业资格证书、技能等级证书或专项职业能力证书的，由本人户籍地、市内常住地或求职就业地人社部门按照规定给予职业培训补贴',
      ],
    },
    claims: {
      // limits on the subsidies a worker receives, applied to claims (at opening only a warning); 「原则上」:
      // an officer may approve more, recording why
      yearlySubsidyLimit: [{ maxPerWorker: 3, inPrinciple: true }, '原则上每人每年可享受不超过3次'],
      sameOccupationLevelAgainAllowed: [false, '但同一职业同一等级不可重复享受'],
      sameProjectRepeatClaimAllowed: [false, '同一培训项目不得重复申报职业培训补贴'],
      paidToWhoeverFronted: [true, '培训补贴按照“谁垫付，谁申领”的原则支付给企业或个人'],
    },
    fundSources: {
      // the text says 失业保险金; the fund it is drawn from is 失业保险基金
      training: [
        [
          'skills_upgrading_account',
          'employment_subsidy_fund',
          'local_talent_fund',
          'industry_development_fund',
          'unemployment_insurance_fund',
        ],
        '市人民政府从2018年底失业保险基金滚存结余中提取20%的资金，专项用于支持2019—2021年全市职业技能提升行动',
        '“职业技能提升行动专账”',
        '各地要将一定比例的就业补助资金、地方人才经费和行业产业发展经费中用于职业技能培训的资金以及失业保险金统筹用于职业技能提升行动',
      ],
      livingAllowance: [
        ['employment_subsidy_fund'],
        '在培训期间按照规定从就业补助资金中给予每人每天60元的生活费补贴',
      ],
    },
  }),
  targets: [
    {
      title: '曲靖市职业技能提升行动目标任务（2019—2021年）',
      fromYear: 2019,
      toYear: 2021,
      // 「2019—2021年，全市各地开展各类补贴性职业技能培训 18 万人次以上，其中 2019 年度培训 6 万人次以上」: the
      // three years are not split further
      totalTrainees: 180_000,
      lines: [{ jurisdiction: QUJING, trainees: 180_000 }],
      portions: [
        { year: 2019, label: '2019 年度培训', trainees: 60_000 },
        // 「3 年培训 3500 名新型学徒」, subsidized training like the rest (§六(十六))
        { label: '新型学徒', trainees: 3_500 },
      ],
    },
  ],
};
