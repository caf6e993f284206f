// jineng.qry.subsidy.ListPolicyVersions
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListPolicyVersionsHandler } from './list-policy-versions.handler';

@Controller()
export class ListPolicyVersionsNatsController {
  constructor(private readonly handler: ListPolicyVersionsHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'ListPolicyVersions' }))
  list(@Payload() data: unknown): Promise<subsidyV1.PolicyVersionList> {
    const { envelope, payload } = parseRpcRequest<subsidyV1.ListPolicyVersions>(data, {
      payloadContract: 'jineng.subsidy.v1.ListPolicyVersions',
    });
    return this.handler.execute(envelope.principal, payload);
  }
}
