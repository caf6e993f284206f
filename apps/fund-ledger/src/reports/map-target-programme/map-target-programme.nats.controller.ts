// jineng.cmd.fund-ledger.MapTargetProgramme
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MapTargetProgrammeHandler } from './map-target-programme.handler';

@Controller()
export class MapTargetProgrammeNatsController {
  constructor(private readonly handler: MapTargetProgrammeHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'MapTargetProgramme' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.TargetProgrammeMapping> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.MapTargetProgramme>(data, {
        payloadContract: 'jineng.fund_ledger.v1.MapTargetProgramme',
      }),
    );
  }
}
