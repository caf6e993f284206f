// jineng.qry.audit.VerifySeals
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { VerifySealsHandler } from './verify-seals.handler';

@Controller()
export class VerifySealsNatsController {
  constructor(private readonly handler: VerifySealsHandler) {}

  @MessagePattern(querySubject('VerifySeals'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'VerifySeals'));
  }
}
