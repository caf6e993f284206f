// A policy version's state, folded from its events: nothing yet, a draft, or published (immutable).
import type {
  ParameterClause,
  PolicyAssumption,
  PolicyDocument,
  PolicyParameters,
  TargetPlan,
} from '@jineng/subsidy-computation';
import type { PolicyVersionEvent } from './policy-version.events';

export interface PolicyVersionContent {
  readonly jurisdiction: string;
  /** 'YYYY-MM-DD', Asia/Shanghai */
  readonly effectiveFrom: string;
  /** the last day in force, where the document has an end */
  readonly effectiveUntil?: string;
  readonly title: string;
  readonly document: PolicyDocument;
  readonly parameters: PolicyParameters;
  readonly targets: readonly TargetPlan[];
  /** readings taken where the document is silent, each with its reason */
  readonly assumptions: readonly PolicyAssumption[];
  /** the document's words each parameter comes from (or names a rule without its value) */
  readonly clauses: readonly ParameterClause[];
}

/** The content as data carries it: events written before the window, assumptions and clauses lack them. */
type ContentData = Omit<PolicyVersionContent, 'assumptions' | 'clauses'> &
  Partial<Pick<PolicyVersionContent, 'assumptions' | 'clauses'>>;

interface Recorded extends PolicyVersionContent {
  readonly versionId: string;
  readonly revision: number;
  readonly draftedAt: string;
}

export interface DraftState extends Recorded {
  readonly status: 'draft';
}

export interface PublishedState extends Recorded {
  readonly status: 'published';
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly pastEffectiveReason?: string;
}

export type PolicyVersionState = { readonly status: 'none' } | DraftState | PublishedState;

export const initialPolicyVersionState = (): PolicyVersionState => ({ status: 'none' });

export function evolvePolicyVersion(
  state: PolicyVersionState,
  event: PolicyVersionEvent,
): PolicyVersionState {
  switch (event.type) {
    case 'PolicyVersionDrafted.v1':
      return {
        status: 'draft',
        ...contentOf(event.data),
        versionId: event.data.versionId,
        revision: event.data.revision,
        draftedAt: event.data.draftedAt,
      };
    case 'PolicyVersionDraftUpdated.v1':
      if (state.status === 'none') return state;
      return { ...state, status: 'draft', ...contentOf(event.data), revision: event.data.revision };
    case 'PolicyVersionPublished.v1': {
      if (state.status === 'none') return state;
      const { publishedAt, publishedBy, pastEffectiveReason } = event.data;
      return {
        ...state,
        ...contentOf(event.data),
        status: 'published',
        revision: event.data.revision,
        publishedAt,
        publishedBy,
        ...(pastEffectiveReason === undefined ? {} : { pastEffectiveReason }),
      };
    }
  }
}

export function contentOf(data: ContentData): PolicyVersionContent {
  const { jurisdiction, effectiveFrom, effectiveUntil, title, document, parameters, targets } = data;
  return {
    jurisdiction,
    effectiveFrom,
    ...(effectiveUntil === undefined ? {} : { effectiveUntil }),
    title,
    document,
    parameters,
    targets,
    assumptions: data.assumptions ?? [],
    clauses: data.clauses ?? [],
  };
}
