// jineng.qry.subsidy.GetPolicyVersion
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetPolicyVersionHandler } from './get-policy-version.handler';

@Controller()
export class GetPolicyVersionNatsController {
  constructor(private readonly handler: GetPolicyVersionHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'GetPolicyVersion' }))
  get(@Payload() data: unknown): Promise<subsidyV1.PolicyVersion> {
    const { envelope, payload } = parseRpcRequest<subsidyV1.GetPolicyVersion>(data, {
      payloadContract: 'jineng.subsidy.v1.GetPolicyVersion',
    });
    return this.handler.execute(envelope.principal, payload);
  }
}
