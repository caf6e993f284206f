// ReversePayment: money comes back for a paid claim (a clawback, a payment returned after it settled):
// Dr bank / Cr fund (available again), Dr committed / Cr expense (the year's spending reduced). Never
// more than was paid for the claim, all recoveries together. From a request (finance) or from
// subsidy's RecoveryRequested.v1 (the money process, `runCaused`).
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineDomainError, type CommandResult } from '@jineng/ddd';
import type { RpcRequest } from '@jineng/messaging';
import {
  CommandRunner,
  type CommandCause,
  type CommandSpec,
  type SystemOrigin,
} from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { recoveryPlan } from '../../ledger/domain/ledger-plans';
import { LedgerBook } from '../../ledger/ledger-book';
import { bookedOn, causeOf } from '../../ledger/ledger-command';
import {
  recoveryDecider,
  recoveryStreamId,
  type RecoveryEvent,
  type RecoveryState,
  type ReversePayment,
} from '../domain/payment.decide';
import { PaymentStore } from '../payment.store';

export class ClaimNotPaid extends defineDomainError<{ claimId: string }>({
  code: 'PAYMENT.CLAIM_NOT_PAID',
  category: 'illegal_state',
  zh: (d) => `申请 ${d.claimId} 尚无到账的支付，无可追回`,
  en: (d) => `claim ${d.claimId} has no settled payment: nothing to reverse`,
}) {}

export class RecoveryExceedsPaid extends defineDomainError<{
  claimId: string;
  paidFen: number;
  recoveredFen: number;
  amountFen: number;
}>({
  code: 'PAYMENT.RECOVERY_EXCEEDS_PAID',
  category: 'illegal_state',
  zh: (d) =>
    `申请 ${d.claimId} 已付 ${d.paidFen} 分、已追回 ${d.recoveredFen} 分，不能再追回 ${d.amountFen} 分`,
  en: (d) =>
    `claim ${d.claimId}: ${d.paidFen} fen paid, ${d.recoveredFen} fen recovered; ${d.amountFen} fen more cannot be reversed`,
}) {}

type Spec = CommandSpec<ReversePayment, RecoveryState, RecoveryEvent>;

@Injectable()
export class ReversePaymentHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly book: LedgerBook,
    private readonly payments: PaymentStore,
  ) {}

  handle(request: RpcRequest<fundLedgerV1.ReversePayment>): Promise<fundLedgerV1.PaymentReversed> {
    return this.reverse(request.payload, request.envelope.principal.jurisdiction, (spec, jurisdiction) =>
      this.commands.run(request, { ...spec, jurisdiction }),
    );
  }

  handleCaused(
    cause: CommandCause,
    origin: Omit<SystemOrigin, 'jurisdiction'>,
    data: fundLedgerV1.ReversePayment,
  ) {
    return this.reverse(data, undefined, (spec, jurisdiction) =>
      this.commands.runCaused(cause, { ...origin, jurisdiction }, spec),
    );
  }

  private async reverse(
    data: fundLedgerV1.ReversePayment,
    actorJurisdiction: string | undefined,
    run: (spec: Spec, jurisdiction: string) => Promise<CommandResult<RecoveryState, RecoveryEvent>>,
  ): Promise<fundLedgerV1.PaymentReversed> {
    const { recoveryId, claimId, amountFen } = data;
    const payment = await this.payments.settledPaymentOf(claimId);
    if (!payment) throw new ClaimNotPaid({ claimId });
    const { jurisdictionCode, fundSource, subsidyKind, paymentId } = payment;
    const result = await run(
      {
        decider: recoveryDecider,
        streamId: recoveryStreamId(recoveryId),
        command: {
          type: 'ReversePayment',
          data: { ...data, jurisdictionCode, paymentId, ...(actorJurisdiction ? { actorJurisdiction } : {}) },
        },
        withEvents: async (tx, recorded) => {
          const recovered = await this.payments.recover(tx, claimId, amountFen);
          if (!recovered.ok) throw new RecoveryExceedsPaid({ claimId, amountFen, ...recovered.figures });
          await this.book.post(tx, {
            key: `recovery:${recoveryId}`,
            kind: 'recovery',
            content: { recoveryId, claimId, amountFen },
            cause: causeOf(recorded, { claimId, paymentId, recoveryId, reason: data.reason }),
            bookedOn: bookedOn(recorded),
            plan: recoveryPlan(jurisdictionCode, fundSource, subsidyKind, amountFen),
          });
        },
      },
      jurisdictionCode,
    );
    return result.state.reversed!;
  }
}
