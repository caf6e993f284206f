// Runs a policy version command from a request through the decider (load, decide, append, retry;
// idempotent by command id) and answers with the version as it stands after it. The command acts in
// the version's jurisdiction (its events' metadata), on behalf of a principal from theirs.
import type { subsidyV1 } from '@jineng/contracts';
import { handleCommand } from '@jineng/ddd';
import type { EventStore } from '@jineng/event-store';
import type { Clock } from '@jineng/kernel';
import { commandMetadataOf, type Envelope } from '@jineng/messaging';
import { EVENT_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { SUBSIDY_CLOCK } from '../subsidy.tokens';
import type { PolicyVersionCommand } from './domain/policy-version.commands';
import { policyVersionDecider } from './domain/policy-version.decide';
import { PolicyVersionNotFound } from './domain/policy-version.errors';
import { policyVersionStreamId } from './domain/policy-version.events';
import { policyVersionView, recordOfState } from './policy-version.views';

type Request =
  | {
      readonly type: 'DraftPolicyVersion';
      readonly data: subsidyV1.DraftPolicyVersion & { readonly versionId: string };
    }
  | { readonly type: 'UpdateDraft'; readonly data: subsidyV1.UpdateDraft }
  | { readonly type: 'PublishPolicyVersion'; readonly data: subsidyV1.PublishPolicyVersion };

@Injectable()
export class PolicyVersionCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBSIDY_CLOCK) private readonly clock: Clock,
  ) {}

  async run(envelope: Envelope, request: Request): Promise<subsidyV1.PolicyVersion> {
    const { versionId } = request.data;
    const streamId = policyVersionStreamId(versionId);
    const jurisdiction =
      request.type === 'DraftPolicyVersion'
        ? request.data.jurisdiction
        : ((await this.jurisdictionOf(streamId)) ?? envelope.principal.jurisdiction);
    const command = {
      type: request.type,
      data: { ...request.data, actorJurisdiction: envelope.principal.jurisdiction },
      metadata: commandMetadataOf(envelope, this.clock.now(), jurisdiction),
    } as PolicyVersionCommand;
    const { state } = await handleCommand({
      store: this.store,
      decider: policyVersionDecider,
      streamId,
      command,
    });
    // decide throws for a version that does not exist, so there is one here
    if (state.status === 'none') throw new PolicyVersionNotFound({ versionId });
    return policyVersionView(recordOfState(state));
  }

  /** A version's jurisdiction never changes: its first event tells it. */
  private async jurisdictionOf(streamId: string): Promise<string | undefined> {
    const { events } = await this.store.readStream(streamId, { toVersion: 1 });
    const first = events[0]?.data.jurisdiction;
    return typeof first === 'string' ? first : undefined;
  }
}
