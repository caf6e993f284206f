// The assessment decider. Everything a rule needs comes in the command: the class as class-ops told
// it, the policy parameters in force (the handler resolves them), the evaluation body's record.
import type { Decider } from '@jineng/ddd';
import { addCalendarDays } from '@jineng/kernel';
import { EvaluationBodyNotRecognised } from '../../evaluation-body/domain/evaluation-body.errors';
import { recognises } from '../../evaluation-body/domain/evaluation-body';
import { todayOf } from '../../shared/dates';
import {
  evolveAssessment,
  type ApplyForAssessment,
  type AssessmentCommand,
  type AssessmentEvent,
  type AssessmentState,
  type KnownAssessment,
  type PassRule,
  type RecordResults,
  type ScheduleAssessment,
  type TraineeResult,
} from './assessment';
import {
  AssessmentAlreadyApplied,
  AssessmentAlreadyHeld,
  AssessmentApplicationTooLate,
  AssessmentDateOutOfRange,
  AssessmentNotFound,
  AssessmentNotScheduled,
  AttendanceBelowMinimum,
  AttendanceNotYetKnown,
  ClassNotRunning,
  CorrectionReasonRequired,
  DuplicateResult,
  HrOfficeQuestionSetRequired,
  InvalidResult,
  ResultsBeforeAssessmentDate,
  TraineeNotOnRoster,
} from './assessment.errors';

export const assessmentDecider: Decider<AssessmentCommand, AssessmentState, AssessmentEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveAssessment,
  decide: (command, state) => {
    switch (command.type) {
      case 'ApplyForAssessment':
        return apply(command, state);
      case 'ScheduleAssessment':
        return schedule(command, known(state, command.data.assessmentId));
      case 'RecordResults':
        return record(command, known(state, command.data.assessmentId));
    }
  },
};

function known(state: AssessmentState, assessmentId: string): KnownAssessment {
  if (state.status === 'none') throw new AssessmentNotFound({ assessmentId });
  return state;
}

/**
 * The institution applies no later than the policy's lead days before the class ends (Jiyuan 2021:
 * 「结业前 3 天 … 提出考核申请」; DOMAIN §4 "at least 3 days before the class ends"): calendar days,
 * the text does not say working days. Where no level sets the lead days the rule is not applied.
 */
function apply(command: ApplyForAssessment, state: AssessmentState): AssessmentEvent[] {
  const { data, metadata } = command;
  if (state.status !== 'none') throw new AssessmentAlreadyApplied({ assessmentId: data.assessmentId });
  const cls = data.class;
  if (cls.status !== 'approved') throw new ClassNotRunning({ classId: cls.classId, status: cls.status });
  const today = todayOf(metadata);
  if (data.leadDays !== null) {
    const latest = addCalendarDays(cls.endDate, -data.leadDays.value);
    if (today > latest)
      throw new AssessmentApplicationTooLate({
        classEndDate: cls.endDate,
        leadDays: data.leadDays.value,
        latest,
        today,
      });
  }
  return [
    {
      type: 'AssessmentApplied.v1',
      data: {
        assessmentId: data.assessmentId,
        classId: cls.classId,
        institutionId: cls.institutionId,
        jurisdictionCode: cls.jurisdictionCode,
        occupationCode: cls.occupationCode,
        level: cls.level,
        certificateKind: data.certificateKind,
        classEndDate: cls.endDate,
        appliedOn: today,
        appliedBy: metadata.actor.userId,
        workerIds: [...cls.workerIds],
        policyVersionIds: data.leadDays ? [data.leadDays.versionId] : [],
      },
    },
  ];
}

/**
 * An officer schedules the offline assessment by a body recognised for the occupation, level and kind
 * on its date; where the HR office sets the training-qualified exams (Jiyuan 2021: 「培训合格证书类考核，
 * 理论、实操由示范区人力资源社会保障局负责统一出题并组织考核」) the body is the HR office and the
 * question set it issued is named.
 */
function schedule(command: ScheduleAssessment, state: KnownAssessment): AssessmentEvent[] {
  const { data, metadata } = command;
  if (state.status === 'results_recorded')
    throw new AssessmentAlreadyHeld({ assessmentId: state.assessmentId });
  if (data.date < state.appliedOn)
    throw new AssessmentDateOutOfRange({ date: data.date, appliedOn: state.appliedOn });
  const what = { occupationCode: state.occupationCode, level: state.level, kind: state.certificateKind };
  if (!recognises(data.body, what, data.date))
    throw new EvaluationBodyNotRecognised({
      evaluationBodyId: data.evaluationBodyId,
      ...what,
      date: data.date,
    });
  if (
    state.certificateKind === 'training_qualified' &&
    data.hrOfficeSetsTrainingExams &&
    (data.body.kind !== 'hr_office' || data.questionSetReference === undefined)
  )
    throw new HrOfficeQuestionSetRequired({
      bodyKind: data.body.kind,
      hasQuestionSet: data.questionSetReference !== undefined,
    });
  return [
    {
      type: 'AssessmentScheduled.v1',
      data: {
        assessmentId: state.assessmentId,
        classId: state.classId,
        date: data.date,
        place: data.place,
        assessorIds: [...data.assessorIds],
        evaluationBodyId: data.evaluationBodyId,
        ...(data.questionSetReference !== undefined
          ? { questionSetReference: data.questionSetReference }
          : {}),
        scheduledBy: metadata.actor.userId,
      },
    },
  ];
}

/**
 * Results of trainees on the roster, on or after the assessment's date. A result already recorded
 * changes only with a reason (a correction is a new event, never an edit); the same result again
 * records nothing.
 */
function record(command: RecordResults, state: KnownAssessment): AssessmentEvent[] {
  const { data, metadata } = command;
  if (state.status === 'applied' || !state.schedule)
    throw new AssessmentNotScheduled({ assessmentId: state.assessmentId });
  const today = todayOf(metadata);
  if (today < state.schedule.date)
    throw new ResultsBeforeAssessmentDate({ date: state.schedule.date, today });
  const seen = new Set<string>();
  const results: TraineeResult[] = [];
  data.results.forEach((result, index) => {
    results.push(checkedResult(result, index, data.rosterWorkerIds, seen, data.passRule));
  });
  const changed = results.filter((result) => !sameResult(state.results.get(result.workerId), result));
  if (changed.length === 0) return [];
  const corrected = changed.filter((result) => state.results.has(result.workerId)).map((r) => r.workerId);
  const reason = data.correctionReason?.trim() || undefined;
  if (corrected.length > 0 && reason === undefined)
    throw new CorrectionReasonRequired({ workerIds: corrected });
  return [
    {
      type: 'AssessmentResultsRecorded.v1',
      data: {
        assessmentId: state.assessmentId,
        classId: state.classId,
        institutionId: state.institutionId,
        jurisdictionCode: state.jurisdictionCode,
        occupationCode: state.occupationCode,
        level: state.level,
        certificateKind: state.certificateKind,
        results: changed,
        ...(corrected.length > 0 ? { correctionReason: reason! } : {}),
        recordedBy: metadata.actor.userId,
      },
    },
  ];
}

/**
 * One trainee's result by the rules of RecordResults: on the roster, once each (`seen` collects the
 * workers already taken), scores with passed / failed and none with absent, and — where the policy sets
 * an attendance minimum — passed only at or above it. The results sheet judges its rows with this same
 * function.
 */
export function checkedResult(
  result: TraineeResult,
  index: number,
  rosterWorkerIds: readonly string[],
  seen: Set<string>,
  passRule?: PassRule,
): TraineeResult {
  if (!rosterWorkerIds.includes(result.workerId))
    throw new TraineeNotOnRoster({ index, workerId: result.workerId });
  if (seen.has(result.workerId)) throw new DuplicateResult({ index, workerId: result.workerId });
  seen.add(result.workerId);
  const scored = result.theoryScore !== undefined && result.practicalScore !== undefined;
  const unscored = result.theoryScore === undefined && result.practicalScore === undefined;
  if (result.outcome === 'absent' ? !unscored : !scored)
    throw new InvalidResult({ index, outcome: result.outcome });
  if (result.outcome === 'passed' && passRule) checkAttendance(result.workerId, index, passRule);
  return {
    workerId: result.workerId,
    ...(result.theoryScore !== undefined ? { theoryScore: result.theoryScore } : {}),
    ...(result.practicalScore !== undefined ? { practicalScore: result.practicalScore } : {}),
    outcome: result.outcome,
  };
}

// 「出勤率低于…不得参加考核/不予合格」 is a rule some jurisdictions set; none of the seeds does, so it
// applies only where a published version sets assessment.minAttendanceShareToPass (issue 12).
function checkAttendance(workerId: string, index: number, rule: PassRule): void {
  if (rule.attendance === null) throw new AttendanceNotYetKnown({ index, workerId });
  const { attended, total } = rule.attendance[workerId] ?? { attended: 0, total: 0 };
  // attended / total < minimum, in integers (no rounding): attended * 10 000 < minimum (4 decimals) * total
  const minimum = Math.round(rule.minAttendanceShare * 10_000);
  if (total === 0 || attended * 10_000 < minimum * total)
    throw new AttendanceBelowMinimum({
      index,
      workerId,
      attended,
      total,
      minimumShare: rule.minAttendanceShare,
    });
}

export function sameResult(a: TraineeResult | undefined, b: TraineeResult): boolean {
  return (
    a !== undefined &&
    a.outcome === b.outcome &&
    a.theoryScore === b.theoryScore &&
    a.practicalScore === b.practicalScore
  );
}
