// 2021年济源示范区人力资源和社会保障局职业技能提升行动工作方案, 济管人社〔2021〕6号:
// ../shared/seeds/jiyuan-2021-hr-work-plan.txt — the most detailed rules of the seeds (class operations,
// assessment, claims) and the 2021 plan by training kind and institution.
import type { TargetPlan } from '@jineng/subsidy-computation';
import type { PolicySeed } from './policy-seed';
import { unquote } from './quoted';

const JIYUAN = '419001';

type PlanRow = readonly [
  programme: string,
  trainingType: string | undefined,
  trainees: number,
  assigned: readonly (readonly [assignee: string, trainees: number])[],
];

const POLYTECHNIC = '济源职业技术学院';
const TECHNICIAN_COLLEGE = '济源技师学院';
const EMPLOYMENT_CENTRE = '济源市劳动就业培训中心';
const MACHINERY_SCHOOL = '济源市机械高级技工学校';

/** 附件1 「2021年职业技能提升培训计划表」: 培训项目, 类型, 培训人数, 任务分配 (数量, 单位), as printed. */
// prettier-ignore
const PLAN: readonly PlanRow[] = [
  ['企业职工技能提升', '岗前培训', 2_500, [[POLYTECHNIC, 800], [TECHNICIAN_COLLEGE, 800], [EMPLOYMENT_CENTRE, 600], [MACHINERY_SCHOOL, 300]]],
  ['企业职工技能提升', '合格证培训', 2_000, [[POLYTECHNIC, 400], [TECHNICIAN_COLLEGE, 400], [EMPLOYMENT_CENTRE, 400], [MACHINERY_SCHOOL, 200], ['企业自训', 600]]],
  ['企业职工技能提升', '中级工培训', 3_600, [[POLYTECHNIC, 1_000], [TECHNICIAN_COLLEGE, 1_000], [EMPLOYMENT_CENTRE, 1_000], [MACHINERY_SCHOOL, 600]]],
  ['企业职工技能提升', '高级工培训', 3_000, [[POLYTECHNIC, 800], [TECHNICIAN_COLLEGE, 800], [EMPLOYMENT_CENTRE, 800], [MACHINERY_SCHOOL, 600]]],
  // 400 + 300 apprentices as the table prints them, though the text says 「企业新型学徒制培训600人」
  ['新型学徒制培训', '中级工培训', 400, [[TECHNICIAN_COLLEGE, 250], [MACHINERY_SCHOOL, 150]]],
  ['新型学徒制培训', '高级工培训', 300, [[TECHNICIAN_COLLEGE, 200], [MACHINERY_SCHOOL, 100]]],
  ['技师培训', '技师培训', 170, [[POLYTECHNIC, 120], [MACHINERY_SCHOOL, 50]]],
  ['技师培训', '高级技师培训', 30, [[POLYTECHNIC, 20], [TECHNICIAN_COLLEGE, 10]]],
  ['重点人群培训', undefined, 9_500, [['学院及技工学校', 2_300], ['民办培训机构', 7_200]]],
  ['特种作业培训', '特种操作证', 2_000, [['行业定点培训', 2_000]]],
  ['高危行业安全培训', '安全培训', 2_000, [['工科委和应急局定点机构', 2_000]]],
  ['以工代训', undefined, 12_000, [['中小微企业', 12_000]]],
  ['创业培训', undefined, 2_500, [[EMPLOYMENT_CENTRE, 2_500]]],
];

const kind = (programme: string, trainingType: string | undefined) => ({
  programme,
  ...(trainingType === undefined ? {} : { trainingType }),
});

const PLAN_2021: TargetPlan = {
  title: '2021年职业技能提升培训计划表',
  fromYear: 2021,
  toYear: 2021,
  // 「合计 40000 40000」, and 「全年开展各类补贴性职业技能培训4万人次以上」
  totalTrainees: 40_000,
  lines: PLAN.flatMap(([programme, trainingType, , assigned]) =>
    assigned.map(([assignee, trainees]) => ({
      jurisdiction: JIYUAN,
      year: 2021,
      ...kind(programme, trainingType),
      assignee,
      trainees,
    })),
  ),
  // the 培训人数 column
  subtotals: PLAN.map(([programme, trainingType, trainees]) => ({
    ...kind(programme, trainingType),
    trainees,
  })),
};

/** 「新培养高技能人才1600人以上」: a count of workers, not of trainings. */
const HIGH_SKILL_2021: TargetPlan = {
  title: '2021年新培养高技能人才',
  fromYear: 2021,
  toYear: 2021,
  measure: 'new_high_skill_workers',
  totalTrainees: 1_600,
  lines: [{ jurisdiction: JIYUAN, year: 2021, trainees: 1_600 }],
};

export const JIYUAN_2021: PolicySeed = {
  key: 'jiyuan-2021',
  source: 'jiyuan-2021-hr-work-plan.txt',
  jurisdiction: JIYUAN,
  // the notice is dated 「2021年5月8日」; it states no end date
  effectiveFrom: '2021-05-08',
  title: '2021年济源示范区人力资源和社会保障局职业技能提升行动工作方案',
  document: {
    number: '济管人社〔2021〕6号',
    title: '关于印发《2021年济源示范区人力资源和社会保障局职业技能提升行动工作方案》的通知',
    issuer: '济源产城融合示范区人力资源和社会保障局',
    issuedOn: '2021-05-08',
    // 「（济技领办〔2021〕4号）」
    basedOn: ['济技领办〔2021〕4号'],
  },
  assumptions: [],
  ...unquote({
    classOpening: {
      leadWorkingDays: [3, '企业或培训机构培训开班3个工作日前，须制定培训计划，提交培训开班申请'],
      maxClassSize: [50, '每班人数不得超过50人（就业重点人群培训每班不得超过30人）'],
      maxKeyGroupClassSize: [30, '就业重点人群培训每班不得超过30人'],
      minPracticalShare: [0.65, '技能实训不少于总课时的65%'],
      minLessonMinutes: [40, '每课时不低于40分钟'],
      // about 1 : 20: the rule that applies it decides how strictly
      maxTraineesPerTeacher: [20, '职业技能培训师生比、工位与培训学员比保持在 1 : 20 左右'],
      maxTraineesPerWorkstation: [20, '工位与培训学员比保持在 1 : 20 左右'],
      minOpeningDayPresenceShare: [0.9, '开班当日实际参加培训人数低于计划申报人数 90% 的取消本次培训班'],
      inspectionPresenceShare: [
        0.9,
        '抽查中培训学员平均人数低于开班人数 90% 的，补贴资金按平均人数为基准予以核拨',
      ],
      theoryRecordedInFull: [true, '理论教学全程录像'],
      minPracticalVideoMinutesPerHour: [15, '实操培训每学时连续录像不低于15分钟'],
      enterpriseCentreOwnStaffOnly: [
        true,
        '经专家实地评估、批复同意后，一并纳入补贴性培训机构目录管理，可面向内部职工开展补贴性培训',
      ],
    },
    trainees: {
      repeatTrainingWithinYearAllowed: [false, '学员年度内不得重复培训'],
    },
    assessment: {
      // calendar days: the text does not say working days
      applicationLeadDays: [3, '结业前 3 天', '提出考核申请'],
      offlineOnly: [true, '补贴性培训一律实行线下考核'],
      hrOfficeSetsTrainingCertificateExams: [
        true,
        '培训合格证书类考核，理论、实操由示范区人力资源社会保障局负责统一出题并组织考核',
      ],
      // four kinds (专项职业资格证书 read as the special-ability certificate); the exception names no date:
      // it holds with this version until a later one ends it
      trainingCertificate: [
        {
          notAcceptedFor: ['qualification', 'skill_level', 'special_operation', 'special_ability'],
          temporaryException: { acceptedFor: ['skill_level', 'special_ability'] },
        },
        '对能够取得职业资格证书、职业技能等级证书、特种作业操作证书（特种作业安全证书）、专项职业资格证书的，必须优先组织培训学员参加鉴定评价，对直接参加培训合格证书考核的不予认可',
        '在职业技能等级认定和专项职业能力考核机制未健全之前可暂按合格证考核',
      ],
    },
    institutionQuality: {
      minSatisfaction: [0.85, '落实培训后同步进行满意度调查，低于85%的停止培训开班，限期整改'],
      privateSchoolNoIncidentSince: [
        '2019-01-01',
        '政策性补贴向 2019 年以来未因办学发生责任问题、2020年度年检合格的民办职业培训学校开放',
      ],
      privateSchoolInspectionYear: [2020, '2020年度年检合格的民办职业培训学校'],
    },
    subsidies: {
      freeTraining: [{ eligibleCategories: ['former_poor_labour'] }, '面向已脱贫劳动力开展免费技能培训'],
    },
    claims: {
      // the application form (附件2) gives the task force 「自受理之日起15个工作日内」 for its first and
      // second review; the plan's own text is shipped
      reviewWorkingDays: [7, '人社部门应在7个工作日内完成受理及审核工作'],
      publicNoticeWorkingDays: [3, '进行不少于3个工作日的公示'],
      signedCommitmentRequired: [true, '我郑重承诺对提供的各项材料和信息真实性负责'],
    },
    fundSources: {
      training: [
        ['employment_subsidy_fund', 'unemployment_insurance_fund', 'skills_upgrading_account'],
        '资金来源（就业补助资金、失业保险基金、职业技能提升行动资金等）',
      ],
      // a rule on the dedicated account's money, not on every class
      limits: [
        [
          {
            fundSource: 'skills_upgrading_account',
            excludedTrainees: ['no_work_ability', 'no_work_wish', 'cannot_move_into_work'],
          },
        ],
        '职业技能提升行动专账资金不得培训无就业能力、无就业意愿、自身难以实现转移就业的人员',
      ],
    },
    reporting: {
      monthlyReportDueDay: [6, '每月6日前向职业技能振兴领导小组办公室上报补贴性职业技能提升培训推进情况'],
    },
  }),
  targets: [PLAN_2021, HIGH_SKILL_2021],
};
