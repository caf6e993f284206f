// The satisfaction survey of a class (满意度调查, Jiyuan 2021: 「落实培训后同步进行满意度调查，低于85%的停止
// 培训开班，限期整改」): trainees' answers, then its close, which compares the share of satisfied answers
// with the policy's minimum.
import type { certificationV1 } from '@jineng/contracts';
import type { Command, DomainEvent } from '@jineng/ddd';
import type { ClassFacts } from '../../local/class-facts';
import type { JsonData } from '../../shared/rpc';

export type SatisfactionRecorded = DomainEvent<
  'SatisfactionRecorded.v1',
  JsonData<certificationV1.SatisfactionRecorded>
>;
export type SatisfactionSurveyClosed = DomainEvent<
  'SatisfactionSurveyClosed.v1',
  JsonData<certificationV1.SatisfactionSurveyClosed>
>;
export type ClassSatisfactionBelowMinimum = DomainEvent<
  'ClassSatisfactionBelowMinimum.v1',
  JsonData<certificationV1.ClassSatisfactionBelowMinimum>
>;
export type SurveyEvent = SatisfactionRecorded | SatisfactionSurveyClosed | ClassSatisfactionBelowMinimum;

export type RecordSatisfaction = Command<
  'RecordSatisfaction',
  JsonData<certificationV1.RecordSatisfaction> & { readonly class: ClassFacts }
>;
export type CloseSatisfactionSurvey = Command<
  'CloseSatisfactionSurvey',
  JsonData<certificationV1.CloseSatisfactionSurvey> & {
    readonly class: ClassFacts;
    /** institutionQuality.minSatisfaction in force on the class's end date; null where no level sets it */
    readonly minSatisfaction: { readonly value: number; readonly versionId: string } | null;
  }
>;
export type SurveyCommand = RecordSatisfaction | CloseSatisfactionSurvey;

export const surveyStreamId = (classId: string): string => `class-survey-${classId}`;

export type SurveyState = {
  readonly answers: ReadonlyMap<string, boolean>;
  readonly closed: boolean;
};

export function evolveSurvey(state: SurveyState, event: SurveyEvent): SurveyState {
  switch (event.type) {
    case 'SatisfactionRecorded.v1': {
      const answers = new Map(state.answers);
      for (const r of event.data.responses) answers.set(r.workerId, r.satisfied);
      return { ...state, answers };
    }
    case 'SatisfactionSurveyClosed.v1':
      return { ...state, closed: true };
    case 'ClassSatisfactionBelowMinimum.v1':
      return state;
  }
}
