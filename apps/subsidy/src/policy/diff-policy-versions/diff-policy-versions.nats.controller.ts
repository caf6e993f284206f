// jineng.qry.subsidy.DiffPolicyVersions
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DiffPolicyVersionsHandler } from './diff-policy-versions.handler';

@Controller()
export class DiffPolicyVersionsNatsController {
  constructor(private readonly handler: DiffPolicyVersionsHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'DiffPolicyVersions' }))
  diff(@Payload() data: unknown): Promise<subsidyV1.PolicyVersionDiff> {
    const { envelope, payload } = parseRpcRequest<subsidyV1.DiffPolicyVersions>(data, {
      payloadContract: 'jineng.subsidy.v1.DiffPolicyVersions',
    });
    return this.handler.execute(envelope.principal, payload);
  }
}
