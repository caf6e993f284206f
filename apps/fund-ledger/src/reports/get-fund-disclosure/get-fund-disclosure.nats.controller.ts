// jineng.qry.fund-ledger.GetFundDisclosure, jineng.qry.fund-ledger.ExportFundDisclosure (public)
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject, type FileReply } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetFundDisclosureHandler } from './get-fund-disclosure.handler';

@Controller()
export class GetFundDisclosureNatsController {
  constructor(private readonly handler: GetFundDisclosureHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'GetFundDisclosure' }))
  disclosure(@Payload() data: unknown): Promise<fundLedgerV1.FundDisclosure> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.GetFundDisclosure>(data, {
        payloadContract: 'jineng.fund_ledger.v1.GetFundDisclosure',
      }),
    );
  }

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'ExportFundDisclosure' }))
  export(@Payload() data: unknown): Promise<FileReply> {
    return this.handler.export(
      parseRpcRequest<fundLedgerV1.ExportFundDisclosure>(data, {
        payloadContract: 'jineng.fund_ledger.v1.ExportFundDisclosure',
      }),
    );
  }
}
