// jineng.cmd.subsidy.RequestRecovery
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestRecoveryHandler } from './request-recovery.handler';

@Controller()
export class RequestRecoveryNatsController {
  constructor(private readonly handler: RequestRecoveryHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'RequestRecovery' }))
  request(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.RequestRecovery>(data, {
        payloadContract: 'jineng.subsidy.v1.RequestRecovery',
      }),
    );
  }
}
