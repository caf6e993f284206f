// jineng.cmd.subsidy.ApproveClaim
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApproveClaimHandler } from './approve-claim.handler';

@Controller()
export class ApproveClaimNatsController {
  constructor(private readonly handler: ApproveClaimHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'ApproveClaim' }))
  approve(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.ClaimAction>(data, { payloadContract: 'jineng.subsidy.v1.ClaimAction' }),
    );
  }
}
