// DraftPolicyVersion: an admin starts a policy version of a jurisdiction within theirs.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { policyVersionDecider } from '../domain/policy-version.decide';
import { policyVersionStreamId } from '../domain/policy-version.events';
import { versionIdForCommand } from '../policy-ids';
import { versionAfter } from '../policy-version.answers';

@Injectable()
export class DraftPolicyVersionHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<subsidyV1.DraftPolicyVersion>): Promise<subsidyV1.PolicyVersion> {
    const { envelope, payload } = request;
    const metadata = this.commands.metadataOf(request, payload.jurisdiction);
    // without an id of its own, the version's derives from the command's: a retry drafts the same one
    const versionId = payload.versionId ?? versionIdForCommand(metadata.commandId);
    const result = await this.commands.run(request, {
      decider: policyVersionDecider,
      streamId: policyVersionStreamId(versionId),
      jurisdiction: payload.jurisdiction,
      command: {
        type: 'DraftPolicyVersion',
        data: { ...payload, versionId, actorJurisdiction: envelope.principal.jurisdiction },
      },
    });
    return versionAfter(versionId, result);
  }
}
