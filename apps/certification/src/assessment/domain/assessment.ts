// The assessment at the end of a class (结业考核, DOMAIN §4): applied for by the institution, scheduled
// by an officer, held offline, its results recorded per trainee; a correction is a new event.
import type { certificationV1 } from '@jineng/contracts';
import type { Command, DomainEvent } from '@jineng/ddd';
import type { ClassFacts } from '../../local/class-facts';
import type { EvaluationBodyFacts } from '../../evaluation-body/domain/evaluation-body';
import type { JsonData } from '../../shared/rpc';

export type AssessmentApplied = DomainEvent<
  'AssessmentApplied.v1',
  JsonData<certificationV1.AssessmentApplied>
>;
export type AssessmentScheduled = DomainEvent<
  'AssessmentScheduled.v1',
  JsonData<certificationV1.AssessmentScheduled>
>;
export type AssessmentResultsRecorded = DomainEvent<
  'AssessmentResultsRecorded.v1',
  JsonData<certificationV1.AssessmentResultsRecorded>
>;
export type AssessmentEvent = AssessmentApplied | AssessmentScheduled | AssessmentResultsRecorded;

export type TraineeResult = JsonData<certificationV1.TraineeResult>;

/** A policy parameter as the handler resolved it: its value and the version it came from. */
export type PolicyValue<T> = {
  readonly value: T;
  readonly versionId: string;
};

export type ApplyForAssessment = Command<
  'ApplyForAssessment',
  JsonData<certificationV1.ApplyForAssessment> & {
    /** the class as certification knows it from class-ops */
    readonly class: ClassFacts;
    /** assessment.applicationLeadDays in force on the application's day; null where no level sets it */
    readonly leadDays: PolicyValue<number> | null;
  }
>;

export type ScheduleAssessment = Command<
  'ScheduleAssessment',
  JsonData<certificationV1.ScheduleAssessment> & {
    readonly body: EvaluationBodyFacts;
    /** assessment.hrOfficeSetsTrainingCertificateExams in force on the assessment's date */
    readonly hrOfficeSetsTrainingExams: boolean;
  }
>;

export type RecordResults = Command<
  'RecordResults',
  JsonData<certificationV1.RecordResults> & {
    /** the class's roster now (after amendments) */
    readonly rosterWorkerIds: readonly string[];
    /** the policy's attendance minimum to pass, where it is set (pass-rule.ts) */
    readonly passRule?: PassRule;
  }
>;

/**
 * The policy's attendance minimum for a pass (`assessment.minAttendanceShareToPass`, where set) and each
 * trainee's attendance from class-ops' ClassCompleted — `null` while the class has not completed.
 */
export type PassRule = {
  readonly minAttendanceShare: number;
  readonly attendance: {
    readonly [workerId: string]: { readonly attended: number; readonly total: number };
  } | null;
};

export type AssessmentCommand = ApplyForAssessment | ScheduleAssessment | RecordResults;

export const assessmentStreamId = (id: string): string => `assessment-${id}`;

export type KnownAssessment = {
  readonly status: 'applied' | 'scheduled' | 'results_recorded';
  readonly assessmentId: string;
  readonly classId: string;
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly certificateKind: string;
  readonly classEndDate: string;
  readonly appliedOn: string;
  readonly schedule?: JsonData<certificationV1.AssessmentSchedule>;
  /** each trainee's latest result */
  readonly results: ReadonlyMap<string, TraineeResult>;
};

export type AssessmentState = { readonly status: 'none' } | KnownAssessment;

export function evolveAssessment(state: AssessmentState, event: AssessmentEvent): AssessmentState {
  switch (event.type) {
    case 'AssessmentApplied.v1': {
      const d = event.data;
      return {
        status: 'applied',
        assessmentId: d.assessmentId,
        classId: d.classId,
        institutionId: d.institutionId,
        jurisdictionCode: d.jurisdictionCode,
        occupationCode: d.occupationCode,
        level: d.level,
        certificateKind: d.certificateKind,
        classEndDate: d.classEndDate,
        appliedOn: d.appliedOn,
        results: new Map(),
      };
    }
    case 'AssessmentScheduled.v1': {
      if (state.status === 'none') return state;
      const { assessmentId: _a, classId: _c, scheduledBy: _s, ...schedule } = event.data;
      return { ...state, status: state.status === 'results_recorded' ? state.status : 'scheduled', schedule };
    }
    case 'AssessmentResultsRecorded.v1': {
      if (state.status === 'none') return state;
      const results = new Map(state.results);
      for (const result of event.data.results) results.set(result.workerId, result);
      return { ...state, status: 'results_recorded', results };
    }
  }
}
