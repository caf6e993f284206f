// What an admin asks of a policy version. The data is the contract's payload (checked at the edge and
// again by the service) plus the jurisdiction the actor acts from; the metadata's jurisdiction is the
// version's own, so its events belong to the jurisdiction whose policy they are.
import type { subsidyV1 } from '@jineng/contracts';
import type { Command } from '@jineng/ddd';
import type { JsonData } from './policy-version.events';

type ByActor = {
  /** the jurisdiction of the user who asks (the principal's): it must cover the version's */
  readonly actorJurisdiction: string;
};

export type DraftPolicyVersion = Command<
  'DraftPolicyVersion',
  JsonData<subsidyV1.DraftPolicyVersion> & ByActor & { readonly versionId: string }
>;
export type UpdateDraft = Command<'UpdateDraft', JsonData<subsidyV1.UpdateDraft> & ByActor>;
export type PublishPolicyVersion = Command<
  'PublishPolicyVersion',
  JsonData<subsidyV1.PublishPolicyVersion> & ByActor
>;

export type PolicyVersionCommand = DraftPolicyVersion | UpdateDraft | PublishPolicyVersion;
