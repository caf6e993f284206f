// jineng.qry.fund-ledger.ReconcileClaims
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReconcileClaimsHandler } from './reconcile-claims.handler';

@Controller()
export class ReconcileClaimsNatsController {
  constructor(private readonly handler: ReconcileClaimsHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'ReconcileClaims' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.ClaimsReconciliation> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.ReconcileClaims>(data, {
        payloadContract: 'jineng.fund_ledger.v1.ReconcileClaims',
      }),
    );
  }
}
