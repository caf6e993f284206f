// jineng.qry.fund-ledger.ExportClaimsReconciliation
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ExportClaimsReconciliationHandler } from './export-claims-reconciliation.handler';

@Controller()
export class ExportClaimsReconciliationNatsController {
  constructor(private readonly handler: ExportClaimsReconciliationHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'ExportClaimsReconciliation' }))
  handle(@Payload() data: unknown): Promise<commonV1.FileReply> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.ExportClaimsReconciliation>(data, {
        payloadContract: 'jineng.fund_ledger.v1.ExportClaimsReconciliation',
      }),
    );
  }
}
