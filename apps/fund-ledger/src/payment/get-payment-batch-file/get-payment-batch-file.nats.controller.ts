// jineng.qry.fund-ledger.GetPaymentBatchFile
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject, type FileReply } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetPaymentBatchFileHandler } from './get-payment-batch-file.handler';

@Controller()
export class GetPaymentBatchFileNatsController {
  constructor(private readonly handler: GetPaymentBatchFileHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'GetPaymentBatchFile' }))
  handle(@Payload() data: unknown): Promise<FileReply> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.GetPaymentBatchFile>(data, {
        payloadContract: 'jineng.fund_ledger.v1.GetPaymentBatchFile',
      }),
    );
  }
}
