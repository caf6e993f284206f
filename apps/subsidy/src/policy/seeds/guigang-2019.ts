// 贵港市职业技能提升行动工作方案(2019—2021年), 贵政办发〔2019〕24号:
// ../shared/seeds/guigang-2019-2021-action-plan.txt — a few rules, the target table split per county
// and the targets by kind of training.
import type { TargetPlan } from '@jineng/subsidy-computation';
import type { PolicySeed } from './policy-seed';
import { notGiven, unquote } from './quoted';

const GUIGANG = '450800';
const GUANGXI = '450000';

/**
 * The rows of 计划目标分解表: 区域 → where, with 三年计划总目标 and the 2019 / 2020 / 2021 split. 市本级 is
 * the city's own level (its departments and institutions), not the whole city: the whole city is the
 * table's 合计.
 */
const TABLE: readonly (readonly [
  name: string,
  where: { readonly jurisdiction: string; readonly ownLevel?: true },
  total: number,
  split: readonly number[],
])[] = [
  // 「市本级 | 12000 | 3000 | 4500 | 4500」
  ['市本级', { jurisdiction: GUIGANG, ownLevel: true }, 12_000, [3_000, 4_500, 4_500]],
  ['桂平市', { jurisdiction: '450881' }, 31_200, [7_800, 11_700, 11_700]],
  ['平南县', { jurisdiction: '450821' }, 24_000, [6_000, 9_000, 9_000]],
  ['港北区', { jurisdiction: '450802' }, 19_200, [4_800, 7_200, 7_200]],
  ['港南区', { jurisdiction: '450803' }, 16_800, [4_200, 6_300, 6_300]],
  ['覃塘区', { jurisdiction: '450804' }, 16_800, [4_200, 6_300, 6_300]],
];
const YEARS = [2019, 2020, 2021];

const BY_COUNTY: TargetPlan = {
  // 「贵港市职业技能提升行动(2019-2021年)计划目标分解表」, 「单位:人」
  title: '贵港市职业技能提升行动(2019-2021年)计划目标分解表',
  fromYear: 2019,
  toYear: 2021,
  // 「合计 | 120000 | 30000 | 45000 | 45000」
  totalTrainees: 120_000,
  lines: TABLE.flatMap(([, where, , split]) =>
    YEARS.map((year, i) => ({ ...where, year, trainees: split[i] as number })),
  ),
  subtotals: [
    // 三年计划总目标 per row
    ...TABLE.map(([, where, trainees]) => ({ ...where, trainees })),
    // 「2019年完成培训3万人次以上、2020年完成培训4.5万人次以上、2021年完成培训4.5万人次以上」
    { year: 2019, trainees: 30_000 },
    { year: 2020, trainees: 45_000 },
    { year: 2021, trainees: 45_000 },
  ],
  constraints: [
    {
      // 「注:企业职工职业技能培训人数占当地三年培训总人数的比例不低于50%」
      programme: '企业职工职业技能培训',
      minShare: 0.5,
      description: '企业职工职业技能培训人数占当地三年培训总人数的比例不低于50%',
    },
  ],
};

const ENTERPRISE_STAFF = '企业职工培训';
const OTHER_GROUPS = '其他就业群体培训';

const BY_KIND: TargetPlan = {
  // 「一、计划目标」 and the three tasks of 「二、工作任务」, over the three years (not split by year)
  title: '贵港市职业技能提升行动计划目标（按培训类别）',
  fromYear: 2019,
  toYear: 2021,
  // 「2019—2021年,全市共开展各类补贴性职业技能培训12万人次以上」
  totalTrainees: 120_000,
  lines: [
    // 「三年组织企业职工技能提升和转岗转业培训6万人次以上」
    {
      jurisdiction: GUIGANG,
      programme: ENTERPRISE_STAFF,
      trainingType: '企业职工技能提升和转岗转业培训',
      trainees: 60_000,
    },
    // 「三年组织就业重点群体开展职业技能培训和创业培训5万人次以上」
    {
      jurisdiction: GUIGANG,
      programme: OTHER_GROUPS,
      trainingType: '就业重点群体职业技能培训和创业培训',
      trainees: 50_000,
    },
    // 「三年组织贫困劳动力和贫困家庭子女开展职业技能提升培训和创业培训1万人次以上」
    {
      jurisdiction: GUIGANG,
      programme: OTHER_GROUPS,
      trainingType: '贫困劳动力和贫困家庭子女职业技能提升培训和创业培训',
      trainees: 10_000,
    },
  ],
  // 「其中:企业职工培训6万人次以上、其他就业群体培训6万人次以上」
  subtotals: [
    { programme: ENTERPRISE_STAFF, trainees: 60_000 },
    { programme: OTHER_GROUPS, trainees: 60_000 },
  ],
  // in the enterprise staff task: 「三年培训1000名新型学徒」
  portions: [{ programme: ENTERPRISE_STAFF, label: '新型学徒', trainees: 1_000 }],
};

export const GUIGANG_2019: PolicySeed = {
  key: 'guigang-2019',
  source: 'guigang-2019-2021-action-plan.txt',
  jurisdiction: GUIGANG,
  // 「实施阶段(2019年11月1日—2021年12月31日)」; the notice is dated 「成文日期:2019年09月30日」 and
  // published 「发布日期:2019年10月23日」, the month before being for preparation (「准备阶段(2019年10月底前)」)
  effectiveFrom: '2019-11-01',
  effectiveUntil: '2021-12-31',
  title: '贵港市职业技能提升行动工作方案(2019—2021年)',
  document: {
    number: '贵政办发〔2019〕24号',
    title: '贵港市人民政府办公室关于印发贵港市职业技能提升行动工作方案(2019-2021年)的通知',
    issuer: '贵港市人民政府办公室',
    issuedOn: '2019-09-30',
    // 「(国办发〔2019〕24号)」 and 「(桂政办发〔2019〕81号)」
    basedOn: ['国办发〔2019〕24号', '桂政办发〔2019〕81号'],
  },
  assumptions: [],
  ...unquote({
    subsidies: {
      // 50 ¥ a day, travel included, for poor labour and rural entrepreneurship leaders in free training
      // (§二(三)); the groups of §四(四) — poor labour outside free training among them — at the region's
      // (广西) rate, which no seed gives: not set until 广西 publishes it
      livingAllowance: [
        {
          rates: [
            {
              eligibleCategories: ['poor_labour', 'rural_entrepreneur_leader'],
              perDayFen: 5_000,
              includesTransport: true,
              freeTrainingOnly: true,
            },
            {
              eligibleCategories: [
                'poor_labour',
                'employment_difficulty',
                'zero_employment_family',
                'rural_two_after',
                'urban_subsistence_family',
              ],
              rateOf: GUANGXI,
            },
          ],
        },
        '鼓励通过项目制培训等方式为贫困劳动力、农村创业致富带头人提供免费职业技能培训、创业培训,并在培训期间给予50元/人·天的生活费(含交通费,下同)补贴',
        '落实贫困劳动力、就业困难人员、零就业家庭成员、农村户籍“两后生”、城市低保家庭学员参加职业技能培训期间生活费补贴政策',
      ],
      skillEvaluation: notGiven(
        '根据自治区有关规定调整完善职业培训补贴和职业技能鉴定补贴政策',
        '按规定落实培训补贴、职业技能鉴定补贴政策',
      ),
      trainingVouchers: notGiven('推广职业培训券制度'),
    },
    claims: {
      enterpriseStaffTrainingClaimedByInstitution: [
        true,
        '企业职工职业技能培训费用统一由培训机构垫支,培训补贴由培训机构统一代为申领',
      ],
    },
    fundSources: {
      training: [
        ['skills_upgrading_account', 'employment_subsidy_fund'],
        '单独设立“职业技能提升行动专账”,实行分账核算、专款专用',
        '财政部门要确保职业技能提升行动专项资金、就业补助资金等及时足额拨付到位',
      ],
      livingAllowance: [['employment_subsidy_fund'], '培训补贴及生活费补贴从就业补助资金中列支'],
    },
    reporting: {
      monthlyReportDueDay: [5, '月报表由当地人力资源社会保障局于次月5日前报送市人力资源社会保障局'],
    },
  }),
  targets: [BY_COUNTY, BY_KIND],
};
