// jineng.cmd.fund-ledger.AllocateToCounty
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AllocateToCountyHandler } from './allocate-to-county.handler';

@Controller()
export class AllocateToCountyNatsController {
  constructor(private readonly handler: AllocateToCountyHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'AllocateToCounty' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.LedgerOutcome> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.AllocateToCounty>(data, {
        payloadContract: 'jineng.fund_ledger.v1.AllocateToCounty',
      }),
    );
  }
}
