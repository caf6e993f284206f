// jineng.cmd.fund-ledger.EarmarkForClass
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EarmarkForClassHandler } from './earmark-for-class.handler';

@Controller()
export class EarmarkForClassNatsController {
  constructor(private readonly handler: EarmarkForClassHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'EarmarkForClass' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.LedgerOutcome> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.EarmarkForClass>(data, {
        payloadContract: 'jineng.fund_ledger.v1.EarmarkForClass',
      }),
    );
  }
}
