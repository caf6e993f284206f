// RecordFundInflow: money arrives in the dedicated account for a jurisdiction's source, with its
// document reference: Dr bank, Cr fund:<jurisdiction>:<source>.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { inflowPlan } from '../../ledger/domain/ledger-plans';
import { LedgerBook } from '../../ledger/ledger-book';
import { bookedOn, causeOf, outcomeOf } from '../../ledger/ledger-command';
import { fundsDecider, fundStreamId } from '../domain/funds.decide';

@Injectable()
export class RecordFundInflowHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly book: LedgerBook,
  ) {}

  async handle(request: RpcRequest<fundLedgerV1.RecordFundInflow>): Promise<fundLedgerV1.LedgerOutcome> {
    const data = request.payload;
    const result = await this.commands.run(request, {
      decider: fundsDecider,
      streamId: fundStreamId(data.jurisdictionCode, data.fundSource),
      jurisdiction: data.jurisdictionCode,
      command: {
        type: 'RecordFundInflow',
        data: { ...data, actorJurisdiction: request.envelope.principal.jurisdiction },
      },
      withEvents: async (tx, recorded) => {
        await this.book.post(tx, {
          key: `inflow:${data.inflowId}`,
          kind: 'inflow',
          content: { ...data },
          cause: causeOf(recorded, { documentReference: data.documentReference }),
          bookedOn: bookedOn(recorded),
          plan: inflowPlan(data.jurisdictionCode, data.fundSource, data.amountFen),
        });
      },
    });
    return outcomeOf(data.inflowId, 'recorded', data.amountFen, result);
  }
}
