// jineng.cmd.subsidy.DraftPolicyVersion: an admin starts a policy version of a jurisdiction.
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DraftPolicyVersionHandler } from './draft-policy-version.handler';

@Controller()
export class DraftPolicyVersionNatsController {
  constructor(private readonly handler: DraftPolicyVersionHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'DraftPolicyVersion' }))
  draft(@Payload() data: unknown): Promise<subsidyV1.PolicyVersion> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.DraftPolicyVersion>(data, {
        payloadContract: 'jineng.subsidy.v1.DraftPolicyVersion',
      }),
    );
  }
}
