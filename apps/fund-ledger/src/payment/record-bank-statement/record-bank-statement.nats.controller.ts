// jineng.cmd.fund-ledger.RecordBankStatement
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordBankStatementHandler } from './record-bank-statement.handler';

@Controller()
export class RecordBankStatementNatsController {
  constructor(private readonly handler: RecordBankStatementHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'RecordBankStatement' }))
  handle(@Payload() data: unknown): Promise<commonV1.JobAccepted> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.RecordBankStatement>(data, {
        payloadContract: 'jineng.fund_ledger.v1.RecordBankStatement',
      }),
    );
  }
}
