// jineng.cmd.subsidy.DraftPolicyVersion: an admin starts a policy version of a jurisdiction.
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { versionIdForCommand } from '../policy-ids';
import { PolicyVersionCommandRunner } from '../policy-version.command-runner';

@Controller()
export class DraftPolicyVersionNatsController {
  constructor(private readonly commands: PolicyVersionCommandRunner) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'DraftPolicyVersion' }))
  draft(@Payload() data: unknown): Promise<subsidyV1.PolicyVersion> {
    const { envelope, payload } = parseRpcRequest<subsidyV1.DraftPolicyVersion>(data, {
      payloadContract: 'jineng.subsidy.v1.DraftPolicyVersion',
    });
    // without an id of its own, the version's derives from the command's: a retry drafts the same one
    const versionId =
      payload.versionId ?? (envelope.commandId ? versionIdForCommand(envelope.commandId) : '');
    return this.commands.run(envelope, { type: 'DraftPolicyVersion', data: { ...payload, versionId } });
  }
}
