// Given / when / then for every opening rule and its boundaries (Jiyuan 2021's values: 50, 30 for key
// groups, 65 %, 40 minutes, 1 : 20, 3 working days), the lead time across National Day 2021 with its
// make-up days, all failures at once, the subsidy-limit warnings, approval, rejection, roster
// amendments, withdrawal and "awaiting funds".
import { decisionEvents } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import { expectEventsMatchContracts, metadataAt } from '../../testing/class-ops.fixture';
import { classDecider, type ClassCommand } from './class.decide';
import {
  ClassAlreadyStarted,
  ClassNotEnded,
  ClassNotInStatus,
  ClassRulesFailed,
  InspectionOutsideClass,
  VideoAlreadyRecorded,
  VideoOutsideSession,
} from './class.errors';
import type { ClassApplied, ClassPlan } from './class.events';
import type { EarmarkFact } from './funds-gate';
import type { InstitutionFact, OpeningFacts, WorkerFact } from './opening-rules';
import type { PolicyVersionFact } from './policy-in-force';

const spec = DeciderSpecification.for(classDecider);
const JIYUAN = '419001';
const classId = '11111111-1111-4111-8111-111111111111';
const institutionId = '22222222-2222-4222-8222-222222222222';
const teacherIds = [
  '33333333-3333-4333-8333-000000000001',
  '33333333-3333-4333-8333-000000000002',
  '33333333-3333-4333-8333-000000000003',
];
const workerId = (n: number) => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;
const roster = (n: number) => Array.from({ length: n }, (_, i) => workerId(i + 1));

/** Thursday 30 September 2021, the day before National Day, 09:00 in Shanghai. */
const SEP_30 = '2021-09-30T09:00:00+08:00';

const jiyuan: PolicyVersionFact = {
  versionId: 'aaaaaaaa-0000-4000-8000-000000000001',
  jurisdiction: JIYUAN,
  effectiveFrom: '2021-05-08',
  publishedAt: '2021-05-08T00:00:00Z',
  parameters: {
    classOpening: {
      leadWorkingDays: 3,
      maxClassSize: 50,
      maxKeyGroupClassSize: 30,
      minPracticalShare: 0.65,
      minLessonMinutes: 40,
      maxTraineesPerTeacher: 20,
      maxDurationDays: 15,
      maxDurationHours: 120,
      enterpriseCentreOwnStaffOnly: true,
    },
    trainees: { repeatTrainingWithinYearAllowed: false },
    fundSources: {
      training: ['skills_upgrading_account'],
      limits: [
        {
          fundSource: 'skills_upgrading_account',
          excludedTrainees: ['no_work_ability', 'no_work_wish', 'cannot_move_into_work'],
        },
      ],
    },
  },
};
/** Henan province (410000) sets the subsidy limits (Qujing's words, as a test of inheritance). */
const province: PolicyVersionFact = {
  versionId: 'aaaaaaaa-0000-4000-8000-000000000002',
  jurisdiction: '410000',
  effectiveFrom: '2020-01-01',
  publishedAt: '2020-01-01T00:00:00Z',
  parameters: {
    classOpening: { maxClassSize: 80, leadWorkingDays: 10 },
    claims: {
      yearlySubsidyLimit: { maxPerWorker: 3, inPrinciple: true },
      sameOccupationLevelAgainAllowed: false,
    },
    trainees: { localTiesAnyOf: ['hukou', 'residence'], monthlyPensionRecipientsExcluded: true },
  },
};

const institution: InstitutionFact = {
  institutionId,
  jurisdiction: JIYUAN,
  type: 'technical_school',
  creditCode: '91419001MA44444444',
  status: 'listed',
  scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
  disqualifiedYears: [],
  openSatisfactionFailures: [],
};

const worker = (id: string, overrides: Partial<WorkerFact> = {}): WorkerFact => ({
  workerId: id,
  jurisdiction: JIYUAN,
  hukouJurisdiction: JIYUAN,
  residenceJurisdiction: JIYUAN,
  birthDate: '1990-05-17',
  ableToWork: true,
  willingToWork: true,
  hardToMoveIntoWork: false,
  employerCreditCodes: [],
  classes: [],
  certificates: [],
  ...overrides,
});

const plan = (overrides: Partial<ClassPlan> = {}): ClassPlan => ({
  classId,
  institutionId,
  occupationCode: '6-18-02-04',
  level: 5,
  trainingType: 'employment_skills',
  startDate: '2021-10-11',
  endDate: '2021-10-20',
  totalHours: 80,
  theoryHours: 28,
  practicalHours: 52,
  lessonMinutes: 45,
  teachingPlanReference: 'plans/2021/weld-5.pdf',
  site: { name: '实训基地', lat: 35.09, lng: 112.6, radiusMetres: 200 },
  teacherIds: [...teacherIds],
  mode: 'commissioned',
  keyGroup: false,
  workerIds: roster(50),
  plannedHeadcount: 50,
  fundSource: 'skills_upgrading_account',
  ...overrides,
});

const facts = (overrides: Partial<OpeningFacts> = {}, workerIds = roster(60)): OpeningFacts => ({
  institution,
  teachers: teacherIds.map((teacherId) => ({ teacherId, institutionId })),
  workers: workerIds.map((id) => worker(id)),
  policyVersions: [jiyuan, province],
  calendar: [],
  ...overrides,
});

const apply = (p: ClassPlan = plan(), f: OpeningFacts = facts(), now = SEP_30): ClassCommand => ({
  type: 'ApplyToOpenClass',
  data: { plan: p, jurisdiction: JIYUAN, facts: f },
  metadata: metadataAt(now),
});

function applied(p: ClassPlan = plan(), warnings: ClassApplied['data']['warnings'] = []): ClassApplied {
  const {
    institutionId: _i,
    workerIds,
    lessonMinutes,
    teachingPlanReference,
    site,
    teacherIds: t,
    ...rest
  } = p;
  return {
    type: 'ClassApplied.v1',
    data: {
      classId: rest.classId,
      institutionId,
      jurisdictionCode: JIYUAN,
      occupationCode: rest.occupationCode,
      level: rest.level,
      trainingType: rest.trainingType,
      startDate: rest.startDate,
      endDate: rest.endDate,
      totalHours: rest.totalHours,
      theoryHours: rest.theoryHours,
      practicalHours: rest.practicalHours,
      mode: rest.mode,
      keyGroup: rest.keyGroup,
      fundSource: rest.fundSource,
      plannedHeadcount: rest.plannedHeadcount,
      workerIds: [...workerIds],
      policyVersionIds: [jiyuan.versionId, province.versionId],
      warnings,
      lessonMinutes,
      teachingPlanReference,
      site,
      teacherIds: [...t],
      dailyStartTime: '08:30',
    },
  };
}

/** The codes (and summaries) a refused application reports. */
function failuresOf(command: ClassCommand, given: Parameters<typeof spec.given> = []) {
  const error = spec
    .given(...given)
    .when(command)
    .thenThrows(ClassRulesFailed);
  return error.details.failures;
}
const codesOf = (command: ClassCommand) => failuresOf(command).map((f) => f.code);

describe('ApplyToOpenClass', () => {
  it('opens a class that keeps every rule, recording the policy versions it was judged by', () => {
    const event = applied();
    spec.given().when(apply()).then(event);
    expectEventsMatchContracts([event]);
  });

  it('reports every failed rule at once, each with its code, values and message in zh and en', () => {
    const failures = failuresOf(
      apply(
        plan({
          workerIds: roster(52),
          plannedHeadcount: 52,
          practicalHours: 40,
          theoryHours: 40,
          lessonMinutes: 39,
          teacherIds: teacherIds.slice(0, 2),
          startDate: '2021-10-09',
          occupationCode: '4-01-02-01',
        }),
      ),
    );
    expect(failures.map((f) => f.summary)).toEqual([
      'CLASS.LEAD_TIME_TOO_SHORT: 2 < 3 working days',
      'CLASS.PRACTICAL_SHARE_TOO_LOW: 50% < 65%',
      'CLASS.LESSON_TOO_SHORT: 39 < 40 minutes',
      'CLASS.OUTSIDE_INSTITUTION_SCOPE: 4-01-02-01/5',
      'CLASS.TOO_MANY_TRAINEES: 52 > 50',
      'CLASS.TOO_MANY_TRAINEES_PER_TEACHER: 52 > 2 × 20',
    ]);
    expect(failures[4]).toMatchObject({
      code: 'CLASS.TOO_MANY_TRAINEES',
      values: { count: 52, max: 50, keyGroup: false },
      message: { zh: '每班人数 52 超过上限 50', en: '52 trainees exceed the class size limit of 50' },
    });
    expect(failures[0].values).toEqual({ workingDays: 2, required: 3, earliestStart: '2021-10-11' });
  });

  describe('lead time in working days, across National Day 2021 (1–7 October off, 26 September and 9 October worked)', () => {
    it.each([
      // applied Thursday 30 September: 8 Oct (Fri), 9 Oct (Sat, make-up), 11 Oct (Mon) are the 3 working days
      ['2021-10-11', SEP_30, true],
      ['2021-10-10', SEP_30, false],
      ['2021-10-09', SEP_30, false],
      ['2021-10-08', SEP_30, false],
      // applied Friday 24 September: Sunday 26 September is a make-up working day
      ['2021-09-28', '2021-09-24T09:00:00+08:00', true],
      ['2021-09-27', '2021-09-24T09:00:00+08:00', false],
    ])('a start on %s applied for at %s: accepted %s', (startDate, now, accepted) => {
      const p = plan({ startDate, endDate: startDate < '2021-10-01' ? '2021-09-30' : '2021-10-20' });
      const command = apply(p, facts(), now);
      if (accepted) spec.given().when(command).then(applied(p));
      else expect(codesOf(command)).toEqual(['CLASS.LEAD_TIME_TOO_SHORT']);
    });

    it('counts the working days that remain and names the earliest start', () => {
      const [failure] = failuresOf(apply(plan({ startDate: '2021-10-08' })));
      expect(failure.values).toEqual({ workingDays: 1, required: 3, earliestStart: '2021-10-11' });
    });

    it('refuses to guess a year whose holidays are not published', () => {
      const command = apply(
        plan({ startDate: '2031-03-03', endDate: '2031-03-12' }),
        facts({
          policyVersions: [{ ...jiyuan, effectiveFrom: '2021-05-08' }],
        }),
      );
      expect(codesOf(command)).toContain('CLASS.CALENDAR_NOT_COVERED');
    });
  });

  it.each([
    [50, false, true],
    [51, false, false],
    [30, true, true],
    [31, true, false],
  ])('class size %i (key group %s): accepted %s', (size, keyGroup, accepted) => {
    const p = plan({ workerIds: roster(size), plannedHeadcount: size, keyGroup });
    if (accepted) spec.given().when(apply(p)).then(applied(p));
    else
      expect(failuresOf(apply(p))).toEqual([
        expect.objectContaining({
          code: 'CLASS.TOO_MANY_TRAINEES',
          values: { count: size, max: keyGroup ? 30 : 50, keyGroup },
        }),
      ]);
  });

  it('holds the planned headcount to the class size too', () => {
    expect(codesOf(apply(plan({ workerIds: roster(40), plannedHeadcount: 51 })))).toEqual([
      'CLASS.TOO_MANY_TRAINEES',
    ]);
  });

  it.each([
    [52, 28, true], // exactly 65 %
    [51, 29, false], // 63.75 %
  ])('practical %i of 80 hours: accepted %s', (practicalHours, theoryHours, accepted) => {
    const p = plan({ practicalHours, theoryHours });
    if (accepted) spec.given().when(apply(p)).then(applied(p));
    else
      expect(failuresOf(apply(p))[0]).toMatchObject({
        code: 'CLASS.PRACTICAL_SHARE_TOO_LOW',
        values: { share: '0.6375', min: 0.65 },
      });
  });

  it.each([
    [40, true],
    [39, false],
  ])('a class hour of %i minutes: accepted %s', (lessonMinutes, accepted) => {
    const p = plan({ lessonMinutes });
    if (accepted) spec.given().when(apply(p)).then(applied(p));
    else expect(codesOf(apply(p))).toEqual(['CLASS.LESSON_TOO_SHORT']);
  });

  it('allows 20 trainees per teacher, not 21', () => {
    const ok = plan({ workerIds: roster(40), plannedHeadcount: 40, teacherIds: teacherIds.slice(0, 2) });
    spec.given().when(apply(ok)).then(applied(ok));
    expect(
      codesOf(
        apply(plan({ workerIds: roster(41), plannedHeadcount: 41, teacherIds: teacherIds.slice(0, 2) })),
      ),
    ).toEqual(['CLASS.TOO_MANY_TRAINEES_PER_TEACHER']);
  });

  it('refuses a class longer than 15 days or 120 hours, and hours that do not add up', () => {
    expect(
      codesOf(apply(plan({ endDate: '2021-10-26', totalHours: 121, theoryHours: 40, practicalHours: 80 }))),
    ).toEqual(['CLASS.HOURS_DO_NOT_ADD_UP', 'CLASS.TOO_MANY_DAYS', 'CLASS.TOO_MANY_HOURS']);
    const fifteen = plan({ endDate: '2021-10-25', totalHours: 120, theoryHours: 40, practicalHours: 80 });
    spec.given().when(apply(fifteen)).then(applied(fifteen));
  });

  it('refuses an institution that is not listed, suspended, disqualified for the year, or outside its scope', () => {
    expect(codesOf(apply(plan(), facts({ institution: undefined })))).toEqual(['CLASS.INSTITUTION_UNKNOWN']);
    expect(codesOf(apply(plan(), facts({ institution: { ...institution, status: 'applied' } })))).toEqual([
      'CLASS.INSTITUTION_NOT_LISTED',
    ]);
    expect(
      codesOf(
        apply(
          plan({ level: 3 }),
          facts({ institution: { ...institution, status: 'suspended', disqualifiedYears: [2021] } }),
        ),
      ),
    ).toEqual([
      'CLASS.INSTITUTION_SUSPENDED',
      'CLASS.INSTITUTION_DISQUALIFIED',
      'CLASS.OUTSIDE_INSTITUTION_SCOPE',
    ]);
    expect(failuresOf(apply(plan(), facts({ teachers: [] })))).toHaveLength(3);
  });

  it('refuses an institution rectifying a satisfaction shortfall, naming each class, with the other failures at once', () => {
    const shortfall = { satisfactionShare: '0.8400', minimumShare: '0.85' };
    const otherClass = '55555555-5555-4555-8555-000000000001';
    const thirdClass = '55555555-5555-4555-8555-000000000002';
    const failures = failuresOf(
      apply(
        plan({ lessonMinutes: 39 }),
        facts({
          institution: {
            ...institution,
            openSatisfactionFailures: [
              { classId: otherClass, ...shortfall },
              { classId: thirdClass, satisfactionShare: '0.5000', minimumShare: '0.85' },
            ],
          },
        }),
      ),
    );
    expect(failures.map((f) => f.code)).toEqual([
      'CLASS.LESSON_TOO_SHORT',
      'CLASS.INSTITUTION_RECTIFYING',
      'CLASS.INSTITUTION_RECTIFYING',
    ]);
    const rectifying = failures[1];
    expect(rectifying.values).toEqual({ classId: otherClass, ...shortfall });
    expect(rectifying.summary).toBe(`CLASS.INSTITUTION_RECTIFYING: ${otherClass} 84% < 85%`);
    expect(rectifying.message.zh).toContain(otherClass);
    expect(rectifying.message.zh).toContain('整改');
    expect(rectifying.message.en).toContain(`class ${otherClass} had a satisfaction of 84%, below 85%`);
    expect(failures[2].values.classId).toBe(thirdClass);
    // rectified (no open failure left): the same plan opens
    const ok = plan();
    spec
      .given()
      .when(apply(ok, facts({ institution: { ...institution, openSatisfactionFailures: [] } })))
      .then(applied(ok));
  });

  it('lets an enterprise training centre train only its own staff (on the start date)', () => {
    const centre = { ...institution, type: 'enterprise_training_centre' };
    const ids = roster(2);
    const p = plan({ workerIds: ids, plannedHeadcount: 2 });
    const failures = failuresOf(
      apply(
        p,
        facts({
          institution: centre,
          workers: [worker(ids[0], { employerCreditCodes: [centre.creditCode] }), worker(ids[1])],
        }),
      ),
    );
    expect(failures).toEqual([expect.objectContaining({ code: 'CLASS.NOT_OWN_STAFF', workerId: ids[1] })]);
  });

  it('judges every trainee: registered, of working age at the start, local, no pension, able and willing for the fund source', () => {
    const ids = roster(8);
    const failures = failuresOf(
      apply(
        plan({ workerIds: ids, plannedHeadcount: 8 }),
        facts({
          workers: [
            worker(ids[1], { birthDate: '2005-10-12' }), // 15 on 11 October 2021
            worker(ids[2], { birthDate: '1960-10-11' }), // 61 on its birthday
            worker(ids[3], { hukouJurisdiction: '140802', residenceJurisdiction: '140802' }),
            worker(ids[4], { monthlyPensionEntitled: true }),
            worker(ids[5], { ableToWork: false, willingToWork: false }),
            worker(ids[6], { birthDate: undefined }),
            worker(ids[7], { birthDate: '2005-10-11', hukouJurisdiction: '140802' }), // 16 that day; residence local
          ],
        }),
      ),
    );
    expect(failures.map((f) => [f.code, f.workerId])).toEqual([
      ['CLASS.TRAINEE_NOT_REGISTERED', ids[0]],
      ['CLASS.TRAINEE_NOT_OF_WORKING_AGE', ids[1]],
      ['CLASS.TRAINEE_NOT_OF_WORKING_AGE', ids[2]],
      ['CLASS.TRAINEE_NOT_LOCAL', ids[3]],
      ['CLASS.TRAINEE_PENSION_ENTITLED', ids[4]],
      ['CLASS.TRAINEE_EXCLUDED_BY_FUND_SOURCE', ids[5]],
      ['CLASS.TRAINEE_EXCLUDED_BY_FUND_SOURCE', ids[5]],
      ['CLASS.TRAINEE_AGE_UNKNOWN', ids[6]],
    ]);
    expect(failures[1].values).toMatchObject({ age: 15, min: 16, max: 60 });
    expect(failures[3].values).toMatchObject({ ties: ['hukou', 'residence'], jurisdiction: '410000' });
    // another fund source has no such exclusion
    const other = plan({ workerIds: [ids[5]], plannedHeadcount: 1, fundSource: 'employment_subsidy_fund' });
    spec
      .given()
      .when(apply(other, facts({ workers: [worker(ids[5], { ableToWork: false, willingToWork: false })] })))
      .then(applied(other));
  });

  it('refuses on the dedicated account a trainee the registry found hard to move into work (Jiyuan 自身难以实现转移就业); accepts them on another fund source', () => {
    const ids = roster(2);
    const p = plan({ workerIds: ids, plannedHeadcount: 2 });
    const f = facts({ workers: [worker(ids[0]), worker(ids[1], { hardToMoveIntoWork: true })] });
    const refused = spec.given().when(apply(p, f)).thenThrows(ClassRulesFailed);
    expect(refused.details.failures).toEqual([
      {
        code: 'CLASS.TRAINEE_EXCLUDED_BY_FUND_SOURCE',
        workerId: ids[1],
        values: {
          workerId: ids[1],
          fundSource: 'skills_upgrading_account',
          finding: 'cannot_move_into_work',
          fact: 'hardToMoveIntoWork',
        },
        summary: 'CLASS.TRAINEE_EXCLUDED_BY_FUND_SOURCE: skills_upgrading_account: cannot_move_into_work',
        message: {
          zh: '劳动者登记记载该学员“自身难以实现转移就业”（hardToMoveIntoWork），资金来源 skills_upgrading_account 不得培训：「职业技能提升行动专账资金不得培训无就业能力、无就业意愿、自身难以实现转移就业的人员」',
          en: 'the registry records that the trainee can hardly move into work by themselves (hardToMoveIntoWork): fund source skills_upgrading_account may not train them (「职业技能提升行动专账资金不得培训无就业能力、无就业意愿、自身难以实现转移就业的人员」)',
        },
      },
    ]);
    // the same trainee on a fund source without the exclusion
    const other = plan({ workerIds: ids, plannedHeadcount: 2, fundSource: 'employment_subsidy_fund' });
    spec.given().when(apply(other, f)).then(applied(other));
    // a version whose dedicated account excludes only the first two findings does not judge this one
    const withoutFinding: PolicyVersionFact = {
      ...jiyuan,
      parameters: {
        ...jiyuan.parameters,
        fundSources: {
          limits: [
            { fundSource: 'skills_upgrading_account', excludedTrainees: ['no_work_ability', 'no_work_wish'] },
          ],
        },
      },
    };
    spec
      .given()
      .when(apply(p, facts({ ...f, policyVersions: [withoutFinding, province] })))
      .then(applied(p));
  });

  it('refuses a trainee in an overlapping class (any institution) or already trained this year; warns of subsidy limits', () => {
    const ids = roster(3);
    const other = (n: number, startDate: string, endDate: string, occupationCode = '4-01-02-01') => ({
      classId: `55555555-5555-4555-8555-00000000000${n}`,
      startDate,
      endDate,
      occupationCode,
      level: 5,
    });
    const trained = [other(1, '2021-10-15', '2021-10-30'), other(2, '2021-03-01', '2021-03-10')];
    const failures = failuresOf(
      apply(
        plan({ workerIds: ids, plannedHeadcount: 3 }),
        facts({ workers: [worker(ids[0], { classes: trained }), worker(ids[1]), worker(ids[2])] }),
      ),
    );
    expect(failures.map((f) => [f.code, f.values.otherClassId])).toEqual([
      ['CLASS.TRAINEE_IN_OVERLAPPING_CLASS', trained[0].classId],
      ['CLASS.TRAINEE_ALREADY_TRAINED_THIS_YEAR', trained[1].classId],
    ]);

    // where repeat training is allowed, the subsidy limits only warn
    const lenient: PolicyVersionFact = {
      ...jiyuan,
      parameters: { ...jiyuan.parameters, trainees: { repeatTrainingWithinYearAllowed: true } },
    };
    const three = [
      other(1, '2021-01-04', '2021-01-10'),
      other(2, '2021-03-01', '2021-03-10'),
      other(3, '2021-06-01', '2021-06-10', '6-18-02-04'),
    ];
    const p = plan({ workerIds: ids.slice(0, 1), plannedHeadcount: 1 });
    const warned = applied(p, [
      {
        code: 'CLASS.WARN_YEARLY_SUBSIDY_LIMIT',
        workerId: ids[0],
        message: {
          zh: '学员 2021 年度第 4 次补贴性培训，超过每年 3 次（申领补贴时核定）',
          en: "this would be the trainee's subsidised training no. 4 in 2021, above 3 a year (decided at claim time)",
        },
      },
      {
        code: 'CLASS.WARN_SAME_OCCUPATION_LEVEL',
        workerId: ids[0],
        message: {
          zh: `学员已参加同一职业同一等级的培训班 ${three[2].classId}，不可重复享受补贴（申领补贴时核定）`,
          en: `the trainee is already in class ${three[2].classId} of the same occupation and level: not subsidised twice (decided at claim time)`,
        },
      },
    ]);
    spec
      .given()
      .when(
        apply(
          p,
          facts({ policyVersions: [lenient, province], workers: [worker(ids[0], { classes: three })] }),
        ),
      )
      .then(warned);
    expectEventsMatchContracts([warned]);
  });

  it('warns of a trainee who already holds a certificate of the occupation at the level (Qujing: 同一职业同一等级不可重复享受)', () => {
    const ids = roster(3);
    const certificate = (n: number, level: number, occupationCode = '6-18-02-04') => ({
      certificateId: `66666666-6666-4666-8666-00000000000${n}`,
      occupationCode,
      level,
      kind: 'skill_level',
      issuedOn: '2020-06-30',
    });
    const p = plan({ workerIds: ids, plannedHeadcount: 3 });
    const held = certificate(1, 5);
    const warned = applied(p, [
      {
        code: 'CLASS.WARN_CERTIFICATE_ALREADY_HELD',
        workerId: ids[0],
        message: {
          zh: '学员已持有职业 6-18-02-04 5 级证书（2020-06-30 颁发），同一职业同一等级不可重复享受补贴（申领补贴时核定）',
          en: 'the trainee already holds a certificate of occupation 6-18-02-04 at level 5 (issued 2020-06-30): not subsidised twice for the same occupation and level (decided at claim time)',
        },
      },
    ]);
    // the same occupation at level 4 (the next level up: progression) and another occupation at level 5 are not warned of
    const workers = [
      worker(ids[0], { certificates: [certificate(2, 4), held] }),
      worker(ids[1], { certificates: [certificate(3, 4)] }),
      worker(ids[2], { certificates: [certificate(4, 5, '4-01-02-01')] }),
    ];
    spec
      .given()
      .when(apply(p, facts({ workers })))
      .then(warned);
    expectEventsMatchContracts([warned]);
    // where the policy allows the same occupation and level again, nothing is warned of
    const lenient: PolicyVersionFact = {
      ...province,
      parameters: { ...province.parameters, claims: { sameOccupationLevelAgainAllowed: true } },
    };
    spec
      .given()
      .when(apply(p, facts({ workers, policyVersions: [jiyuan, lenient] })))
      .then(applied(p));
  });

  it('warns of a certificate held when the roster is amended with the holder', () => {
    const p = plan({ workerIds: roster(2), plannedHeadcount: 2 });
    const holder = workerId(3);
    const cert = {
      certificateId: '66666666-6666-4666-8666-000000000009',
      occupationCode: '6-18-02-04',
      level: 5,
      kind: 'vocational_qualification',
      issuedOn: '2019-12-01',
    };
    const events = decisionEvents(
      classDecider.decide(
        {
          type: 'AmendRoster',
          data: {
            classId,
            workerIds: [...roster(2), holder],
            facts: facts({
              workers: [...roster(2).map((id) => worker(id)), worker(holder, { certificates: [cert] })],
            }),
          },
          metadata: metadataAt(SEP_30),
        },
        classDecider.evolve(classDecider.initialState(), applied(p)),
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      addedWorkerIds: [holder],
      warnings: [expect.objectContaining({ code: 'CLASS.WARN_CERTIFICATE_ALREADY_HELD', workerId: holder })],
    });
  });

  it('refuses a class with no policy in force on its start date', () => {
    expect(codesOf(apply(plan(), facts({ policyVersions: [] })))).toEqual(['CLASS.NO_POLICY_IN_FORCE']);
    // an ended version is not in force, and the level above still counts
    const ended = { ...jiyuan, effectiveUntil: '2021-09-30' };
    const failures = failuresOf(apply(plan(), facts({ policyVersions: [ended, province] })));
    expect(failures.map((f) => f.summary)).toEqual(['CLASS.LEAD_TIME_TOO_SHORT: 3 < 10 working days']);
  });
});

describe('after the application', () => {
  const officer = (now = '2021-10-08T10:00:00+08:00') =>
    metadataAt(now, { actor: { userId: 'officer-7', roles: ['county_officer'] } });
  const base = applied();

  it('is approved once by an officer, before the start, carrying the roster and the policy versions', () => {
    const {
      warnings: _w,
      lessonMinutes: _l,
      teachingPlanReference: _t,
      site: _s,
      teacherIds: _i,
      dailyStartTime: _d,
      ...fields
    } = base.data;
    const approved = { type: 'ClassApproved.v1', data: { ...fields, approvedBy: 'officer-7' } } as const;
    spec.given(base).when({ type: 'ApproveClass', data: { classId }, metadata: officer() }).then(approved);
    expectEventsMatchContracts([approved]);
    spec
      .given(base, approved)
      .when({ type: 'ApproveClass', data: { classId }, metadata: officer() })
      .thenThrows(ClassNotInStatus, (e) => e.details.status === 'approved');
    spec
      .given(base)
      .when({ type: 'ApproveClass', data: { classId }, metadata: officer('2021-10-11T08:00:00+08:00') })
      .thenThrows(ClassAlreadyStarted);
  });

  it('is rejected with a reason, and then neither approved nor withdrawn', () => {
    const rejected = {
      type: 'ClassRejected.v1',
      data: { classId, institutionId, jurisdictionCode: JIYUAN, reason: '师资不足', rejectedBy: 'officer-7' },
    } as const;
    spec
      .given(base)
      .when({ type: 'RejectClass', data: { classId, reason: '师资不足' }, metadata: officer() })
      .then(rejected);
    expectEventsMatchContracts([rejected]);
    spec
      .given(base, rejected)
      .when({ type: 'WithdrawApplication', data: { classId }, metadata: officer() })
      .thenThrows(ClassNotInStatus);
  });

  it('amends the roster before the start with the same checks, judging only the added trainees', () => {
    const next = [...roster(49), workerId(99)];
    const amend = (
      workerIds: string[],
      f = facts({}, [...roster(60), workerId(99)]),
      now = '2021-10-08T10:00:00+08:00',
    ): ClassCommand => ({
      type: 'AmendRoster',
      data: { classId, workerIds, facts: f },
      metadata: metadataAt(now),
    });
    const amended = {
      type: 'RosterAmended.v1',
      data: {
        classId,
        workerIds: next,
        addedWorkerIds: [workerId(99)],
        removedWorkerIds: [workerId(50)],
        warnings: [],
      },
    } as const;
    spec.given(base).when(amend(next)).then(amended);
    expectEventsMatchContracts([amended]);
    spec
      .given(base)
      .when(amend(roster(50)))
      .then();
    const refused = spec
      .given(base)
      .when(amend([...roster(50), workerId(98)]))
      .thenThrows(ClassRulesFailed);
    expect(refused.details.failures.map((f) => f.code)).toEqual([
      'CLASS.TOO_MANY_TRAINEES',
      'CLASS.TRAINEE_NOT_REGISTERED',
    ]);
    spec
      .given(base)
      .when(amend(next, undefined, '2021-10-11T08:00:00+08:00'))
      .thenThrows(ClassAlreadyStarted);
  });

  it('is withdrawn before the start (ClassCancelled WITHDRAWN), and waits for funds after a refused earmark', () => {
    const cancelled = {
      type: 'ClassCancelled.v1',
      data: { classId, institutionId, jurisdictionCode: JIYUAN, reasonCode: 'WITHDRAWN', reason: '招生不足' },
    } as const;
    spec
      .given(base)
      .when({ type: 'WithdrawApplication', data: { classId, reason: '招生不足' }, metadata: officer() })
      .then(cancelled);
    expectEventsMatchContracts([cancelled]);
    const approved = {
      type: 'ClassApproved.v1',
      data: { ...base.data, approvedBy: 'officer-7' },
    } as unknown as ClassApplied;
    const refusal = {
      classId,
      fundSource: 'skills_upgrading_account',
      requestedFen: 7_500_000,
      availableFen: 1_000_000,
    };
    const waiting = { type: 'ClassAwaitingFunds.v1', data: refusal } as const;
    spec
      .given(base, approved)
      .when({ type: 'MarkAwaitingFunds', data: refusal, metadata: officer() })
      .then(waiting);
    expectEventsMatchContracts([waiting]);
    spec
      .given(base, approved, waiting)
      .when({ type: 'MarkAwaitingFunds', data: refusal, metadata: officer() })
      .then();
    spec
      .given(base, cancelled)
      .when({ type: 'MarkAwaitingFunds', data: refusal, metadata: officer() })
      .then();
  });
});

describe('funds: re-approval out of "awaiting funds" and the dedicated account\'s start gate', () => {
  const officer = (now = '2021-10-08T10:00:00+08:00') =>
    metadataAt(now, { actor: { userId: 'officer-7', roles: ['county_officer'] } });
  const base = applied();
  const approved = {
    type: 'ClassApproved.v1',
    data: { ...base.data, approvedBy: 'officer-7' },
  } as unknown as ClassApplied;
  const waiting = {
    type: 'ClassAwaitingFunds.v1',
    data: {
      classId,
      fundSource: 'skills_upgrading_account',
      requestedFen: 7_500_000,
      availableFen: 1_000_000,
    },
  } as unknown as ClassApplied;
  const earmarked = { status: 'earmarked', amountFen: 7_500_000 } as const;
  const refused = { status: 'refused', amountFen: 7_500_000, availableFen: 1_000_000 } as const;
  const reapprove = (earmark?: EarmarkFact, now?: string): ClassCommand => ({
    type: 'ReapproveClass',
    data: { classId, ...(earmark ? { earmark } : {}) },
    metadata: officer(now),
  });
  /** 08:00 in Shanghai on the start date: the first session's check-in window opens */
  const gate = (earmark?: EarmarkFact, p: ClassApplied = base): ClassCommand => ({
    type: 'ApplyFundsGate',
    data: { classId: p.data.classId, ...(earmark ? { earmark } : {}) },
    metadata: metadataAt('2021-10-11T08:00:00+08:00', {
      actor: { userId: 'system:class-ops', roles: ['system'] },
    }),
  });
  const reapproved = {
    type: 'ClassReapproved.v1',
    data: {
      classId,
      institutionId,
      jurisdictionCode: JIYUAN,
      fundSource: 'skills_upgrading_account',
      earmarkedFen: 7_500_000,
      approvedBy: 'officer-7',
    },
  } as const;

  it('is approved again by an officer once the ledger has earmarked the funds, before the start', () => {
    spec.given(base, approved, waiting).when(reapprove(earmarked)).then(reapproved);
    expectEventsMatchContracts([reapproved]);
    // approved again: it opens like any approved class (the opening-day rule starts it)
    spec
      .given(base, approved, waiting, reapproved as unknown as ClassApplied)
      .when({
        type: 'ApplyOpeningDayRule',
        data: { classId, presentCount: 50 },
        metadata: metadataAt('2021-10-11T15:00:00+08:00'),
      })
      .then({
        type: 'ClassStarted.v1',
        data: { classId, openingDayHeadcount: 50, plannedHeadcount: 50 },
      });
  });

  it('is not approved again while the ledger refuses or has not earmarked, after the start, or when not waiting', () => {
    const thrown = (command: ClassCommand, ...history: ClassApplied[]) => {
      try {
        classDecider.decide(command, history.reduce(classDecider.evolve, classDecider.initialState()));
      } catch (error) {
        return error as { code: string; details: unknown; message: { zh: string; en: string } };
      }
      throw new Error('not refused');
    };
    const stillShort = thrown(reapprove(refused), base, approved, waiting);
    expect(stillShort.code).toBe('CLASS.FUNDS_NOT_EARMARKED');
    expect(stillShort.details).toMatchObject({
      ledger: 'refused',
      requestedFen: 7_500_000,
      availableFen: 1_000_000,
    });
    expect(thrown(reapprove(), base, approved, waiting).details).toMatchObject({ ledger: 'none' });
    spec
      .given(base, approved, waiting)
      .when(reapprove(earmarked, '2021-10-11T07:00:00+08:00'))
      .thenThrows(ClassAlreadyStarted);
    spec.given(base, approved).when(reapprove(earmarked)).thenThrows(ClassNotInStatus);
    spec.given(base).when(reapprove(earmarked)).thenThrows(ClassNotInStatus);
  });

  it('withholds the start of a dedicated-account class with no earmark, or a refused one, with the reason in zh and en', () => {
    const withheld = {
      type: 'ClassStartWithheld.v1',
      data: {
        classId,
        institutionId,
        jurisdictionCode: JIYUAN,
        fundSource: 'skills_upgrading_account',
        reasonCode: 'NO_EARMARK',
        reason: {
          zh: '专账资金（skills_upgrading_account）尚未预留，分账核算、专款专用，未预留不得开班',
          en: 'no earmark yet on the dedicated account (skills_upgrading_account): its money is kept apart and spent only on its purpose, so the class does not start without one',
        },
      },
    } as const;
    spec.given(base, approved).when(gate()).then(withheld);
    const refusedWithheld = {
      type: 'ClassStartWithheld.v1',
      data: {
        ...withheld.data,
        reasonCode: 'EARMARK_REFUSED',
        requestedFen: 7_500_000,
        availableFen: 1_000_000,
        reason: {
          zh: '资金来源 skills_upgrading_account 余额 10000.00 元，不足预留 75000.00 元，待资金到位',
          en: 'skills_upgrading_account has 10000.00 yuan available, short of the 75000.00 yuan to earmark: awaiting funds',
        },
      },
    } as const;
    spec.given(base, approved).when(gate(refused)).then(refusedWithheld);
    expectEventsMatchContracts([withheld, refusedWithheld]);
    // withheld: it waits for funds, so the opening-day rule leaves it, and check-ins find it not running
    const after = [base, approved, withheld as unknown as ClassApplied];
    expect(after.reduce(classDecider.evolve, classDecider.initialState()).status).toBe('awaiting_funds');
    spec
      .given(...after)
      .when({
        type: 'ApplyOpeningDayRule',
        data: { classId, presentCount: 50 },
        metadata: metadataAt('2021-10-11T15:00:00+08:00'),
      })
      .then();
  });

  it('lets an earmarked dedicated-account class, a class of another source, and a class not approved start as before', () => {
    spec.given(base, approved).when(gate(earmarked)).then();
    const other = applied(plan({ fundSource: 'employment_subsidy_fund' }));
    const otherApproved = {
      type: 'ClassApproved.v1',
      data: { ...other.data, approvedBy: 'officer-7' },
    } as unknown as ClassApplied;
    spec.given(other, otherApproved).when(gate(undefined, other)).then();
    spec.given(base, approved, waiting).when(gate()).then();
    spec.given(base).when(gate()).then();
  });
});

describe('the opening-day rule (when the first session has ended)', () => {
  const base = applied();
  const approved = {
    type: 'ClassApproved.v1',
    data: { ...base.data, approvedBy: 'officer-7' },
  } as unknown as ClassApplied;
  const rule = (presentCount: number, requiredShare?: number): ClassCommand => ({
    type: 'ApplyOpeningDayRule',
    data: { classId, presentCount, ...(requiredShare === undefined ? {} : { requiredShare }) },
    metadata: metadataAt('2021-10-11T15:00:00+08:00', {
      actor: { userId: 'system:class-ops', roles: ['system'] },
    }),
  });

  it('starts the class with exactly 90 % of the planned 50 present (45), keeping the opening-day headcount', () => {
    const started = {
      type: 'ClassStarted.v1',
      data: { classId, openingDayHeadcount: 45, plannedHeadcount: 50, requiredShare: 0.9 },
    } as const;
    spec.given(base, approved).when(rule(45, 0.9)).then(started);
    expectEventsMatchContracts([started]);
  });

  it('cancels it with 44 of 50 present, with the figures', () => {
    const cancelled = {
      type: 'ClassCancelled.v1',
      data: {
        classId,
        institutionId,
        jurisdictionCode: JIYUAN,
        reasonCode: 'OPENING_DAY_PRESENCE',
        figures: { presentCount: 44, plannedHeadcount: 50, requiredShare: 0.9 },
      },
    } as const;
    spec.given(base, approved).when(rule(44, 0.9)).then(cancelled);
    expectEventsMatchContracts([cancelled]);
  });

  it('holds the amended roster as the planned headcount', () => {
    const amended = {
      type: 'RosterAmended.v1',
      data: {
        classId,
        workerIds: roster(40),
        addedWorkerIds: [],
        removedWorkerIds: roster(50).slice(40),
        warnings: [],
      },
    } as const;
    spec
      .given(base, amended, approved)
      .when(rule(36, 0.9))
      .then({
        type: 'ClassStarted.v1',
        data: { classId, openingDayHeadcount: 36, plannedHeadcount: 40, requiredShare: 0.9 },
      });
  });

  it('starts without the rule where no policy sets the share; acts once; never on a class that is not approved', () => {
    spec
      .given(base, approved)
      .when(rule(1))
      .then({ type: 'ClassStarted.v1', data: { classId, openingDayHeadcount: 1, plannedHeadcount: 50 } });
    const started = {
      type: 'ClassStarted.v1',
      data: { classId, openingDayHeadcount: 45, plannedHeadcount: 50, requiredShare: 0.9 },
    } as const;
    spec.given(base, approved, started).when(rule(10, 0.9)).then();
    spec.given(base).when(rule(0, 0.9)).then();
    const withdrawn = {
      type: 'ClassCancelled.v1',
      data: { classId, institutionId, jurisdictionCode: JIYUAN, reasonCode: 'WITHDRAWN' },
    } as const;
    spec.given(base, approved, withdrawn).when(rule(0, 0.9)).then();
  });
});

describe('during the class and at its end', () => {
  // two days, 8 theory and 8 practical hours of 45 minutes (4 + 4 a day), from 08:30: sessions end 14:30
  const twoDays = plan({
    workerIds: roster(3),
    plannedHeadcount: 3,
    startDate: '2021-10-11',
    endDate: '2021-10-12',
    totalHours: 16,
    theoryHours: 8,
    practicalHours: 8,
    lessonMinutes: 45,
  });
  const base = applied(twoDays);
  const approved = {
    type: 'ClassApproved.v1',
    data: { ...base.data, approvedBy: 'officer-7' },
  } as unknown as ClassApplied;
  const started = {
    type: 'ClassStarted.v1',
    data: { classId, openingDayHeadcount: 3, plannedHeadcount: 3, requiredShare: 0.9 },
  } as unknown as ClassApplied;
  const at = (now: string, userId = 'officer-7') =>
    metadataAt(now, { actor: { userId, roles: ['county_officer'] } });
  const video = (
    evidenceId: string,
    sessionNo: number,
    kind: 'theory' | 'practical',
    from: string,
    to: string,
    sha = evidenceId,
  ) => ({
    classId,
    evidenceId,
    sessionNo,
    kind,
    startsAt: `2021-10-1${sessionNo}T${from}:00+08:00`,
    endsAt: `2021-10-1${sessionNo}T${to}:00+08:00`,
    storageUri: `s3://evidence/${evidenceId}.mp4`,
    sha256: sha.replace(/-/g, '').padEnd(64, '0').slice(0, 64),
  });
  const ids = [
    'aaaaaaaa-0000-4000-8000-00000000000a',
    'aaaaaaaa-0000-4000-8000-00000000000b',
    'aaaaaaaa-0000-4000-8000-00000000000c',
    'aaaaaaaa-0000-4000-8000-00000000000d',
  ];
  const recorded = (v: ReturnType<typeof video>) =>
    ({ type: 'VideoEvidenceRecorded.v1', data: v }) as unknown as ClassApplied;

  it('records video evidence of a session once, refusing the same file twice and a recording outside its session', () => {
    const v = video(ids[0], 1, 'theory', '08:30', '11:30');
    spec
      .given(base, approved, started)
      .when({ type: 'RecordVideoEvidence', data: v, metadata: at('2021-10-11T12:00:00+08:00') })
      .then(recorded(v));
    expectEventsMatchContracts([recorded(v)]);
    spec
      .given(base, approved, started, recorded(v))
      .when({ type: 'RecordVideoEvidence', data: v, metadata: at('2021-10-11T12:00:00+08:00') })
      .then();
    spec
      .given(base, approved, started, recorded(v))
      .when({
        type: 'RecordVideoEvidence',
        data: { ...v, evidenceId: ids[1] },
        metadata: at('2021-10-11T12:00:00+08:00'),
      })
      .thenThrows(VideoAlreadyRecorded);
    spec
      .given(base, approved, started)
      .when({
        type: 'RecordVideoEvidence',
        // recorded on the first day, said to be of the second session
        data: { ...video(ids[1], 1, 'theory', '08:30', '11:30', 'x'), sessionNo: 2 },
        metadata: at('2021-10-12T12:00:00+08:00'),
      })
      .thenThrows(VideoOutsideSession, (e) => e.details.field === 'startsAt');
    spec
      .given(base, approved, started)
      .when({
        type: 'RecordVideoEvidence',
        data: video(ids[1], 3, 'theory', '08:30', '11:30', 'y'),
        metadata: at('2021-10-12T12:00:00+08:00'),
      })
      .thenThrows(VideoOutsideSession, (e) => e.details.field === 'sessionNo');
  });

  it('records inspections with the running average and its ratio to the opening-day headcount', () => {
    const inspection = (inspectionId: string, headcount: number) => ({
      classId,
      inspectionId,
      at: '2021-10-11T10:00:00+08:00',
      place: '实训基地',
      teachersPresent: [teacherIds[0]],
      headcount,
    });
    const first = {
      type: 'InspectionRecorded.v1',
      data: {
        ...inspection(ids[0], 3),
        inspectedBy: 'officer-7',
        averageInspectedHeadcount: 3,
        ratioToOpeningDay: 1,
      },
    } as const;
    spec
      .given(base, approved, started)
      .when({
        type: 'RecordInspection',
        data: inspection(ids[0], 3),
        metadata: at('2021-10-11T10:05:00+08:00'),
      })
      .then(first);
    expectEventsMatchContracts([first]);
    spec
      .given(base, approved, started, first as unknown as ClassApplied)
      .when({
        type: 'RecordInspection',
        data: inspection(ids[1], 2),
        metadata: at('2021-10-11T10:05:00+08:00'),
      })
      .then({
        type: 'InspectionRecorded.v1',
        data: {
          ...inspection(ids[1], 2),
          inspectedBy: 'officer-7',
          averageInspectedHeadcount: 2.5,
          ratioToOpeningDay: 0.8333,
        },
      });
    spec
      .given(base, approved, started)
      .when({
        type: 'RecordInspection',
        data: { ...inspection(ids[0], 3), at: '2021-10-13T10:00:00+08:00' },
        metadata: at('2021-10-13T10:05:00+08:00'),
      })
      .thenThrows(InspectionOutsideClass);
    spec
      .given(base, approved)
      .when({
        type: 'RecordInspection',
        data: inspection(ids[0], 3),
        metadata: at('2021-10-11T10:05:00+08:00'),
      })
      .thenThrows(ClassNotInStatus);
  });

  it('completes after the last session with every fact subsidy and certification need', () => {
    const inspectionOf = (headcount: number) =>
      ({
        type: 'InspectionRecorded.v1',
        data: {
          classId,
          inspectionId: ids[headcount],
          at: '2021-10-11T10:00:00+08:00',
          place: 'x',
          teachersPresent: [],
          headcount,
          inspectedBy: 'o',
          averageInspectedHeadcount: headcount,
        },
      }) as unknown as ClassApplied;
    const history = [
      base,
      approved,
      started,
      recorded(video(ids[0], 1, 'theory', '08:30', '11:30')),
      recorded(video(ids[1], 1, 'practical', '12:00', '14:30')),
      recorded(video(ids[2], 2, 'theory', '08:30', '11:00')),
      inspectionOf(3),
      inspectionOf(2),
    ];
    const complete = (now: string, share = 0.9): ClassCommand => ({
      type: 'CompleteClass',
      data: {
        classId,
        attendance: [
          { workerId: workerId(1), sessions: [1, 2] },
          { workerId: workerId(2), sessions: [1] },
          { workerId: workerId(3), sessions: [1, 2] },
        ],
        inspectionPresenceShare: share,
        minPracticalVideoMinutesPerHour: 15,
      },
      metadata: at(now, 'institution-user-1'),
    });
    spec
      .given(...history)
      .when(complete('2021-10-12T14:29:59+08:00'))
      .thenThrows(ClassNotEnded);
    const completed = {
      type: 'ClassCompleted.v1',
      data: {
        classId,
        institutionId,
        jurisdictionCode: JIYUAN,
        occupationCode: '6-18-02-04',
        level: 5,
        trainingType: 'employment_skills',
        mode: 'commissioned',
        keyGroup: false,
        fundSource: 'skills_upgrading_account',
        startDate: '2021-10-11',
        endDate: '2021-10-12',
        daysDelivered: 2,
        hoursDelivered: 16,
        sessionsTotal: 2,
        plannedHeadcount: 3,
        openingDayHeadcount: 3,
        averageInspectedHeadcount: 2.5,
        // 2.5 < 0.9 × 3 = 2.7: subsidies count the average
        averageRuleApplies: true,
        trainees: [
          { workerId: workerId(1), sessionsAttended: 2, sessionsTotal: 2, daysAttended: 2 },
          { workerId: workerId(2), sessionsAttended: 1, sessionsTotal: 2, daysAttended: 1 },
          { workerId: workerId(3), sessionsAttended: 2, sessionsTotal: 2, daysAttended: 2 },
        ],
        videoCoverage: {
          theoryCoveredInFull: false,
          practicalMinutesShortfall: 60,
          gaps: [
            { sessionNo: 2, kind: 'theory', missingMinutes: 30 },
            { sessionNo: 2, kind: 'practical', missingMinutes: 60 },
          ],
        },
        policyVersionIds: [jiyuan.versionId, province.versionId],
      },
    } as const;
    spec
      .given(...history)
      .when(complete('2021-10-12T14:30:00+08:00'))
      .then(completed);
    expectEventsMatchContracts([completed]);
    // the share is compared in hundredths of a percent: 2.5 ≥ 0.8333 × 3 (the roster counts), 2.5 < 0.8334 × 3
    const appliesAt = (share: number) => {
      const [event] = decisionEvents(
        classDecider.decide(
          complete('2021-10-13T09:00:00+08:00', share),
          history.reduce(classDecider.evolve, classDecider.initialState()),
        ),
      );
      return (event.data as { averageRuleApplies: boolean }).averageRuleApplies;
    };
    expect([appliesAt(0.8333), appliesAt(0.8334)]).toEqual([false, true]);
    spec
      .given(...history, completed as unknown as ClassApplied)
      .when(complete('2021-10-13T09:00:00+08:00'))
      .thenThrows(ClassNotInStatus);
  });
});
