// jineng.qry.audit.ListSeals (public)
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { ListSealsHandler } from './list-seals.handler';

@Controller()
export class ListSealsNatsController {
  constructor(private readonly handler: ListSealsHandler) {}

  @MessagePattern(querySubject('ListSeals'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'ListSeals'));
  }
}
