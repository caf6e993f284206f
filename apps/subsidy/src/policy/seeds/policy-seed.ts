// A published policy version shipped with the platform, taken from one of the seed documents in
// ../shared/seeds/. Each parameter carries a comment quoting its clause between 「」, verbatim
// (seed-quotes.spec.ts finds every quote in the document); a parameter the document does not set is
// left out, never guessed.
import type { PolicyDocument, PolicyParameters, TargetPlan } from '../domain/policy-parameters';

export interface PolicySeed {
  /** stable: the version id and the command ids derive from it */
  readonly key: string;
  /** the document's file in ../shared/seeds/ */
  readonly source: string;
  readonly jurisdiction: string;
  readonly effectiveFrom: string;
  readonly title: string;
  readonly document: PolicyDocument;
  readonly parameters: PolicyParameters;
  readonly targets: readonly TargetPlan[];
}
