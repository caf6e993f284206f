// The parameter catalogue: every parameter a policy version may set, by group, with its name in
// Chinese and English. A parameter is one field of a group (`classOpening.maxClassSize`); a
// structured one (`subsidies.perDayTraining`: tiers and a day cap) is resolved as a whole, since
// mixing one level's tiers with another's cap would be a rule nobody published. The catalogue's type
// is derived from the contract, so a parameter added to the proto does not compile until it is named
// here.
import type { subsidyV1 } from '@jineng/contracts';

export type PolicyParameters = subsidyV1.PolicyParameters;
export type PolicyDocument = subsidyV1.PolicyDocument;
export type TargetPlan = subsidyV1.TargetPlan;
export type PolicyAssumption = subsidyV1.PolicyAssumption;
export type ParameterClause = subsidyV1.ParameterClause;
/** poor_labour, employment_difficulty, enterprise_staff, … (the categories of trainees the rules name) */
export type TraineeCategory = subsidyV1.LivingAllowanceRate['eligibleCategories'][number];
export type TrainingType = subsidyV1.FlatPerPersonSubsidy['trainingType'];
export type FundSource = subsidyV1.FundSourceLimit['fundSource'];
/** what an officer found of a trainee that a fund source excludes (no ability or wish to work, …) */
export type TraineeFinding = NonNullable<subsidyV1.FundSourceLimit['excludedTrainees']>[number];

type Groups = Required<PolicyParameters>;
export type ParameterGroup = keyof Groups & string;
export type ParameterField<G extends ParameterGroup> = keyof Required<Groups[G]> & string;
export type ParameterValue<G extends ParameterGroup, F extends ParameterField<G>> = Required<Groups[G]>[F];

export interface ParameterLabel {
  readonly zh: string;
  readonly en: string;
}

type Catalogue = {
  readonly [G in ParameterGroup]: { readonly [F in ParameterField<G>]-?: ParameterLabel };
};

const l = (zh: string, en: string): ParameterLabel => ({ zh, en });

export const PARAMETER_CATALOGUE: Catalogue = {
  classOpening: {
    leadWorkingDays: l('开班申请提前工作日数', 'working days an opening application is due before the start'),
    maxClassSize: l('每班人数上限', 'maximum class size'),
    maxKeyGroupClassSize: l('就业重点人群每班人数上限', 'maximum class size for key groups'),
    minPracticalShare: l('技能实训占总课时的最低比例', 'minimum practical share of class hours'),
    minLessonMinutes: l('每课时最少分钟数', 'minimum minutes per class hour'),
    maxTraineesPerTeacher: l('每名教师最多学员数', 'maximum trainees per teacher'),
    maxTraineesPerWorkstation: l('每个工位最多学员数', 'maximum trainees per workstation'),
    typicalDurationDays: l('一般培训天数', 'usual training days'),
    typicalDurationHours: l('一般培训课时', 'usual class hours'),
    maxDurationDays: l('最长培训天数', 'maximum training days'),
    maxDurationHours: l('最多培训课时', 'maximum class hours'),
    minOpeningDayPresenceShare: l('开班当日最低到课比例', 'minimum opening-day presence share'),
    inspectionPresenceShare: l('抽查平均人数按开班人数计的比例', 'inspection presence share'),
    theoryRecordedInFull: l('理论教学全程录像', 'theory lessons recorded in full'),
    minPracticalVideoMinutesPerHour: l(
      '实操每学时最少连续录像分钟数',
      'minimum continuous video minutes per practical hour',
    ),
    geofenceRadiusMetres: l('签到地理围栏半径（米）', 'check-in geofence radius (metres)'),
    minFaceMatchScore: l('人脸识别最低比对分', 'minimum face-match score'),
    enterpriseCentreOwnStaffOnly: l(
      '企业培训中心仅面向本企业职工开展补贴性培训',
      'enterprise training centres train their own staff only',
    ),
  },
  trainees: {
    repeatTrainingWithinYearAllowed: l('年度内可否重复培训', 'repeat training within a year allowed'),
    localTiesAnyOf: l(
      '户籍地、常住地或求职就业地须在本地（任一）',
      'hukou, residence or job-seeking place in the jurisdiction (any of)',
    ),
    monthlyPensionRecipientsExcluded: l(
      '具有按月领取养老金资格的人员不纳入',
      'persons entitled to a monthly pension excluded',
    ),
    employmentDifficulty: l('就业困难人员的范围', 'who counts as a person with employment difficulty'),
    registry: l('劳动力建档立卡的年龄与分类', 'labour registry: ages and categories'),
  },
  assessment: {
    applicationLeadDays: l('结业考核提前申请天数', 'days an assessment application is due before the end'),
    offlineOnly: l('一律线下考核', 'offline assessment only'),
    certificateRules: l('各类职业对应的证书', 'certificate per occupation type'),
    hrOfficeSetsTrainingCertificateExams: l(
      '培训合格证书考核由人社部门统一出题',
      'HR office sets training-certificate exams',
    ),
    trainingCertificate: l(
      '不认可培训合格证书的证书类别（及暂行例外）',
      'where a training-qualified certificate is not accepted (and the temporary exception)',
    ),
    ownEvaluationBody: l(
      '须自主成立技能人才评价机构的用人单位及期限',
      'employers that must set up their own skills evaluation body, and by when',
    ),
    minAttendanceShareToPass: l('判定合格所需的最低出勤比例', 'minimum share of sessions attended to pass'),
  },
  institutionQuality: {
    minYearlyPassRate: l('年度培训合格率下限', 'minimum yearly pass rate'),
    minYearlyEmploymentRate: l('年度就业率下限', 'minimum yearly employment rate'),
    minSatisfaction: l('满意度下限', 'minimum satisfaction'),
    privateSchoolNoIncidentSince: l('民办学校无办学责任问题的起始日期', 'private school: no incident since'),
    privateSchoolInspectionYear: l('民办学校须年检合格的年度', 'private school: annual inspection passed in'),
    keyGroupTrainingMinPassRate: l('重点群体培训合格率下限', 'key-group training minimum pass rate'),
    keyGroupTrainingMinCertificateRate: l(
      '重点群体培训取证率下限',
      'key-group training minimum certificate rate',
    ),
    keyGroupTrainingMinEmploymentRate: l(
      '重点群体培训就业率下限',
      'key-group training minimum employment rate',
    ),
  },
  subsidies: {
    perDayTraining: l('按培训天数的培训补贴', 'training subsidy per day'),
    tranches: l('培训补贴分段拨付', 'training subsidy tranches'),
    jobReferralAwardFen: l('职业介绍奖励金额', 'job-referral award'),
    flatPerPerson: l('按人定额培训补贴', 'flat subsidy per person'),
    apprenticeship: l('企业新型学徒制补贴', 'apprenticeship subsidy'),
    smallMicroNewHire: l('小微企业新招用人员岗前培训补贴', 'small/micro enterprise new-hire subsidy'),
    workBasedTraining: l('以工代训补贴', 'work-based training subsidy'),
    livingAllowance: l('培训期间生活费补贴', 'living allowance'),
    prepayment: l('预拨培训补贴', 'prepayment'),
    freeTraining: l('免费培训（全额支付）', 'free training (paid in full)'),
    skillEvaluation: l('职业技能鉴定补贴', 'skill evaluation subsidy'),
    trainingVouchers: l('职业培训券', 'training vouchers'),
    selfChosenTraining: l('自主选择培训的补贴条件', 'subsidy of self-chosen training'),
  },
  claims: {
    reviewWorkingDays: l('受理审核时限（工作日）', 'review deadline (working days)'),
    publicNoticeWorkingDays: l('公示期（工作日）', 'public notice (working days)'),
    sameProjectRepeatClaimAllowed: l('同一培训项目可否重复申报', 'same project claimed again allowed'),
    paidToWhoeverFronted: l('谁垫付谁申领', 'paid to whoever fronted the cost'),
    enterpriseStaffTrainingClaimedByInstitution: l(
      '企业职工培训由培训机构垫支并代为申领',
      'enterprise staff training claimed by the institution',
    ),
    signedCommitmentRequired: l('申领须签署真实性承诺', 'signed commitment required'),
    yearlySubsidyLimit: l('每人每年享受培训补贴次数上限', 'training subsidies per worker and year'),
    sameOccupationLevelAgainAllowed: l(
      '同一职业同一等级可否重复享受',
      'same occupation and level subsidized again',
    ),
  },
  fundSources: {
    training: l('培训补贴的资金来源', 'fund sources of training subsidies'),
    livingAllowance: l('生活费补贴的资金来源', 'fund sources of living allowances'),
    apprenticeship: l('学徒制补贴的资金来源', 'fund sources of apprenticeship subsidies'),
    smallMicroNewHire: l('小微企业岗前培训补贴的资金来源', 'fund sources of small/micro new-hire subsidies'),
    workBasedTraining: l('以工代训补贴的资金来源', 'fund sources of work-based training subsidies'),
    freeTraining: l('免费培训的资金来源', 'fund sources of free training'),
    jobReferralAward: l('职业介绍奖励的资金来源', 'fund sources of job-referral awards'),
    skillEvaluation: l('职业技能鉴定补贴的资金来源', 'fund sources of skill evaluation subsidies'),
    limits: l('资金来源的使用范围', 'what fund sources may pay for'),
  },
  reporting: {
    monthlyReportDueDay: l('月报截止日（次月）', 'monthly report due day (next month)'),
  },
};

/** `classOpening.maxClassSize` */
export type ParameterPath = {
  [G in ParameterGroup]: `${G}.${ParameterField<G>}`;
}[ParameterGroup];

export interface ParameterEntry {
  readonly group: ParameterGroup;
  readonly field: string;
  readonly path: ParameterPath;
  readonly label: ParameterLabel;
}

/** Every parameter, in catalogue order. */
export const PARAMETERS: readonly ParameterEntry[] = Object.entries(PARAMETER_CATALOGUE).flatMap(
  ([group, fields]) =>
    Object.entries(fields as Record<string, ParameterLabel>).map(([field, label]) => ({
      group: group as ParameterGroup,
      field,
      path: `${group}.${field}` as ParameterPath,
      label,
    })),
);

const BY_PATH: ReadonlyMap<string, ParameterEntry> = new Map(PARAMETERS.map((p) => [p.path, p]));

export const parameterEntry = (path: ParameterPath): ParameterEntry => BY_PATH.get(path)!;

export const isParameterPath = (path: string): path is ParameterPath => BY_PATH.has(path);

/** The value a parameter set gives a parameter, or undefined when it does not set it. */
export function valueAt(parameters: PolicyParameters, entry: ParameterEntry): unknown {
  const group = parameters[entry.group] as Readonly<Record<string, unknown>> | undefined;
  return group?.[entry.field];
}
