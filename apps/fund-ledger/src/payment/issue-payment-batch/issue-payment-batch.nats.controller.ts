// jineng.cmd.fund-ledger.IssuePaymentBatch
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IssuePaymentBatchHandler } from './issue-payment-batch.handler';

@Controller()
export class IssuePaymentBatchNatsController {
  constructor(private readonly handler: IssuePaymentBatchHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'IssuePaymentBatch' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.PaymentBatch> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.IssuePaymentBatch>(data, {
        payloadContract: 'jineng.fund_ledger.v1.IssuePaymentBatch',
      }),
    );
  }
}
