// jineng.cmd.subsidy.ConfirmClaim
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConfirmClaimHandler } from './confirm-claim.handler';

@Controller()
export class ConfirmClaimNatsController {
  constructor(private readonly handler: ConfirmClaimHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'ConfirmClaim' }))
  confirm(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.ClaimAction>(data, { payloadContract: 'jineng.subsidy.v1.ClaimAction' }),
    );
  }
}
