// The evaluation body decider: an officer records a recognised body and what it is recognised for.
import type { Decider } from '@jineng/ddd';
import {
  EnterpriseRequired,
  EvaluationBodyAlreadyRecognised,
  RecognitionEndsBeforeStart,
} from './evaluation-body.errors';
import type {
  EvaluationBodyCommand,
  EvaluationBodyEvent,
  EvaluationBodyState,
  RecogniseEvaluationBody,
} from './evaluation-body';

export const evaluationBodyDecider: Decider<EvaluationBodyCommand, EvaluationBodyState, EvaluationBodyEvent> =
  {
    initialState: () => ({ status: 'none' }),
    evolve: (_state, event) => {
      const { recognisedBy: _by, ...facts } = event.data;
      return { status: 'recognised', ...facts };
    },
    decide: (command, state) => recognise(command, state),
  };

function recognise(command: RecogniseEvaluationBody, state: EvaluationBodyState): EvaluationBodyEvent[] {
  const { data, metadata } = command;
  if (state.status !== 'none')
    throw new EvaluationBodyAlreadyRecognised({ evaluationBodyId: data.evaluationBodyId });
  if (data.kind === 'enterprise_own' && data.enterpriseId === undefined) throw new EnterpriseRequired({});
  data.recognitions.forEach((r, index) => {
    if (r.validUntil !== undefined && r.validUntil < r.validFrom)
      throw new RecognitionEndsBeforeStart({ index, validFrom: r.validFrom, validUntil: r.validUntil });
  });
  return [
    {
      type: 'EvaluationBodyRecognised.v1',
      data: {
        evaluationBodyId: data.evaluationBodyId,
        name: data.name,
        kind: data.kind,
        jurisdictionCode: data.jurisdictionCode,
        ...(data.enterpriseId !== undefined ? { enterpriseId: data.enterpriseId } : {}),
        recognitions: data.recognitions.map((r) => ({
          occupationCode: r.occupationCode,
          levels: [...new Set(r.levels)].sort(),
          kinds: [...new Set(r.kinds)].sort(),
          validFrom: r.validFrom,
          ...(r.validUntil !== undefined ? { validUntil: r.validUntil } : {}),
        })),
        recognisedBy: metadata.actor.userId,
      },
    },
  ];
}
