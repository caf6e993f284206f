// jineng.cmd.fund-ledger.UploadBankStatementPart, jineng.qry.fund-ledger.GetBankStatementParts,
// jineng.cmd.fund-ledger.RecordBankStatementParts
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BankStatementPartsHandler } from './bank-statement-parts.handler';

@Controller()
export class BankStatementPartsNatsController {
  constructor(private readonly handler: BankStatementPartsHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'UploadBankStatementPart' }))
  upload(@Payload() data: unknown): Promise<fundLedgerV1.BankStatementPart> {
    return this.handler.upload(
      parseRpcRequest<fundLedgerV1.UploadBankStatementPart>(data, {
        payloadContract: 'jineng.fund_ledger.v1.UploadBankStatementPart',
      }),
    );
  }

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'GetBankStatementParts' }))
  list(@Payload() data: unknown): Promise<fundLedgerV1.BankStatementParts> {
    return this.handler.list(
      parseRpcRequest<fundLedgerV1.GetBankStatementParts>(data, {
        payloadContract: 'jineng.fund_ledger.v1.GetBankStatementParts',
      }),
    );
  }

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'RecordBankStatementParts' }))
  record(@Payload() data: unknown): Promise<commonV1.JobAccepted> {
    return this.handler.record(
      parseRpcRequest<fundLedgerV1.RecordBankStatementParts>(data, {
        payloadContract: 'jineng.fund_ledger.v1.RecordBankStatementParts',
      }),
    );
  }
}
