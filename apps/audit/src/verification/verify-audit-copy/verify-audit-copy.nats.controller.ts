// jineng.qry.audit.VerifyAuditCopy
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { VerifyAuditCopyHandler } from './verify-audit-copy.handler';

@Controller()
export class VerifyAuditCopyNatsController {
  constructor(private readonly handler: VerifyAuditCopyHandler) {}

  @MessagePattern(querySubject('VerifyAuditCopy'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'VerifyAuditCopy'));
  }
}
