// jineng.qry.fund-ledger.GetFundReport, jineng.qry.fund-ledger.ExportFundReport
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject, type FileReply } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetFundReportHandler } from './get-fund-report.handler';

@Controller()
export class GetFundReportNatsController {
  constructor(private readonly handler: GetFundReportHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'GetFundReport' }))
  report(@Payload() data: unknown): Promise<fundLedgerV1.FundReport> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.GetFundReport>(data, {
        payloadContract: 'jineng.fund_ledger.v1.GetFundReport',
      }),
    );
  }

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'ExportFundReport' }))
  export(@Payload() data: unknown): Promise<FileReply> {
    return this.handler.export(
      parseRpcRequest<fundLedgerV1.ExportFundReport>(data, {
        payloadContract: 'jineng.fund_ledger.v1.ExportFundReport',
      }),
    );
  }
}
