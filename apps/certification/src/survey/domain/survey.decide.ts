// The survey decider: answers of trainees on the roster after the class completed; the close compares
// the satisfied share with the policy's minimum — exactly the minimum is not below it.
import type { Decider } from '@jineng/ddd';
import { DuplicateResult, TraineeNotOnRoster } from '../../assessment/domain/assessment.errors';
import { isBelow, minimumOf, shareOf } from '../../shared/share';
import {
  evolveSurvey,
  type CloseSatisfactionSurvey,
  type RecordSatisfaction,
  type SurveyCommand,
  type SurveyEvent,
  type SurveyState,
} from './survey';
import { ClassNotCompleted, NoAnswers, SurveyClosed } from './survey.errors';

export const surveyDecider: Decider<SurveyCommand, SurveyState, SurveyEvent> = {
  initialState: () => ({ answers: new Map(), closed: false }),
  evolve: evolveSurvey,
  decide: (command, state) =>
    command.type === 'RecordSatisfaction' ? record(command, state) : close(command, state),
};

function record(command: RecordSatisfaction, state: SurveyState): SurveyEvent[] {
  const { data, metadata } = command;
  const cls = data.class;
  if (state.closed) throw new SurveyClosed({ classId: cls.classId });
  if (cls.status !== 'completed') throw new ClassNotCompleted({ classId: cls.classId, status: cls.status });
  const seen = new Set<string>();
  data.responses.forEach((r, index) => {
    if (!cls.workerIds.includes(r.workerId)) throw new TraineeNotOnRoster({ index, workerId: r.workerId });
    if (seen.has(r.workerId)) throw new DuplicateResult({ index, workerId: r.workerId });
    seen.add(r.workerId);
  });
  const changed = data.responses.filter((r) => state.answers.get(r.workerId) !== r.satisfied);
  if (changed.length === 0) return [];
  return [
    {
      type: 'SatisfactionRecorded.v1',
      data: {
        classId: cls.classId,
        institutionId: cls.institutionId,
        jurisdictionCode: cls.jurisdictionCode,
        responses: changed.map((r) => ({ workerId: r.workerId, satisfied: r.satisfied })),
        recordedBy: metadata.actor.userId,
      },
    },
  ];
}

function close(command: CloseSatisfactionSurvey, state: SurveyState): SurveyEvent[] {
  const { data, metadata } = command;
  const cls = data.class;
  if (state.closed) return [];
  const responses = state.answers.size;
  if (responses === 0) throw new NoAnswers({ classId: cls.classId });
  const satisfied = [...state.answers.values()].filter(Boolean).length;
  const share = shareOf(satisfied, responses)!;
  const minimum = data.minSatisfaction;
  const events: SurveyEvent[] = [
    {
      type: 'SatisfactionSurveyClosed.v1',
      data: {
        classId: cls.classId,
        institutionId: cls.institutionId,
        jurisdictionCode: cls.jurisdictionCode,
        responses,
        satisfied,
        satisfactionShare: share,
        ...(minimum ? { minimumShare: minimumOf(minimum.value) } : {}),
        policyVersionIds: minimum ? [minimum.versionId] : [],
        closedBy: metadata.actor.userId,
      },
    },
  ];
  if (minimum && isBelow(satisfied, responses, minimum.value))
    events.push({
      type: 'ClassSatisfactionBelowMinimum.v1',
      data: {
        classId: cls.classId,
        institutionId: cls.institutionId,
        jurisdictionCode: cls.jurisdictionCode,
        satisfactionShare: share,
        minimumShare: minimumOf(minimum.value),
      },
    });
  return events;
}
