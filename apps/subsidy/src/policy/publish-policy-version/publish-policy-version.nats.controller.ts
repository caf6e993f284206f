// jineng.cmd.subsidy.PublishPolicyVersion: an admin publishes a draft; from then on it is immutable.
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PublishPolicyVersionHandler } from './publish-policy-version.handler';

@Controller()
export class PublishPolicyVersionNatsController {
  constructor(private readonly handler: PublishPolicyVersionHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'PublishPolicyVersion' }))
  publish(@Payload() data: unknown): Promise<subsidyV1.PolicyVersion> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.PublishPolicyVersion>(data, {
        payloadContract: 'jineng.subsidy.v1.PublishPolicyVersion',
      }),
    );
  }
}
