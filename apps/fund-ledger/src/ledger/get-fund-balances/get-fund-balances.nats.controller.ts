// jineng.qry.fund-ledger.GetFundBalances
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetFundBalancesHandler } from './get-fund-balances.handler';

@Controller()
export class GetFundBalancesNatsController {
  constructor(private readonly handler: GetFundBalancesHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'fund-ledger', name: 'GetFundBalances' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.FundBalances> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.GetFundBalances>(data, {
        payloadContract: 'jineng.fund_ledger.v1.GetFundBalances',
      }),
    );
  }
}
