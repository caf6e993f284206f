// jineng.cmd.subsidy.FirstReview and jineng.cmd.subsidy.SecondReview
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReviewClaimHandler } from './review-claim.handler';

const parse = (data: unknown) =>
  parseRpcRequest<subsidyV1.ReviewClaim>(data, { payloadContract: 'jineng.subsidy.v1.ReviewClaim' });

@Controller()
export class ReviewClaimNatsController {
  constructor(private readonly handler: ReviewClaimHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'FirstReview' }))
  first(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle('FirstReview', parse(data));
  }

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'SecondReview' }))
  second(@Payload() data: unknown): Promise<subsidyV1.ClaimAccepted> {
    return this.handler.handle('SecondReview', parse(data));
  }
}
