// jineng.qry.audit.ReplayClaim
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { ReplayClaimHandler } from './replay-claim.handler';

@Controller()
export class ReplayClaimNatsController {
  constructor(private readonly handler: ReplayClaimHandler) {}

  @MessagePattern(querySubject('ReplayClaim'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'ReplayClaim'));
  }
}
