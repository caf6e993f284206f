// A published policy version shipped with the platform, taken from one of the seed documents in
// ../shared/seeds/. Each parameter is written with the document's words it comes from
// (`quoted.ts`): they travel with the version as its clauses, and seed-quotes.spec.ts finds every one
// verbatim in the document. A parameter the document does not set is left out, never guessed; one it
// names without its value is `notGiven`, with the words that name it.
import type {
  ParameterClause,
  PolicyAssumption,
  PolicyDocument,
  PolicyParameters,
  TargetPlan,
} from '@jineng/subsidy-computation';

export interface PolicySeed {
  /** stable: the version id and the command ids derive from it */
  readonly key: string;
  /** the document's file in ../shared/seeds/ */
  readonly source: string;
  readonly jurisdiction: string;
  readonly effectiveFrom: string;
  /** the last day in force, where the document has an end */
  readonly effectiveUntil?: string;
  readonly title: string;
  readonly document: PolicyDocument;
  readonly parameters: PolicyParameters;
  readonly clauses: readonly ParameterClause[];
  /** readings taken where the document is silent, each with its reason */
  readonly assumptions: readonly PolicyAssumption[];
  readonly targets: readonly TargetPlan[];
}
