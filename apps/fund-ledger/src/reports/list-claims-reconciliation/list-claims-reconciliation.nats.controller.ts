// jineng.qry.fund-ledger.ListClaimsReconciliation
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListClaimsReconciliationHandler } from './list-claims-reconciliation.handler';

@Controller()
export class ListClaimsReconciliationNatsController {
  constructor(private readonly handler: ListClaimsReconciliationHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'ListClaimsReconciliation' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.ClaimsReconciliationPage> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.ListClaimsReconciliation>(data, {
        payloadContract: 'jineng.fund_ledger.v1.ListClaimsReconciliation',
      }),
    );
  }
}
