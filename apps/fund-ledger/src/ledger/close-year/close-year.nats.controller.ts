// jineng.cmd.fund-ledger.CloseYear
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CloseYearHandler } from './close-year.handler';

@Controller()
export class CloseYearNatsController {
  constructor(private readonly handler: CloseYearHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'CloseYear' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.YearCloseResult> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.CloseYear>(data, { payloadContract: 'jineng.fund_ledger.v1.CloseYear' }),
    );
  }
}
