import { DeciderSpecification } from '@jineng/testing';
import { TraineeNotOnRoster } from '../../assessment/domain/assessment.errors';
import type { ClassFacts } from '../../local/class-facts';
import { expectContracts, metadataAt } from '../../testing/certification.spec-fixture';
import { surveyDecider } from './survey.decide';
import type { SatisfactionRecorded, SurveyCommand } from './survey';
import { ClassNotCompleted, NoAnswers, SurveyClosed } from './survey.errors';

const spec = DeciderSpecification.for(surveyDecider);
const classId = '1c8f7b2d-3e4a-4b6c-9d0e-1f2a3b4c5d6e';
const institutionId = '2d9a8c3e-4f5b-4c7d-8e1f-2a3b4c5d6e7f';
const versionId = '7c4f3b8d-9e0a-4b2c-9d6e-7f8091a2b3c4';
const workers = Array.from(
  { length: 20 },
  (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
);

const cls = (overrides: Partial<ClassFacts> = {}): ClassFacts => ({
  classId,
  institutionId,
  jurisdictionCode: '419001',
  occupationCode: '6-18-02-04',
  level: 4,
  trainingType: 'skill_upgrade',
  startDate: '2026-11-02',
  endDate: '2026-11-30',
  workerIds: workers,
  status: 'completed',
  trainees: [],
  policyVersionIds: [],
  ...overrides,
});

const record = (
  responses: { workerId: string; satisfied: boolean }[],
  overrides: Partial<ClassFacts> = {},
): SurveyCommand => ({
  type: 'RecordSatisfaction',
  data: { classId, responses, class: cls(overrides) },
  metadata: metadataAt('2026-12-02T10:00:00+08:00'),
});
const close = (minimum: number | null = 0.85): SurveyCommand => ({
  type: 'CloseSatisfactionSurvey',
  data: { classId, class: cls(), minSatisfaction: minimum === null ? null : { value: minimum, versionId } },
  metadata: metadataAt('2026-12-05T10:00:00+08:00'),
});

/** n satisfied of 20 */
const answered = (satisfied: number): SatisfactionRecorded => ({
  type: 'SatisfactionRecorded.v1',
  data: {
    classId,
    institutionId,
    jurisdictionCode: '419001',
    responses: workers.map((workerId, i) => ({ workerId, satisfied: i < satisfied })),
    recordedBy: 'officer-1',
  },
});

const closed = (satisfied: number, share: string) => ({
  type: 'SatisfactionSurveyClosed.v1' as const,
  data: {
    classId,
    institutionId,
    jurisdictionCode: '419001',
    responses: 20,
    satisfied,
    satisfactionShare: share,
    minimumShare: '0.8500',
    policyVersionIds: [versionId],
    closedBy: 'officer-1',
  },
});

describe('RecordSatisfaction', () => {
  it("trainees on the roster answer after the class; a trainee's later answer replaces the earlier", () => {
    const event = answered(2);
    spec
      .given()
      .when(record(event.data.responses.map((r) => ({ ...r }))))
      .then(event);
    expectContracts([event]);
    spec
      .given(answered(2))
      .when(
        record([
          { workerId: workers[0]!, satisfied: true },
          { workerId: workers[5]!, satisfied: true },
        ]),
      )
      .then({
        ...event,
        data: { ...event.data, responses: [{ workerId: workers[5]!, satisfied: true }] },
      });
  });

  it('not before the class completed, not from outside the roster, not after the close', () => {
    spec
      .given()
      .when(record([{ workerId: workers[0]!, satisfied: true }], { status: 'approved' }))
      .thenThrows(ClassNotCompleted);
    spec
      .given()
      .when(record([{ workerId: '9e6b5d0f-1a2c-4d4e-8f8a-91a2b3c4d5e6', satisfied: true }]))
      .thenThrows(TraineeNotOnRoster);
    spec
      .given(answered(20), closed(20, '1.0000'))
      .when(record([{ workerId: workers[0]!, satisfied: false }]))
      .thenThrows(SurveyClosed);
  });
});

describe('CloseSatisfactionSurvey', () => {
  it('exactly the minimum (17 of 20 = 85 %) is not below it', () => {
    spec.given(answered(17)).when(close()).then(closed(17, '0.8500'));
  });

  it('one answer fewer (16 of 20 = 80 %): the class is below the minimum, the institution stops opening classes', () => {
    const below = {
      type: 'ClassSatisfactionBelowMinimum.v1' as const,
      data: {
        classId,
        institutionId,
        jurisdictionCode: '419001',
        satisfactionShare: '0.8000',
        minimumShare: '0.8500',
      },
    };
    spec.given(answered(16)).when(close()).then(closed(16, '0.8000'), below);
    expectContracts([closed(16, '0.8000'), below]);
  });

  it('where no level sets a minimum, the share is recorded and nothing follows', () => {
    const { minimumShare: _m, ...data } = closed(10, '0.5000').data;
    spec
      .given(answered(10))
      .when(close(null))
      .then({ type: 'SatisfactionSurveyClosed.v1', data: { ...data, policyVersionIds: [] } });
  });

  it('needs answers; closing again changes nothing', () => {
    spec.given().when(close()).thenThrows(NoAnswers);
    spec.given(answered(17), closed(17, '0.8500')).when(close()).thenNothingHappened();
  });
});
