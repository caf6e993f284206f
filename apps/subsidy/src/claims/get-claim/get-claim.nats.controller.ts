// jineng.qry.subsidy.GetClaim
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetClaimHandler } from './get-claim.handler';

@Controller()
export class GetClaimNatsController {
  constructor(private readonly handler: GetClaimHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'GetClaim' }))
  get(@Payload() data: unknown): Promise<subsidyV1.ClaimView> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.GetClaim>(data, { payloadContract: 'jineng.subsidy.v1.GetClaim' }),
    );
  }
}
