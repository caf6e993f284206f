// jineng.qry.audit.ExplainPayment
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { ExplainPaymentHandler } from './explain-payment.handler';

@Controller()
export class ExplainPaymentNatsController {
  constructor(private readonly handler: ExplainPaymentHandler) {}

  @MessagePattern(querySubject('ExplainPayment'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'ExplainPayment'));
  }
}
