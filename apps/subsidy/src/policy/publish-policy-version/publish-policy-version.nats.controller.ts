// jineng.cmd.subsidy.PublishPolicyVersion: an admin publishes a draft; from then on it is immutable.
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PolicyVersionCommandRunner } from '../policy-version.command-runner';

@Controller()
export class PublishPolicyVersionNatsController {
  constructor(private readonly commands: PolicyVersionCommandRunner) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'PublishPolicyVersion' }))
  publish(@Payload() data: unknown): Promise<subsidyV1.PolicyVersion> {
    const { envelope, payload } = parseRpcRequest<subsidyV1.PublishPolicyVersion>(data, {
      payloadContract: 'jineng.subsidy.v1.PublishPolicyVersion',
    });
    return this.commands.run(envelope, { type: 'PublishPolicyVersion', data: payload });
  }
}
