// 晋城市 创建“人人持证、技能社会”行动方案(2020—2021年), as reported in the news article of
// ../shared/seeds/jincheng-2020-everyone-certified.txt. The article is about goals: it sets few rules.
import type { PolicySeed } from './policy-seed';

export const JINCHENG_2020: PolicySeed = {
  key: 'jincheng-2020',
  source: 'jincheng-2020-everyone-certified.txt',
  jurisdiction: '140500',
  // The article gives neither the date nor the number of the plan (「近日,市政府印发」); the plan runs
  // 「(2020—2021年)」, so it is taken to apply from the first day of 2020.
  effectiveFrom: '2020-01-01',
  title: '创建“人人持证、技能社会”行动方案(2020—2021年)',
  document: {
    title: '创建“人人持证、技能社会”行动方案(2020—2021年)',
    issuer: '晋城市人民政府',
  },
  parameters: {
    assessment: {
      // 「凡是职工达到300人以上、符合条件的用人单位,都要按照有关规定成立技能人才评价机构,自主开展技能认定工作」
      ownEvaluationBodyMinStaff: 300,
    },
    institutionQuality: {
      // for the free training of key groups: 「每次培训后合格率要达到95%以上」
      keyGroupTrainingMinPassRate: 0.95,
      // 「其中取得职业资格证或技能等级证、专项能力证、特种作业操作证和特种设备作业人员证者要达到60%以上」
      keyGroupTrainingMinCertificateRate: 0.6,
      // 「就业率不低于30%」; the goals say the same: 「重点就业群体补贴性职业技能培训后就业率达到30%以上」
      keyGroupTrainingMinEmploymentRate: 0.3,
    },
  },
  targets: [],
};
