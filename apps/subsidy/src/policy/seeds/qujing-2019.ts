// 曲靖市职业技能提升行动实施方案（2019—2021年）, 曲政办发〔2019〕112号:
// ../shared/seeds/qujing-2019-2021-action-plan.txt — most of the kinds of subsidy (§六).
import type { PolicySeed } from './policy-seed';

export const QUJING_2019: PolicySeed = {
  key: 'qujing-2019',
  source: 'qujing-2019-2021-action-plan.txt',
  jurisdiction: '530300',
  // 「曲靖市人民政府办公室 2019年9月29日」
  effectiveFrom: '2019-09-29',
  title: '曲靖市职业技能提升行动实施方案（2019—2021年）',
  document: {
    number: '曲政办发〔2019〕112号',
    title: '曲靖市人民政府办公室关于印发曲靖市职业技能提升行动实施方案（2019—2021年）的通知',
    issuer: '曲靖市人民政府办公室',
    issuedOn: '2019-09-29',
    // 「（国办发〔2019〕24号）」 and 「（云政办发〔2019〕69号）」
    basedOn: ['国办发〔2019〕24号', '云政办发〔2019〕69号'],
  },
  parameters: {
    trainees: {
      // 「按照规定给予职业培训补贴，原则上每人每年可享受不超过3次」
      maxSubsidizedTrainingsPerYear: 3,
      // 「但同一职业同一等级不可重复享受」
      sameOccupationLevelAgainAllowed: false,
    },
    subsidies: {
      // 「用人单位组织职工参加岗前培训、在岗安全技能培训、转岗转业培训的，按照规定给予每人800元的职业培训补贴」
      flatPerPerson: [
        { trainingType: 'pre_job', amountFen: 80_000 },
        { trainingType: 'safety_skills', amountFen: 80_000 },
        { trainingType: 'job_transfer', amountFen: 80_000 },
      ],
      // 「职工参加企业新型学徒制培训的，给予企业每人每年4000元以上的职业培训补贴」: a floor, not an amount
      apprenticeship: { minPerApprenticeYearFen: 400_000 },
      // 「企业、农民专业合作社和扶贫车间等各类生产经营主体吸纳贫困劳动力就业并开展以工代训，以及参保企业吸纳就业困难人员、零就业家庭成员就业并开展以工代训的，
      // 按照用工方支付给劳动者工资总额20%的标准给予职业培训补贴，补贴期限最长不超过6个月」
      workBasedTraining: {
        wageShare: 0.2,
        maxMonths: 6,
        eligibleCategories: ['poor_labour', 'employment_difficulty', 'zero_employment_family'],
      },
      // 「对贫困劳动力、就业困难人员、“两后生”中的农村学员，在培训期间按照规定从就业补助资金中给予每人每天60元的生活费补贴」;
      // 「生活费补贴由培训机构先行垫付，培训结束后与培训补贴同时申领」
      livingAllowance: {
        perDayFen: 6_000,
        eligibleCategories: ['poor_labour', 'employment_difficulty', 'rural_two_after'],
        frontedByInstitution: true,
      },
      // 「对企业按照计划组织职工开展培训的，以及职业院校、技工院校和培训机构经招标确认对贫困劳动力、去产能失业人员、退役军人开展项目制培训的，
      // 可先行拨付50%的培训补贴资金」
      prepayment: {
        share: 0.5,
        appliesTo: ['enterprise_planned_training', 'tendered_project_training'],
        projectTraineeCategories: ['poor_labour', 'capacity_reduction_unemployed', 'veteran'],
      },
      // 「对贫困劳动力、失业人员、“两后生”、农村转移就业劳动力、转岗职工、残疾人、退役军人，由公共服务机构采取公开招标方式组织开展的免费职业技能培训，
      // 所需资金实行全额支付」
      freeTraining: {
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
    },
    claims: {
      // 「原则上每人每年可享受不超过3次」
      maxSubsidiesPerWorkerPerYear: 3,
      // 「同一培训项目不得重复申报职业培训补贴」
      sameProjectRepeatClaimAllowed: false,
      // 「培训补贴按照“谁垫付，谁申领”的原则支付给企业或个人」
      paidToWhoeverFronted: true,
    },
    fundSources: {
      // 「市人民政府从2018年底失业保险基金滚存结余中提取20%的资金，专项用于支持2019—2021年全市职业技能提升行动」 into
      // 「“职业技能提升行动专账”」, and 「各地要将一定比例的就业补助资金、地方人才经费和行业产业发展经费中用于职业技能培训的资金以及失业保险金统筹用于职业技能提升行动」
      // (the text says 失业保险金; the fund it is drawn from is 失业保险基金)
      training: [
        'skills_upgrading_account',
        'employment_subsidy_fund',
        'local_talent_fund',
        'industry_development_fund',
        'unemployment_insurance_fund',
      ],
      // 「在培训期间按照规定从就业补助资金中给予每人每天60元的生活费补贴」
      livingAllowance: ['employment_subsidy_fund'],
    },
  },
  targets: [],
};
