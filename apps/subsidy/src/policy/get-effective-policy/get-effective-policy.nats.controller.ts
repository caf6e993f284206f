// jineng.qry.subsidy.GetEffectivePolicy
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetEffectivePolicyHandler } from './get-effective-policy.handler';

@Controller()
export class GetEffectivePolicyNatsController {
  constructor(private readonly handler: GetEffectivePolicyHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'GetEffectivePolicy' }))
  get(@Payload() data: unknown): Promise<subsidyV1.EffectivePolicy> {
    const { envelope, payload } = parseRpcRequest<subsidyV1.GetEffectivePolicy>(data, {
      payloadContract: 'jineng.subsidy.v1.GetEffectivePolicy',
    });
    return this.handler.execute(envelope.principal, payload);
  }
}
