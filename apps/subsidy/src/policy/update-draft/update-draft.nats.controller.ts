// jineng.cmd.subsidy.UpdateDraft: an admin changes a draft (never a published version).
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { UpdateDraftHandler } from './update-draft.handler';

@Controller()
export class UpdateDraftNatsController {
  constructor(private readonly handler: UpdateDraftHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'UpdateDraft' }))
  update(@Payload() data: unknown): Promise<subsidyV1.PolicyVersion> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.UpdateDraft>(data, { payloadContract: 'jineng.subsidy.v1.UpdateDraft' }),
    );
  }
}
