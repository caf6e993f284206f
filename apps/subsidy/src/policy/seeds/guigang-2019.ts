// 贵港市职业技能提升行动工作方案(2019—2021年), 贵政办发〔2019〕24号:
// ../shared/seeds/guigang-2019-2021-action-plan.txt — a few rules and the target table split per county.
import type { PolicySeed } from './policy-seed';

const GUIGANG = '450800';
/** The rows of 计划目标分解表: 区域 → code, with 三年计划总目标 and the 2019 / 2020 / 2021 split. */
const TABLE: readonly (readonly [name: string, code: string, total: number, split: readonly number[]])[] = [
  // 「市本级 | 12000 | 3000 | 4500 | 4500」: the city's own share
  ['市本级', GUIGANG, 12_000, [3_000, 4_500, 4_500]],
  ['桂平市', '450881', 31_200, [7_800, 11_700, 11_700]],
  ['平南县', '450821', 24_000, [6_000, 9_000, 9_000]],
  ['港北区', '450802', 19_200, [4_800, 7_200, 7_200]],
  ['港南区', '450803', 16_800, [4_200, 6_300, 6_300]],
  ['覃塘区', '450804', 16_800, [4_200, 6_300, 6_300]],
];
const YEARS = [2019, 2020, 2021];

export const GUIGANG_2019: PolicySeed = {
  key: 'guigang-2019',
  source: 'guigang-2019-2021-action-plan.txt',
  jurisdiction: GUIGANG,
  // 「成文日期:2019年09月30日」 (published 「发布日期:2019年10月23日」)
  effectiveFrom: '2019-09-30',
  title: '贵港市职业技能提升行动工作方案(2019—2021年)',
  document: {
    number: '贵政办发〔2019〕24号',
    title: '贵港市人民政府办公室关于印发贵港市职业技能提升行动工作方案(2019-2021年)的通知',
    issuer: '贵港市人民政府办公室',
    issuedOn: '2019-09-30',
    // 「(国办发〔2019〕24号)」 and 「(桂政办发〔2019〕81号)」
    basedOn: ['国办发〔2019〕24号', '桂政办发〔2019〕81号'],
  },
  parameters: {
    subsidies: {
      // 「为贫困劳动力、农村创业致富带头人提供免费职业技能培训、创业培训,并在培训期间给予50元/人·天的生活费(含交通费,下同)补贴」,
      // for the categories of 「落实贫困劳动力、就业困难人员、零就业家庭成员、农村户籍“两后生”、城市低保家庭学员参加职业技能培训期间生活费补贴政策」
      livingAllowance: {
        perDayFen: 5_000,
        eligibleCategories: [
          'poor_labour',
          'rural_entrepreneur_leader',
          'employment_difficulty',
          'zero_employment_family',
          'rural_two_after',
          'urban_subsistence_family',
        ],
        includesTransport: true,
      },
    },
    claims: {
      // 「企业职工职业技能培训费用统一由培训机构垫支,培训补贴由培训机构统一代为申领」
      enterpriseStaffTrainingClaimedByInstitution: true,
    },
    fundSources: {
      // 「单独设立“职业技能提升行动专账”,实行分账核算、专款专用」 and
      // 「财政部门要确保职业技能提升行动专项资金、就业补助资金等及时足额拨付到位」
      training: ['skills_upgrading_account', 'employment_subsidy_fund'],
      // 「培训补贴及生活费补贴从就业补助资金中列支」
      livingAllowance: ['employment_subsidy_fund'],
    },
    reporting: {
      // 「月报表由当地人力资源社会保障局于次月5日前报送市人力资源社会保障局」
      monthlyReportDueDay: 5,
    },
  },
  targets: [
    {
      // 「贵港市职业技能提升行动(2019-2021年)计划目标分解表」, 「单位:人」
      title: '贵港市职业技能提升行动(2019-2021年)计划目标分解表',
      fromYear: 2019,
      toYear: 2021,
      // 「合计 | 120000 | 30000 | 45000 | 45000」
      totalTrainees: 120_000,
      lines: TABLE.flatMap(([, jurisdiction, , split]) =>
        YEARS.map((year, i) => ({ jurisdiction, year, trainees: split[i] as number })),
      ),
      subtotals: [
        // 三年计划总目标 per row
        ...TABLE.map(([, jurisdiction, trainees]) => ({ jurisdiction, trainees })),
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
    },
  ],
};
