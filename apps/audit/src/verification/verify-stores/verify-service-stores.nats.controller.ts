// jineng.qry.audit.VerifyServiceStores
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { VerifyServiceStoresHandler } from './verify-service-stores.handler';

@Controller()
export class VerifyServiceStoresNatsController {
  constructor(private readonly handler: VerifyServiceStoresHandler) {}

  @MessagePattern(querySubject('VerifyServiceStores'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'VerifyServiceStores'));
  }
}
