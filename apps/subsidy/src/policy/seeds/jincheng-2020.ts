// 晋城市 创建“人人持证、技能社会”行动方案(2020—2021年), as reported in the news article of
// ../shared/seeds/jincheng-2020-everyone-certified.txt. The article is about goals: it sets few rules.
import type { PolicySeed } from './policy-seed';
import { unquote } from './quoted';

const JINCHENG = '140500';
const KEY_GROUPS = '重点就业群体补贴性职业技能培训';

export const JINCHENG_2020: PolicySeed = {
  key: 'jincheng-2020',
  source: 'jincheng-2020-everyone-certified.txt',
  jurisdiction: JINCHENG,
  // an assumption, recorded as such (below): the article gives no date
  effectiveFrom: '2020-01-01',
  // 「(2020—2021年)」
  effectiveUntil: '2021-12-31',
  title: '创建“人人持证、技能社会”行动方案(2020—2021年)',
  document: {
    title: '创建“人人持证、技能社会”行动方案(2020—2021年)',
    issuer: '晋城市人民政府',
  },
  assumptions: [
    {
      about: 'effectiveFrom',
      assumed: '2020-01-01',
      reason:
        '报道只说「近日,市政府印发」，未载方案的印发日期和文号；方案期为「(2020—2021年)」，故取 2020 年 1 月 1 日起施行。',
    },
  ],
  ...unquote({
    trainees: {
      registry: [
        { minAge: 16, maxAge: 60, categories: ['poor_labour', 'graduate', 'rural_labour', 'urban_labour'] },
        '对全市16周岁至60周岁劳动力,进行分类(即贫困劳动力、毕业大学生、农村劳动力、城镇劳动力)分段(先试点后推广、先重点后一般)建档立卡',
      ],
    },
    assessment: {
      // 「2021年底前」: the last day of 2021
      ownEvaluationBody: [
        { minStaff: 300, deadline: '2021-12-31' },
        '2021年底前,不分所有制性质,凡是职工达到300人以上、符合条件的用人单位,都要按照有关规定成立技能人才评价机构,自主开展技能认定工作',
      ],
    },
    institutionQuality: {
      // for the free training of key groups
      keyGroupTrainingMinPassRate: [0.95, '每次培训后合格率要达到95%以上'],
      keyGroupTrainingMinCertificateRate: [
        0.6,
        '其中取得职业资格证或技能等级证、专项能力证、特种作业操作证和特种设备作业人员证者要达到60%以上',
      ],
      // the goals say the same
      keyGroupTrainingMinEmploymentRate: [
        0.3,
        '就业率不低于30%',
        '重点就业群体补贴性职业技能培训后就业率达到30%以上',
      ],
    },
    subsidies: {
      // the ten groups are counted, not listed: which categories they are is not in the article
      freeTraining: [
        { groupsAsNamed: '十类重点就业群体' },
        '对十类重点就业群体开展每年3万人次、两年6万人次免费职业技能培训',
      ],
    },
  }),
  targets: [
    {
      // 「每年开展企业职工技能提升培训20万人次以上,重点就业群体补贴性职业技能培训3万人次以上」; no total over
      // the two years is printed but the key groups' 「两年6万人次」
      title: '创建“人人持证、技能社会”行动目标（每年）',
      fromYear: 2020,
      toYear: 2021,
      lines: [2020, 2021].flatMap((year) => [
        { jurisdiction: JINCHENG, year, programme: '企业职工技能提升培训', trainees: 200_000 },
        { jurisdiction: JINCHENG, year, programme: KEY_GROUPS, trainees: 30_000 },
      ]),
      subtotals: [{ programme: KEY_GROUPS, trainees: 60_000 }],
    },
  ],
};
