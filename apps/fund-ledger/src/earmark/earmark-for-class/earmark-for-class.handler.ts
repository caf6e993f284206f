// EarmarkForClass: a class's estimate reserved on its jurisdiction's source (Dr fund, Cr earmark of the
// class), or EarmarkRefused with the available balance. From a request (finance by hand) or from
// ClassSubsidyEstimated.v1 (the process manager, with `runCaused`).
import type { fundLedgerV1 } from '@jineng/contracts';
import type { CommandResult } from '@jineng/ddd';
import type { RpcRequest } from '@jineng/messaging';
import {
  CommandRunner,
  type CommandCause,
  type CommandSpec,
  type SystemOrigin,
} from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { earmarkPlan } from '../../ledger/domain/ledger-plans';
import { type ActorJurisdiction } from '../../funds/domain/funds.decide';
import { LedgerBook } from '../../ledger/ledger-book';
import { bookedOn, causeOf, outcomeOf, withRefusal } from '../../ledger/ledger-command';
import {
  earmarkDecider,
  earmarkStreamId,
  type EarmarkEvent,
  type EarmarkForClass,
  type EarmarkState,
} from '../domain/earmark.decide';

type Spec = CommandSpec<EarmarkForClass, EarmarkState, EarmarkEvent>;

@Injectable()
export class EarmarkForClassHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly book: LedgerBook,
  ) {}

  handle(request: RpcRequest<fundLedgerV1.EarmarkForClass>): Promise<fundLedgerV1.LedgerOutcome> {
    const data = { ...request.payload, actorJurisdiction: request.envelope.principal.jurisdiction };
    return this.earmark(data, (spec) =>
      this.commands.run(request, { ...spec, jurisdiction: data.jurisdictionCode }),
    );
  }

  /** The process manager's way in: the command id derives from the causing event. */
  handleCaused(
    cause: CommandCause,
    origin: SystemOrigin,
    data: fundLedgerV1.EarmarkForClass,
  ): Promise<fundLedgerV1.LedgerOutcome> {
    return this.earmark(data, (spec) => this.commands.runCaused(cause, origin, spec));
  }

  private async earmark(
    data: fundLedgerV1.EarmarkForClass & ActorJurisdiction,
    run: (spec: Spec) => Promise<CommandResult<EarmarkState, EarmarkEvent>>,
  ): Promise<fundLedgerV1.LedgerOutcome> {
    const { classId, jurisdictionCode, fundSource, amountFen } = data;
    const result = await withRefusal((refusal) =>
      run({
        decider: earmarkDecider,
        streamId: earmarkStreamId(classId),
        command: {
          type: 'EarmarkForClass',
          data: refusal
            ? { ...data, refusal: { availableFen: refusal.details.availableFen, reason: refusal.code } }
            : data,
        },
        withEvents: async (tx, recorded) => {
          if (recorded.events[0]?.type !== 'ClassEarmarked.v1') return;
          await this.book.post(tx, {
            key: `earmark:${classId}`,
            kind: 'earmark',
            content: { classId, jurisdictionCode, fundSource, amountFen },
            cause: causeOf(recorded, { classId }),
            bookedOn: bookedOn(recorded),
            plan: earmarkPlan(jurisdictionCode, fundSource, classId, amountFen),
          });
        },
      }),
    );
    const state = result.state;
    if (state.status === 'earmarked') return outcomeOf(classId, 'earmarked', state.earmark.amountFen, result);
    if (state.status === 'refused')
      return outcomeOf(classId, 'refused', amountFen, result, state.availableFen);
    throw new Error(`earmark of class ${classId}: no outcome recorded`);
  }
}
