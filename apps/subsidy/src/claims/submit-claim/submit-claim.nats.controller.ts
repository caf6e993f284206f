// jineng.cmd.subsidy.SubmitClaim
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SubmitClaimHandler } from './submit-claim.handler';

@Controller()
export class SubmitClaimNatsController {
  constructor(private readonly handler: SubmitClaimHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'SubmitClaim' }))
  submit(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.SubmitClaim>(data, { payloadContract: 'jineng.subsidy.v1.SubmitClaim' }),
    );
  }
}
