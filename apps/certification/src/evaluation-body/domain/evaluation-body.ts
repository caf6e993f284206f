// Recognised evaluation bodies (DOMAIN §2): an enterprise's own body, a social evaluation organisation,
// the HR office. A certificate is valid only from a body recognised for its occupation, level and kind
// on its date (issue 12: 「A skill-level certificate is valid only from a body recognised for that
// occupation and level on its date」).
import type { certificationV1 } from '@jineng/contracts';
import type { Command, DomainEvent } from '@jineng/ddd';
import type { JsonData } from '../../shared/rpc';

export type EvaluationBodyRecognised = DomainEvent<
  'EvaluationBodyRecognised.v1',
  JsonData<certificationV1.EvaluationBodyRecognised>
>;
export type EvaluationBodyEvent = EvaluationBodyRecognised;

export type RecogniseEvaluationBody = Command<
  'RecogniseEvaluationBody',
  JsonData<certificationV1.RecogniseEvaluationBody>
>;
export type EvaluationBodyCommand = RecogniseEvaluationBody;

export const evaluationBodyStreamId = (id: string): string => `evaluation-body-${id}`;

/** What a decision needs of a body. */
export type EvaluationBodyFacts = Omit<JsonData<certificationV1.EvaluationBodyRecognised>, 'recognisedBy'>;

export type EvaluationBodyState =
  { readonly status: 'none' } | ({ readonly status: 'recognised' } & EvaluationBodyFacts);

/** Whether the body is recognised for the occupation, level and kind on `date`. */
export function recognises(
  body: EvaluationBodyFacts,
  what: { readonly occupationCode: string; readonly level: number; readonly kind: string },
  date: string,
): boolean {
  return body.recognitions.some(
    (r) =>
      r.occupationCode === what.occupationCode &&
      r.levels.includes(what.level) &&
      r.kinds.includes(what.kind as (typeof r.kinds)[number]) &&
      r.validFrom <= date &&
      (r.validUntil === undefined || date <= r.validUntil),
  );
}

export function factsOf(state: EvaluationBodyState): EvaluationBodyFacts | null {
  if (state.status === 'none') return null;
  const { status: _status, ...facts } = state;
  return facts;
}
