// jineng.qry.fund-ledger.VerifyLedger
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifyLedgerHandler } from './verify-ledger.handler';

@Controller()
export class VerifyLedgerNatsController {
  constructor(private readonly handler: VerifyLedgerHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'VerifyLedger' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.LedgerVerification> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.VerifyLedger>(data, {
        payloadContract: 'jineng.fund_ledger.v1.VerifyLedger',
      }),
    );
  }
}
