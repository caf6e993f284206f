// CommitForClaim: an approved claim's amount committed — drawn from its class's earmark, the rest from
// the source — or CommitmentRefused with the shortfall. From a request (finance by hand) or from
// ClaimApproved.v1 (the process manager, with `runCaused`).
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
import { commitmentPlan } from '../../ledger/domain/ledger-plans';
import { type ActorJurisdiction } from '../../funds/domain/funds.decide';
import { PaymentStore } from '../../payment/payment.store';
import { LedgerBook } from '../../ledger/ledger-book';
import { bookedOn, causeOf, outcomeOf, withRefusal } from '../../ledger/ledger-command';
import {
  commitmentDecider,
  commitmentStreamId,
  type CommitForClaim,
  type CommitmentEvent,
  type CommitmentState,
} from '../domain/commitment.decide';

type Spec = CommandSpec<CommitForClaim, CommitmentState, CommitmentEvent>;

@Injectable()
export class CommitForClaimHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly book: LedgerBook,
    private readonly payables: PaymentStore,
  ) {}

  handle(request: RpcRequest<fundLedgerV1.CommitForClaim>): Promise<fundLedgerV1.LedgerOutcome> {
    const data = { ...request.payload, actorJurisdiction: request.envelope.principal.jurisdiction };
    return this.commit(data, (spec) =>
      this.commands.run(request, { ...spec, jurisdiction: data.jurisdictionCode }),
    );
  }

  /** The process manager's way in: the command id derives from the causing event. */
  handleCaused(
    cause: CommandCause,
    origin: SystemOrigin,
    data: fundLedgerV1.CommitForClaim,
  ): Promise<fundLedgerV1.LedgerOutcome> {
    return this.commit(data, (spec) => this.commands.runCaused(cause, origin, spec));
  }

  private async commit(
    data: fundLedgerV1.CommitForClaim & ActorJurisdiction,
    run: (spec: Spec) => Promise<CommandResult<CommitmentState, CommitmentEvent>>,
  ): Promise<fundLedgerV1.LedgerOutcome> {
    const { claimId, classId, claimantId, jurisdictionCode, fundSource, amountFen, subsidyKind } = data;
    const result = await withRefusal((refusal) =>
      run({
        decider: commitmentDecider,
        streamId: commitmentStreamId(claimId),
        command: {
          type: 'CommitForClaim',
          data: refusal ? { ...data, refusal: { availableFen: refusal.details.availableFen } } : data,
        },
        withEvents: async (tx, recorded) => {
          if (recorded.events[0]?.type !== 'CommitmentMade.v1') return;
          await this.book.post(tx, {
            key: `commitment:${claimId}`,
            kind: 'commitment',
            content: {
              claimId,
              ...(classId ? { classId } : {}),
              claimantId,
              jurisdictionCode,
              fundSource,
              amountFen,
              subsidyKind,
            },
            cause: causeOf(recorded, { claimId, classId }),
            bookedOn: bookedOn(recorded),
            plan: commitmentPlan({
              jurisdiction: jurisdictionCode,
              source: fundSource,
              ...(classId ? { classId } : {}),
              payeeId: claimantId,
              subsidyKind,
              amountFen,
            }),
          });
          await this.payables.open(tx, {
            claimId,
            classId,
            jurisdictionCode,
            fundSource,
            payeeId: claimantId,
            payeeKind: data.claimantKind,
            subsidyKind,
            amountFen,
            committedOn: bookedOn(recorded),
          });
        },
      }),
    );
    const state = result.state;
    if (state.status === 'committed')
      return outcomeOf(claimId, 'committed', state.commitment.amountFen, result);
    if (state.status === 'refused') {
      return outcomeOf(claimId, 'refused', amountFen, result, state.refusal.availableFen);
    }
    throw new Error(`commitment of claim ${claimId}: no outcome recorded`);
  }
}
