// jineng.cmd.subsidy.RecordLimitException
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordLimitExceptionHandler } from './record-limit-exception.handler';

@Controller()
export class RecordLimitExceptionNatsController {
  constructor(private readonly handler: RecordLimitExceptionHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'RecordLimitException' }))
  record(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.RecordLimitException>(data, {
        payloadContract: 'jineng.subsidy.v1.RecordLimitException',
      }),
    );
  }
}
