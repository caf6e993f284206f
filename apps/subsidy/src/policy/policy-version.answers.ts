// What the policy version commands share: the jurisdiction a command on an existing version acts in
// (the version's own — its events belong to the jurisdiction whose policy they are) and the reply,
// the version as it stands after the command.
import type { subsidyV1 } from '@jineng/contracts';
import type { CommandResult, DomainEvent } from '@jineng/ddd';
import type { Principal, RpcRequest } from '@jineng/messaging';
import type { CommandBody, CommandRunner } from '@jineng/service-runtime';
import type { PublishPolicyVersion, UpdateDraft } from './domain/policy-version.commands';
import { policyVersionDecider } from './domain/policy-version.decide';
import { PolicyVersionNotFound } from '@jineng/subsidy-computation';
import { policyVersionStreamId } from './domain/policy-version.events';
import type { PolicyVersionState } from './domain/policy-version.state';
import { policyVersionView, recordOfState } from './policy-version.views';

/** A version's jurisdiction never changes; while there is no such version, the principal's (the decider then refuses). */
async function jurisdictionOfVersion(
  commands: CommandRunner,
  versionId: string,
  principal: Principal,
): Promise<string> {
  const state = await commands.load(policyVersionDecider, policyVersionStreamId(versionId));
  return state.status === 'none' ? principal.jurisdiction : state.jurisdiction;
}

/** The version after the command, as the reply shows it. */
export function versionAfter(
  versionId: string,
  { state }: CommandResult<PolicyVersionState, DomainEvent>,
): subsidyV1.PolicyVersion {
  // decide throws for a version that does not exist, so there is one here
  if (state.status === 'none') throw new PolicyVersionNotFound({ versionId });
  return policyVersionView(recordOfState(state));
}

/** A command on an existing version (update, publish): it acts in the version's jurisdiction, by an actor of theirs. */
export async function runOnVersion(
  commands: CommandRunner,
  request: RpcRequest<subsidyV1.UpdateDraft> | RpcRequest<subsidyV1.PublishPolicyVersion>,
  type: (UpdateDraft | PublishPolicyVersion)['type'],
): Promise<subsidyV1.PolicyVersion> {
  const { envelope, payload } = request;
  const result = await commands.run(request, {
    decider: policyVersionDecider,
    streamId: policyVersionStreamId(payload.versionId),
    jurisdiction: await jurisdictionOfVersion(commands, payload.versionId, envelope.principal),
    // the two commands' data have the same shape: the payload and the actor's jurisdiction
    command: {
      type,
      data: { ...payload, actorJurisdiction: envelope.principal.jurisdiction },
    } as CommandBody<UpdateDraft | PublishPolicyVersion>,
  });
  return versionAfter(payload.versionId, result);
}
