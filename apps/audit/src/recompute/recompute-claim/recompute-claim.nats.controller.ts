// jineng.qry.audit.RecomputeClaim
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { RecomputeClaimHandler } from './recompute-claim.handler';

@Controller()
export class RecomputeClaimNatsController {
  constructor(private readonly handler: RecomputeClaimHandler) {}

  @MessagePattern(querySubject('RecomputeClaim'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'RecomputeClaim'));
  }
}
