// The facts of a policy version, as stored and published (jineng.evt.subsidy.<Name>.v1). Their data is
// the contract of proto/jineng/subsidy/v1/policy_events.proto: readonly JSON, ISO dates, the whole
// version in each, so a consumer needs nothing else.
import type { subsidyV1 } from '@jineng/contracts';
import type { DomainEvent } from '@jineng/ddd';

/** A contract's interface as a plain JSON type (an interface has no index signature; this has). */
export type JsonData<T> = T extends readonly (infer Item)[]
  ? readonly JsonData<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: JsonData<T[K]> }
    : T;

export type PolicyVersionDrafted = DomainEvent<
  'PolicyVersionDrafted.v1',
  JsonData<subsidyV1.PolicyVersionDrafted>
>;
export type PolicyVersionDraftUpdated = DomainEvent<
  'PolicyVersionDraftUpdated.v1',
  JsonData<subsidyV1.PolicyVersionDraftUpdated>
>;
export type PolicyVersionPublished = DomainEvent<
  'PolicyVersionPublished.v1',
  JsonData<subsidyV1.PolicyVersionPublished>
>;

export type PolicyVersionEvent = PolicyVersionDrafted | PolicyVersionDraftUpdated | PolicyVersionPublished;

export const POLICY_VERSION_EVENT_TYPES: readonly PolicyVersionEvent['type'][] = [
  'PolicyVersionDrafted.v1',
  'PolicyVersionDraftUpdated.v1',
  'PolicyVersionPublished.v1',
];

export const policyVersionStreamId = (versionId: string): string => `policy-version-${versionId}`;
