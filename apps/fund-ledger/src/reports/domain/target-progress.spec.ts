import {
  monthlyReportDueOn,
  targetProgress,
  targetsInForce,
  yearsToMeasure,
  type MeasuredYear,
  type PublishedPolicy,
} from './target-progress';

const CITY = '450800';
const GANGBEI = '450802';
const GANGNAN = '450803';

const plan = {
  title: '贵港市职业技能提升行动目标任务分解表',
  fromYear: 2019,
  toYear: 2021,
  lines: [
    { jurisdiction: GANGBEI, year: 2020, programme: '企业职工职业技能培训', trainees: 3_000 },
    { jurisdiction: GANGBEI, year: 2020, programme: '其他就业群体培训', trainees: 2_000 },
    { jurisdiction: GANGNAN, year: 2020, programme: '企业职工职业技能培训', trainees: 4_000 },
    { jurisdiction: CITY, year: 2020, programme: '企业职工职业技能培训', trainees: 1_000, ownLevel: true },
    { jurisdiction: GANGBEI, year: 2021, programme: '企业职工职业技能培训', trainees: 9_000 },
  ],
  constraints: [
    {
      programme: '企业职工职业技能培训',
      minShare: 0.5,
      description: '企业职工职业技能培训人数占当地三年培训总人数的比例不低于50%',
    },
  ],
};
const guigang: PublishedPolicy = {
  versionId: 'v-guigang',
  jurisdictionCode: CITY,
  effectiveFrom: '2019-11-01',
  effectiveUntil: '2021-12-31',
  revision: 1,
  targets: [plan],
  monthlyReportDueDay: 5,
};
const measured: MeasuredYear[] = [
  { year: 2020, jurisdictionCode: GANGBEI, measure: 'trainings', count: 1_250 },
  { year: 2020, jurisdictionCode: GANGNAN, measure: 'trainings', count: 4_400 },
  { year: 2020, jurisdictionCode: CITY, measure: 'trainings', count: 100 },
  { year: 2020, jurisdictionCode: GANGBEI, measure: 'certified_trainees', count: 900 },
  { year: 2019, jurisdictionCode: GANGBEI, measure: 'trainings', count: 777 },
];

describe('given Guigang’s table split by county and year', () => {
  it('when a county reports, then its own lines are summed per year and measured against its trainings', () => {
    const { targets, constraints } = targetProgress(2020, GANGBEI, [guigang], measured);
    expect(targets).toEqual([
      {
        planTitle: plan.title,
        versionId: 'v-guigang',
        measure: 'trainings',
        jurisdictionCode: GANGBEI,
        ownLevel: false,
        span: '2020',
        targetTrainees: 5_000,
        actual: 1_250,
        progressShare: '0.2500',
        programmes: '企业职工职业技能培训 3000；其他就业群体培训 2000',
      },
    ]);
    expect(constraints).toEqual([
      {
        planTitle: plan.title,
        versionId: 'v-guigang',
        programme: '企业职工职业技能培训',
        minShare: '0.5000',
        description: '企业职工职业技能培训人数占当地三年培训总人数的比例不低于50%',
        jurisdictionCode: GANGBEI,
        actualShare: '',
        status: 'not_mapped',
      },
    ]);
  });

  it('when finance mapped a programme to training types, then it is measured and its constraint judged', () => {
    const byType: MeasuredYear[] = [
      {
        year: 2019,
        jurisdictionCode: GANGBEI,
        measure: 'trainings',
        count: 100,
        trainingType: 'skill_upgrading',
        keyGroup: false,
      },
      {
        year: 2020,
        jurisdictionCode: GANGBEI,
        measure: 'trainings',
        count: 600,
        trainingType: 'skill_upgrading',
        keyGroup: false,
      },
      {
        year: 2020,
        jurisdictionCode: GANGBEI,
        measure: 'trainings',
        count: 50,
        trainingType: 'job_transfer',
        keyGroup: true,
      },
      {
        year: 2020,
        jurisdictionCode: GANGBEI,
        measure: 'trainings',
        count: 500,
        trainingType: 'pre_job',
        keyGroup: true,
      },
      {
        year: 2020,
        jurisdictionCode: GANGNAN,
        measure: 'trainings',
        count: 10,
        trainingType: 'skill_upgrading',
        keyGroup: false,
      },
      {
        year: 2020,
        jurisdictionCode: GANGNAN,
        measure: 'trainings',
        count: 90,
        trainingType: 'pre_job',
        keyGroup: false,
      },
    ];
    const staff = {
      jurisdictionCode: CITY,
      programme: '企业职工职业技能培训',
      trainingTypes: ['skill_upgrading', 'job_transfer'],
      keyGroupOnly: false,
    };
    const { targets, programmeTargets, constraints } = targetProgress(2020, CITY, [guigang], byType, [staff]);
    expect(targets.find((t) => t.jurisdictionCode === GANGBEI)).toMatchObject({
      targetTrainees: 5_000,
      actual: 1_150,
    });
    expect(programmeTargets.filter((p) => p.jurisdictionCode === GANGBEI)).toEqual([
      {
        planTitle: plan.title,
        jurisdictionCode: GANGBEI,
        ownLevel: false,
        span: '2020',
        programme: '企业职工职业技能培训',
        targetTrainees: 3_000,
        measured: true,
        actual: 650,
        progressShare: '0.2167',
      },
      {
        planTitle: plan.title,
        jurisdictionCode: GANGBEI,
        ownLevel: false,
        span: '2020',
        programme: '其他就业群体培训',
        targetTrainees: 2_000,
        measured: false,
        actual: 0,
        progressShare: '',
      },
    ]);
    // over the plan's years to 2020: 港北 750 of 1 250, 港南 10 of 100, the city's own level none
    expect(constraints.map((c) => [c.jurisdictionCode, c.actualShare, c.status])).toEqual([
      [CITY, '', 'no_trainings'],
      [GANGBEI, '0.6000', 'met'],
      [GANGNAN, '0.1000', 'not_met'],
    ]);
    // for key groups only: 50 of 港北's
    const keyOnly = targetProgress(2020, GANGBEI, [guigang], byType, [{ ...staff, keyGroupOnly: true }]);
    expect(keyOnly.programmeTargets[0]!.actual).toBe(50);
    // a mapping of another jurisdiction's tables does not apply
    const elsewhere = targetProgress(2020, GANGBEI, [guigang], byType, [
      { ...staff, jurisdictionCode: GANGBEI },
    ]);
    expect(elsewhere.programmeTargets[0]!.measured).toBe(false);
  });

  it('when the city reports, then each county and the city’s own level (本级) is a row of its own', () => {
    const { targets } = targetProgress(2020, CITY, [guigang], measured);
    expect(targets.map((t) => [t.jurisdictionCode, t.ownLevel, t.targetTrainees, t.actual])).toEqual([
      [CITY, true, 1_000, 100],
      [GANGBEI, false, 5_000, 1_250],
      [GANGNAN, false, 4_000, 4_400],
    ]);
    expect(targets[2]!.progressShare).toBe('1.1000');
  });

  it('when another city reports, or a year outside the plan, then there is no target', () => {
    expect(targetProgress(2020, '530300', [guigang], measured).targets).toEqual([]);
    expect(targetProgress(2022, CITY, [guigang], measured).targets).toEqual([]);
  });
});

it('a line without a year is the whole plan period, counted from its first year to the report’s', () => {
  const qujing: PublishedPolicy = {
    versionId: 'v-qujing',
    jurisdictionCode: '530300',
    effectiveFrom: '2019-01-01',
    revision: 1,
    targets: [
      {
        title: '曲靖市三年培训目标',
        fromYear: 2019,
        toYear: 2021,
        measure: 'certified_trainees',
        lines: [{ jurisdiction: '530300', trainees: 180_000 }],
      },
    ],
  };
  const counts: MeasuredYear[] = [
    { year: 2019, jurisdictionCode: '530302', measure: 'certified_trainees', count: 50_000 },
    { year: 2020, jurisdictionCode: '530321', measure: 'certified_trainees', count: 40_000 },
    { year: 2020, jurisdictionCode: '530302', measure: 'trainings', count: 1 },
  ];
  expect(yearsToMeasure(2020, [qujing])).toEqual([2019, 2020]);
  const [row] = targetProgress(2020, '530300', [qujing], counts).targets;
  expect([row!.span, row!.measure, row!.targetTrainees, row!.actual, row!.progressShare]).toEqual([
    '2019-2021',
    'certified_trainees',
    180_000,
    90_000,
    '0.5000',
  ]);
});

it('the latest version in force with a table for the year counts, a later revision replacing the first', () => {
  const revised = {
    ...guigang,
    versionId: 'v-guigang-2',
    effectiveFrom: '2020-06-01',
    targets: [{ ...plan, title: '修订表' }],
  };
  const expired = {
    ...guigang,
    versionId: 'v-old',
    effectiveFrom: '2015-01-01',
    effectiveUntil: '2019-12-31',
  };
  expect(targetsInForce(2020, [guigang, revised, expired]).map((t) => t.policy.versionId)).toEqual([
    'v-guigang-2',
  ]);
  expect(targetsInForce(2022, [guigang, revised]).map((t) => t.policy.versionId)).toEqual([]);
});

describe('the monthly report’s due day', () => {
  it('is the policy’s day of the next month (Guigang: 次月5日前), also across the year end', () => {
    expect(monthlyReportDueOn('2020-03', GANGBEI, [guigang])).toEqual({
      dueOn: '2020-04-05',
      versionId: 'v-guigang',
    });
    expect(monthlyReportDueOn('2020-12', GANGBEI, [guigang])).toEqual({
      dueOn: '2021-01-05',
      versionId: 'v-guigang',
    });
  });

  it('a county’s own setting overrides the city’s; none in force, none set', () => {
    const county: PublishedPolicy = {
      ...guigang,
      versionId: 'v-county',
      jurisdictionCode: GANGBEI,
      targets: [],
      monthlyReportDueDay: 3,
    };
    expect(monthlyReportDueOn('2020-03', GANGBEI, [guigang, county])?.dueOn).toBe('2020-04-03');
    expect(monthlyReportDueOn('2020-03', GANGNAN, [guigang, county])?.dueOn).toBe('2020-04-05');
    expect(monthlyReportDueOn('2021-12', GANGBEI, [guigang])?.dueOn).toBe('2022-01-05');
    expect(monthlyReportDueOn('2022-01', GANGBEI, [guigang])).toBeUndefined();
    const unset = { ...guigang, monthlyReportDueDay: undefined } as PublishedPolicy;
    expect(monthlyReportDueOn('2020-03', GANGBEI, [unset])).toBeUndefined();
  });
});

describe('given Jiyuan’s table assigning trainings to named institutions (承担单位)', () => {
  const JIYUAN = '419001';
  const [POLYTECHNIC, TECHNICIAN] = ['济源职业技术学院', '济源技师学院'];
  const [polytechnic, technician, other] = ['inst-polytechnic', 'inst-technician', 'inst-other'];
  const jiyuan: PublishedPolicy = {
    versionId: 'v-jiyuan',
    jurisdictionCode: JIYUAN,
    effectiveFrom: '2021-01-01',
    revision: 1,
    targets: [
      {
        title: '2021年职业技能提升培训计划表',
        fromYear: 2021,
        toYear: 2021,
        lines: [
          {
            jurisdiction: JIYUAN,
            year: 2021,
            programme: '企业职工技能提升',
            trainingType: '岗前培训',
            assignee: POLYTECHNIC,
            trainees: 800,
          },
          {
            jurisdiction: JIYUAN,
            year: 2021,
            programme: '企业职工技能提升',
            trainingType: '岗前培训',
            assignee: TECHNICIAN,
            trainees: 800,
          },
          {
            jurisdiction: JIYUAN,
            year: 2021,
            programme: '技师培训',
            trainingType: '技师培训',
            assignee: POLYTECHNIC,
            trainees: 120,
          },
        ],
      },
      {
        title: '2021年新培养高技能人才',
        fromYear: 2021,
        toYear: 2021,
        measure: 'new_high_skill_workers',
        lines: [{ jurisdiction: JIYUAN, year: 2021, assignee: POLYTECHNIC, trainees: 100 }],
      },
    ],
  };
  const trainings: MeasuredYear[] = [
    { year: 2021, jurisdictionCode: JIYUAN, measure: 'trainings', count: 30, institutionId: polytechnic },
    {
      year: 2021,
      jurisdictionCode: JIYUAN,
      measure: 'trainings',
      count: 12,
      institutionId: polytechnic,
      trainingType: 'pre_job',
    },
    { year: 2021, jurisdictionCode: JIYUAN, measure: 'trainings', count: 50, institutionId: other },
    { year: 2020, jurisdictionCode: JIYUAN, measure: 'trainings', count: 7, institutionId: polytechnic },
    { year: 2021, jurisdictionCode: JIYUAN, measure: 'trainings', count: 9 },
  ];

  it('when an assignee is mapped, then its institutions’ trainings of the year count against its lines summed', () => {
    const { assigneeTargets } = targetProgress(
      2021,
      JIYUAN,
      [jiyuan],
      trainings,
      [],
      [{ jurisdictionCode: JIYUAN, assignee: POLYTECHNIC, institutionIds: [polytechnic] }],
    );
    expect(assigneeTargets).toEqual([
      expect.objectContaining({
        assignee: TECHNICIAN,
        targetTrainees: 800,
        status: 'not_mapped',
        actual: 0,
        progressShare: '',
      }),
      {
        planTitle: '2021年职业技能提升培训计划表',
        jurisdictionCode: JIYUAN,
        ownLevel: false,
        span: '2021',
        assignee: POLYTECHNIC,
        targetTrainees: 920,
        status: 'mapped',
        institutionIds: [polytechnic],
        actual: 42,
        progressShare: '0.0457',
      },
    ]);
  });

  it('when a group stands for several institutions, then each one’s trainings count; a mapping of another jurisdiction does not', () => {
    const { assigneeTargets } = targetProgress(
      2021,
      JIYUAN,
      [jiyuan],
      trainings,
      [],
      [
        { jurisdictionCode: JIYUAN, assignee: TECHNICIAN, institutionIds: [technician, other] },
        { jurisdictionCode: '410100', assignee: POLYTECHNIC, institutionIds: [polytechnic] },
      ],
    );
    expect(assigneeTargets.map((a) => [a.assignee, a.status, a.actual])).toEqual([
      [TECHNICIAN, 'mapped', 50],
      [POLYTECHNIC, 'not_mapped', 0],
    ]);
  });
});
