// 运城市全民技能提升工程实施方案 (运城市人民政府, 2018-03-29): ../shared/seeds/yuncheng-2018-skills-upgrading.txt
// The money rules of 运城市 (city level), in force from the day the document was issued to the end of
// its plan period, and its yearly goals by kind of training.
import type { TargetPlan } from '@jineng/subsidy-computation';
import type { PolicySeed } from './policy-seed';
import { notGiven, unquote } from './quoted';

const YUNCHENG = '140800';
const YEARS = [2018, 2019, 2020, 2021, 2022];

/**
 * 「使经过培训并取得相应职业培训合格证书的劳动者每年达到20万人（其中开展农民专业职业技能提升培训10万人，含新型职业农民培育1万人，
 * 认定新型职业农民1000人；农民工技能提升培训5万人、城镇失业人员培训2万人、小微企业岗前培训2万人、现代青年农场主、
 * 新型农业经营带头人和小微企业职业经理人培训5000人、高技能人才培训5000人）」, every year.
 */
const YEARLY: readonly (readonly [programme: string, trainees: number])[] = [
  ['农民专业职业技能提升培训', 100_000],
  ['农民工技能提升培训', 50_000],
  ['城镇失业人员培训', 20_000],
  ['小微企业岗前培训', 20_000],
  ['现代青年农场主、新型农业经营带头人和小微企业职业经理人培训', 5_000],
  ['高技能人才培训', 5_000],
];
/** 「含新型职业农民培育1万人，认定新型职业农民1000人」: parts of the farmers' training. */
const FARMERS_PARTS: readonly (readonly [label: string, trainees: number])[] = [
  ['新型职业农民培育', 10_000],
  ['认定新型职业农民', 1_000],
];

const GOALS: TargetPlan = {
  title: '运城市全民技能提升工程目标任务（每年）',
  fromYear: 2018,
  toYear: 2022,
  // the document counts workers trained who obtained a certificate, not trainings
  measure: 'certified_trainees',
  // no grand total is printed: 20万 a year
  lines: YEARS.flatMap((year) =>
    YEARLY.map(([programme, trainees]) => ({ jurisdiction: YUNCHENG, year, programme, trainees })),
  ),
  subtotals: YEARS.map((year) => ({ year, trainees: 200_000 })),
  portions: YEARS.flatMap((year) =>
    FARMERS_PARTS.map(([label, trainees]) => ({
      year,
      programme: '农民专业职业技能提升培训',
      label,
      trainees,
    })),
  ),
};

export const YUNCHENG_2018: PolicySeed = {
  key: 'yuncheng-2018',
  source: 'yuncheng-2018-skills-upgrading.txt',
  jurisdiction: YUNCHENG,
  // 「运城市人民政府 2018年3月29日」, and 「决定从今年起，实施全民技能提升工程」
  effectiveFrom: '2018-03-29',
  // 「从2018年起至2022年」
  effectiveUntil: '2022-12-31',
  title: '运城市全民技能提升工程实施方案',
  document: {
    // the text gives no document number
    title: '运城市人民政府关于印发运城市全民技能提升工程实施方案的通知',
    issuer: '运城市人民政府',
    issuedOn: '2018-03-29',
    // 「根据《山西省人民政府关于印发山西省全民技能提升工程实施方案的通知》（晋政发〔2017〕61号）精神」
    basedOn: ['晋政发〔2017〕61号'],
  },
  assumptions: [],
  ...unquote({
    classOpening: {
      typicalDurationDays: [10, '培训时间一般在10天（80个课时）左右,最长不超过15天（120个课时）'],
      typicalDurationHours: [80, '培训时间一般在10天（80个课时）左右'],
      maxDurationDays: [15, '最长不超过15天（120个课时）'],
      maxDurationHours: [120, '最长不超过15天（120个课时）'],
    },
    assessment: {
      certificateRules: [
        [
          { occupationType: 'qualification_catalogue', certificate: 'qualification', issuedBy: '人社部门' },
          {
            occupationType: 'special_ability_catalogue',
            certificate: 'special_ability',
            issuedBy: '市人社部门',
          },
          {
            occupationType: 'outside_qualification_catalogue',
            certificate: 'skill_level',
            issuedBy: '企业或其委托的社会组织、人才评价机构',
          },
          {
            occupationType: 'no_national_standard',
            certificate: 'training_qualified',
            issuedBy: '培训主管部门',
          },
        ],
        '对国家职业资格目录内的项目,按规定由人社部门实施职业资格许可和认定考核,核发国家统一的职业资格证书',
        '对专项职业能力考核规范目录内的项目,由市人社部门实施专项职业能力考核,核发专项职业能力证书',
        '对国家职业资格目录以外的职业（工种）,由企业或其委托的社会组织、人才评价机构实施职业技能等级评价,核发职业技能等级证书',
        '对尚未颁发国家职业标准的职业（工种）,由培训主管部门实施培训质量考核,核发培训合格证书',
      ],
    },
    institutionQuality: {
      minYearlyPassRate: [
        0.8,
        '凡当年培训合格率不达80%、就业率不达30%的,取消下一年度承担政府补贴性培训任务资格',
      ],
      minYearlyEmploymentRate: [
        0.3,
        '凡当年培训合格率不达80%、就业率不达30%的,取消下一年度承担政府补贴性培训任务资格',
      ],
    },
    subsidies: {
      // days 1–10 at ¥150, from day 11 at ¥100, nothing after day 15
      perDayTraining: [
        {
          tiers: [
            { fromDay: 1, toDay: 10, amountFen: 15_000 },
            { fromDay: 11, toDay: 15, amountFen: 10_000 },
          ],
          maxDays: 15,
        },
        '补贴标准,由原来按职业（工种）分类确定调整为按培训时间确定',
        '10天以内每人每天补贴150元,10天以后每人每天补贴100元',
        '最长不超过15天（120个课时）',
      ],
      tranches: [
        {
          onCertificateShare: 0.8,
          onEmploymentShare: 0.2,
          employmentWithinMonths: 3,
          jobReferralAwardOnEmployment: true,
        },
        '对经培训取得相应证书的,先给予培训机构80%的培训补贴；3个月内实现就业的,再给予20%的培训补贴,并按我省职业介绍补贴标准给予奖励',
      ],
      // the award is the province's amount, which no seed document gives: not set, and a claim needing
      // it is told so
      jobReferralAwardFen: notGiven('并按我省职业介绍补贴标准给予奖励'),
      // 「当年」: only for the hires of the year
      smallMicroNewHire: [
        {
          perHireFen: 30_000,
          minContractMonths: 6,
          certificateBonusFen: 30_000,
          certificateWithinMonths: 12,
          hiresOfTheYearOnly: true,
        },
        '对当年小微企业与新招聘人员签订6个月以上劳动合同的,按每人300元标准给予企业职业培训补贴；履行劳动合同1年内取得相应职业技能等级证书或提升一个技能等级的,再给予300元职业培训补贴',
      ],
      // funded (see fundSources.skillEvaluation), its amount not given
      skillEvaluation: notGiven('保证职业培训、技能鉴定、职业介绍补贴等资金支出'),
      // a pilot in some counties from 2019: each pilot county publishes its own scheme
      trainingVouchers: notGiven(
        '2019年起,选择部分有条件的县（市、区）适时开展职业技能培训券管理试点',
        '培训结束后,培训机构凭学员培训券和培训过程、质量效果等印证材料申领补贴资金',
      ),
    },
    fundSources: {
      // 就业专项资金 is the former name of 就业补助资金
      training: [
        ['employment_subsidy_fund', 'unemployment_insurance_fund'],
        '各县（市、区）要加大就业专项资金投入力度,保证职业培训、技能鉴定、职业介绍补贴等资金支出',
        '要充分发挥失业保险基金支持失业人员再就业培训和企业职工岗位技能提升培训的作用',
      ],
      jobReferralAward: [['employment_subsidy_fund'], '保证职业培训、技能鉴定、职业介绍补贴等资金支出'],
      skillEvaluation: [['employment_subsidy_fund'], '保证职业培训、技能鉴定、职业介绍补贴等资金支出'],
      // the unemployment-insurance fund pays only these two kinds of training
      limits: [
        [
          {
            fundSource: 'unemployment_insurance_fund',
            onlyFor: [
              { traineeCategories: ['unemployed'] },
              { traineeCategories: ['enterprise_staff'], trainingTypes: ['skill_upgrading'] },
            ],
          },
        ],
        '要充分发挥失业保险基金支持失业人员再就业培训和企业职工岗位技能提升培训的作用',
      ],
    },
  }),
  targets: [GOALS],
};
