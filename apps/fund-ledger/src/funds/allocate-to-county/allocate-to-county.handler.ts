// AllocateToCounty: a city's available money of a source goes to one of its counties — refused with
// LEDGER.INSUFFICIENT_FUNDS when the city has not that much available.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { allocationPlan } from '../../ledger/domain/ledger-plans';
import { LedgerBook } from '../../ledger/ledger-book';
import { bookedOn, causeOf, outcomeOf } from '../../ledger/ledger-command';
import { fundsDecider, fundStreamId } from '../domain/funds.decide';

@Injectable()
export class AllocateToCountyHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly book: LedgerBook,
  ) {}

  async handle(request: RpcRequest<fundLedgerV1.AllocateToCounty>): Promise<fundLedgerV1.LedgerOutcome> {
    const data = request.payload;
    const result = await this.commands.run(request, {
      decider: fundsDecider,
      streamId: fundStreamId(data.fromJurisdictionCode, data.fundSource),
      jurisdiction: data.fromJurisdictionCode,
      command: {
        type: 'AllocateToCounty',
        data: { ...data, actorJurisdiction: request.envelope.principal.jurisdiction },
      },
      withEvents: async (tx, recorded) => {
        await this.book.post(tx, {
          key: `allocation:${data.allocationId}`,
          kind: 'allocation',
          content: { ...data },
          cause: causeOf(recorded, { documentReference: data.documentReference }),
          bookedOn: bookedOn(recorded),
          plan: allocationPlan(data.fromJurisdictionCode, data.countyCode, data.fundSource, data.amountFen),
        });
      },
    });
    return outcomeOf(data.allocationId, 'recorded', data.amountFen, result);
  }
}
