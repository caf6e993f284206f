// jineng.cmd.subsidy.ResolveObjection
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ResolveObjectionHandler } from './resolve-objection.handler';

@Controller()
export class ResolveObjectionNatsController {
  constructor(private readonly handler: ResolveObjectionHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'ResolveObjection' }))
  resolve(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.ResolveObjection>(data, {
        payloadContract: 'jineng.subsidy.v1.ResolveObjection',
      }),
    );
  }
}
