// jineng.cmd.fund-ledger.MapTargetAssignee
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MapTargetAssigneeHandler } from './map-target-assignee.handler';

@Controller()
export class MapTargetAssigneeNatsController {
  constructor(private readonly handler: MapTargetAssigneeHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'MapTargetAssignee' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.TargetAssigneeMapping> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.MapTargetAssignee>(data, {
        payloadContract: 'jineng.fund_ledger.v1.MapTargetAssignee',
      }),
    );
  }
}
