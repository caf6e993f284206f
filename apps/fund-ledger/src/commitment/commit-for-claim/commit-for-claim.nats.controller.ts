// jineng.cmd.fund-ledger.CommitForClaim
import type { fundLedgerV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommitForClaimHandler } from './commit-for-claim.handler';

@Controller()
export class CommitForClaimNatsController {
  constructor(private readonly handler: CommitForClaimHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'fund-ledger', name: 'CommitForClaim' }))
  handle(@Payload() data: unknown): Promise<fundLedgerV1.LedgerOutcome> {
    return this.handler.handle(
      parseRpcRequest<fundLedgerV1.CommitForClaim>(data, {
        payloadContract: 'jineng.fund_ledger.v1.CommitForClaim',
      }),
    );
  }
}
