// jineng.cmd.fund-ledger.ReversePayment
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReversePaymentHandler } from './reverse-payment.handler';

@Controller()
export class ReversePaymentNatsController {
  constructor(private readonly handler: ReversePaymentHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'ReversePayment' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.PaymentReversed> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.ReversePayment>(data, {
        payloadContract: 'jineng.fund_ledger.v1.ReversePayment',
      }),
    );
  }
}
