// jineng.cmd.subsidy.RaiseObjection
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RaiseObjectionHandler } from './raise-objection.handler';

@Controller()
export class RaiseObjectionNatsController {
  constructor(private readonly handler: RaiseObjectionHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'RaiseObjection' }))
  raise(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.RaiseObjection>(data, {
        payloadContract: 'jineng.subsidy.v1.RaiseObjection',
      }),
    );
  }
}
