import { DeciderSpecification } from '@jineng/testing';
import type { ClassFacts } from '../../local/class-facts';
import type { EvaluationBodyFacts } from '../../evaluation-body/domain/evaluation-body';
import { EvaluationBodyNotRecognised } from '../../evaluation-body/domain/evaluation-body.errors';
import { expectContracts, metadataAt } from '../../testing/certification-spec.fixture';
import { assessmentDecider } from './assessment.decide';
import type {
  AssessmentApplied,
  AssessmentCommand,
  AssessmentResultsRecorded,
  AssessmentScheduled,
} from './assessment';
import {
  AssessmentAlreadyApplied,
  AssessmentAlreadyHeld,
  AssessmentApplicationTooLate,
  AssessmentNotFound,
  AssessmentNotScheduled,
  ClassNotRunning,
  CorrectionReasonRequired,
  DuplicateResult,
  HrOfficeQuestionSetRequired,
  InvalidResult,
  ResultsBeforeAssessmentDate,
  AttendanceBelowMinimum,
  AttendanceNotYetKnown,
  TraineeNotOnRoster,
} from './assessment.errors';

const spec = DeciderSpecification.for(assessmentDecider);
const assessmentId = '0b7e6a1c-2d3f-4a5b-8c9d-0e1f2a3b4c5d';
const classId = '1c8f7b2d-3e4a-4b6c-9d0e-1f2a3b4c5d6e';
const institutionId = '2d9a8c3e-4f5b-4c7d-8e1f-2a3b4c5d6e7f';
const bodyId = '3e0b9d4f-5a6c-4d8e-9f2a-3b4c5d6e7f80';
const [w1, w2, w3] = [
  '4f1c0e5a-6b7d-4e9f-8a3b-4c5d6e7f8091',
  '5a2d1f6b-7c8e-4f0a-9b4c-5d6e7f8091a2',
  '6b3e2a7c-8d9f-4a1b-8c5d-6e7f8091a2b3',
];

const cls: ClassFacts = {
  classId,
  institutionId,
  jurisdictionCode: '419001',
  occupationCode: '6-18-02-04',
  level: 4,
  trainingType: 'skill_upgrade',
  startDate: '2026-11-02',
  endDate: '2026-11-30',
  workerIds: [w1, w2],
  status: 'approved',
  trainees: [],
  policyVersionIds: [],
};
const LEAD = { value: 3, versionId: '7c4f3b8d-9e0a-4b2c-9d6e-7f8091a2b3c4' };

const at = (date: string) => `${date}T09:00:00+08:00`;
const command = <C extends AssessmentCommand>(type: C['type'], data: C['data'], date: string): C =>
  ({ type, data, metadata: metadataAt(at(date)) }) as C;

const apply = (date: string, overrides: Partial<ClassFacts> = {}, leadDays: typeof LEAD | null = LEAD) =>
  command(
    'ApplyForAssessment',
    { assessmentId, classId, certificateKind: 'skill_level', class: { ...cls, ...overrides }, leadDays },
    date,
  );

const applied: AssessmentApplied = {
  type: 'AssessmentApplied.v1',
  data: {
    assessmentId,
    classId,
    institutionId,
    jurisdictionCode: '419001',
    occupationCode: '6-18-02-04',
    level: 4,
    certificateKind: 'skill_level',
    classEndDate: '2026-11-30',
    appliedOn: '2026-11-27',
    appliedBy: 'officer-1',
    workerIds: [w1, w2],
    policyVersionIds: [LEAD.versionId],
  },
};

const body = (overrides: Partial<EvaluationBodyFacts> = {}): EvaluationBodyFacts => ({
  evaluationBodyId: bodyId,
  name: '济源市职业技能鉴定中心',
  kind: 'social_organisation',
  jurisdictionCode: '419001',
  recognitions: [
    {
      occupationCode: '6-18-02-04',
      levels: [4, 5],
      kinds: ['skill_level'],
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    },
  ],
  ...overrides,
});

const schedule = (date: string, overrides: Record<string, unknown> = {}, today = '2026-11-28') =>
  command(
    'ScheduleAssessment',
    {
      assessmentId,
      date,
      place: '济源技师学院实训楼',
      assessorIds: ['assessor-1'],
      evaluationBodyId: bodyId,
      body: body(),
      hrOfficeSetsTrainingExams: true,
      ...overrides,
    } as never,
    today,
  );

const scheduled: AssessmentScheduled = {
  type: 'AssessmentScheduled.v1',
  data: {
    assessmentId,
    classId,
    date: '2026-12-01',
    place: '济源技师学院实训楼',
    assessorIds: ['assessor-1'],
    evaluationBodyId: bodyId,
    scheduledBy: 'officer-1',
  },
};

const record = (results: object[], today = '2026-12-01', extra: object = {}, roster = [w1, w2]) =>
  command('RecordResults', { assessmentId, results, rosterWorkerIds: roster, ...extra } as never, today);

const passed = { workerId: w1, theoryScore: 80, practicalScore: 75, outcome: 'passed' as const };
const absent = { workerId: w2, outcome: 'absent' as const };

const recorded = (
  results: AssessmentResultsRecorded['data']['results'],
  extra = {},
): AssessmentResultsRecorded => ({
  type: 'AssessmentResultsRecorded.v1',
  data: {
    assessmentId,
    classId,
    institutionId,
    jurisdictionCode: '419001',
    occupationCode: '6-18-02-04',
    level: 4,
    certificateKind: 'skill_level',
    results,
    recordedBy: 'officer-1',
    ...extra,
  },
});

describe('ApplyForAssessment', () => {
  it('on the last day the lead days allow (exactly 3 days before the end): applied, with the policy version', () => {
    spec.given().when(apply('2026-11-27')).then(applied);
    expectContracts([applied]);
  });

  it('one day later: too late, with the latest day', () => {
    spec
      .given()
      .when(apply('2026-11-28'))
      .thenThrows(AssessmentApplicationTooLate, (e) => {
        expect(e.details).toEqual({
          classEndDate: '2026-11-30',
          leadDays: 3,
          latest: '2026-11-27',
          today: '2026-11-28',
        });
      });
  });

  it('where no level of the policy sets the lead days, the rule is not applied', () => {
    spec
      .given()
      .when(apply('2026-11-29', {}, null))
      .then({ ...applied, data: { ...applied.data, appliedOn: '2026-11-29', policyVersionIds: [] } });
  });

  it('a cancelled or completed class cannot be assessed', () => {
    spec
      .given()
      .when(apply('2026-11-10', { status: 'cancelled' }))
      .thenThrows(ClassNotRunning);
    spec
      .given()
      .when(apply('2026-11-10', { status: 'completed' }))
      .thenThrows(ClassNotRunning);
  });

  it('once only', () => {
    spec.given(applied).when(apply('2026-11-20')).thenThrows(AssessmentAlreadyApplied);
  });
});

describe('ScheduleAssessment', () => {
  it('by a body recognised for the occupation, level and kind on the date', () => {
    spec.given(applied).when(schedule('2026-12-01')).then(scheduled);
    expectContracts([scheduled]);
  });

  it('refuses a body not recognised on that date (its recognition ended)', () => {
    spec
      .given(applied)
      .when(schedule('2027-01-04', {}, '2026-11-28'))
      .thenThrows(EvaluationBodyNotRecognised, (e) => e.details.date === '2027-01-04');
  });

  it('refuses a body recognised for another level', () => {
    spec
      .given(applied)
      .when(
        schedule('2026-12-01', {
          body: body({
            recognitions: [
              { occupationCode: '6-18-02-04', levels: [3], kinds: ['skill_level'], validFrom: '2026-01-01' },
            ],
          }),
        }),
      )
      .thenThrows(EvaluationBodyNotRecognised);
  });

  it('a training-qualified exam where the HR office sets the questions: the HR office, with its question set', () => {
    const trainingQualified: AssessmentApplied = {
      ...applied,
      data: { ...applied.data, certificateKind: 'training_qualified' },
    };
    const hrOffice = body({
      kind: 'hr_office',
      recognitions: [
        { occupationCode: '6-18-02-04', levels: [4], kinds: ['training_qualified'], validFrom: '2021-01-01' },
      ],
    });
    spec
      .given(trainingQualified)
      .when(schedule('2026-12-01', { body: hrOffice }))
      .thenThrows(HrOfficeQuestionSetRequired);
    spec
      .given(trainingQualified)
      .when(schedule('2026-12-01', { body: hrOffice, questionSetReference: '济人社考〔2026〕12号' }))
      .then({ ...scheduled, data: { ...scheduled.data, questionSetReference: '济人社考〔2026〕12号' } });
    // where the policy does not say so, any recognised body may set the exam
    spec
      .given(trainingQualified)
      .when(
        schedule('2026-12-01', {
          body: { ...hrOffice, kind: 'social_organisation' },
          hrOfficeSetsTrainingExams: false,
        }),
      )
      .then(scheduled);
  });

  it('no assessment, or one already held, cannot be scheduled', () => {
    spec.given().when(schedule('2026-12-01')).thenThrows(AssessmentNotFound);
    spec
      .given(applied, scheduled, recorded([passed]))
      .when(schedule('2026-12-02'))
      .thenThrows(AssessmentAlreadyHeld);
  });
});

describe('RecordResults', () => {
  it('per trainee on the roster: theory, practical, passed / failed / absent', () => {
    const event = recorded([passed, absent]);
    spec
      .given(applied, scheduled)
      .when(record([passed, absent]))
      .then(event);
    expectContracts([event]);
  });

  it('not before the assessment is scheduled, nor before its date', () => {
    spec
      .given(applied)
      .when(record([passed]))
      .thenThrows(AssessmentNotScheduled);
    spec
      .given(applied, scheduled)
      .when(record([passed], '2026-11-30'))
      .thenThrows(ResultsBeforeAssessmentDate, (e) => e.details.date === '2026-12-01');
  });

  it('only trainees on the roster (amendments included), once each', () => {
    spec
      .given(applied, scheduled)
      .when(record([passed, { ...absent, workerId: w3 }]))
      .thenThrows(TraineeNotOnRoster, (e) => e.details.index === 1 && e.details.workerId === w3);
    spec
      .given(applied, scheduled)
      .when(record([{ ...absent, workerId: w3 }], '2026-12-01', {}, [w1, w3]))
      .then(recorded([{ workerId: w3, outcome: 'absent' }]));
    spec
      .given(applied, scheduled)
      .when(record([passed, passed]))
      .thenThrows(DuplicateResult);
  });

  it('scores with passed and failed, none with absent', () => {
    spec
      .given(applied, scheduled)
      .when(record([{ workerId: w1, theoryScore: 80, outcome: 'passed' }]))
      .thenThrows(InvalidResult);
    spec
      .given(applied, scheduled)
      .when(record([{ workerId: w2, theoryScore: 0, practicalScore: 0, outcome: 'absent' }]))
      .thenThrows(InvalidResult);
  });

  it('a correction is a new event with its reason; the same result again records nothing', () => {
    const corrected = { ...passed, practicalScore: 55, outcome: 'failed' as const };
    spec
      .given(applied, scheduled, recorded([passed]))
      .when(record([corrected], '2026-12-02'))
      .thenThrows(CorrectionReasonRequired, (e) => e.details.workerIds[0] === w1);
    spec
      .given(applied, scheduled, recorded([passed]))
      .when(record([corrected, absent], '2026-12-02', { correctionReason: '实操成绩复核' }))
      .then(recorded([corrected, absent], { correctionReason: '实操成绩复核' }));
    spec
      .given(applied, scheduled, recorded([passed]))
      .when(record([passed], '2026-12-02'))
      .thenNothingHappened();
  });

  describe('where the policy sets an attendance minimum to pass (80 % here)', () => {
    const w2Failed = { workerId: w2, theoryScore: 40, practicalScore: 50, outcome: 'failed' as const };
    const rule = (w1Attended: number, w2Attended = 2) => ({
      passRule: {
        minAttendanceShare: 0.8,
        attendance: { [w1]: { attended: w1Attended, total: 10 }, [w2]: { attended: w2Attended, total: 10 } },
      },
    });

    it('exactly at the minimum (8 of 10 sessions): passed', () => {
      spec
        .given(applied, scheduled)
        .when(record([passed], '2026-12-01', rule(8)))
        .then(recorded([passed]));
    });

    it('one session short (7 of 10): not passed, with the figures; failed stays allowed', () => {
      spec
        .given(applied, scheduled)
        .when(record([passed], '2026-12-01', rule(7)))
        .thenThrows(
          AttendanceBelowMinimum,
          (e) => e.details.workerId === w1 && e.details.attended === 7 && e.details.total === 10,
        );
      spec
        .given(applied, scheduled)
        .when(record([w2Failed], '2026-12-01', rule(8, 2)))
        .then(recorded([w2Failed]));
    });

    it('while the class has not completed (attendance unknown), nobody can be marked passed yet', () => {
      spec
        .given(applied, scheduled)
        .when(record([passed], '2026-12-01', { passRule: { minAttendanceShare: 0.8, attendance: null } }))
        .thenThrows(AttendanceNotYetKnown, (e) => e.details.workerId === w1);
      spec
        .given(applied, scheduled)
        .when(record([absent], '2026-12-01', { passRule: { minAttendanceShare: 0.8, attendance: null } }))
        .then(recorded([absent]));
    });
  });
});
