// PublishPolicyVersion: an admin publishes a draft; from then on it is immutable.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { policyVersionDecider } from '../domain/policy-version.decide';
import { policyVersionStreamId } from '../domain/policy-version.events';
import { jurisdictionOfVersion, versionAfter } from '../policy-version.answers';

@Injectable()
export class PublishPolicyVersionHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<subsidyV1.PublishPolicyVersion>): Promise<subsidyV1.PolicyVersion> {
    const { envelope, payload } = request;
    const result = await this.commands.run(request, {
      decider: policyVersionDecider,
      streamId: policyVersionStreamId(payload.versionId),
      jurisdiction: await jurisdictionOfVersion(this.commands, payload.versionId, envelope.principal),
      command: {
        type: 'PublishPolicyVersion',
        data: { ...payload, actorJurisdiction: envelope.principal.jurisdiction },
      },
    });
    return versionAfter(payload.versionId, result);
  }
}
