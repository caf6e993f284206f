// jineng.cmd.subsidy.PublishNotice
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PublishNoticeHandler } from './publish-notice.handler';

@Controller()
export class PublishNoticeNatsController {
  constructor(private readonly handler: PublishNoticeHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'PublishNotice' }))
  publish(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.ClaimAction>(data, { payloadContract: 'jineng.subsidy.v1.ClaimAction' }),
    );
  }
}
