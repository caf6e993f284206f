// jineng.cmd.fund-ledger.RecordFundInflow
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordFundInflowHandler } from './record-fund-inflow.handler';

@Controller()
export class RecordFundInflowNatsController {
  constructor(private readonly handler: RecordFundInflowHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'RecordFundInflow' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.LedgerOutcome> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.RecordFundInflow>(data, {
        payloadContract: 'jineng.fund_ledger.v1.RecordFundInflow',
      }),
    );
  }
}
