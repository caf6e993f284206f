// Settles or fails one issued payment as the bank statement says, as the service itself (`runCaused`:
// the command id derives from the statement and the payment, so reading a statement again records
// nothing new). A settlement posts Dr payable / Cr bank in the events' transaction.
import { uuidV5 } from '@jineng/ddd';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { settlementPlan } from '../ledger/domain/ledger-plans';
import { LedgerBook } from '../ledger/ledger-book';
import { bookedOn, causeOf } from '../ledger/ledger-command';
import { paymentDecider, paymentStreamId } from './domain/payment.decide';
import { PaymentStore, type PaymentRow } from './payment.store';

const STATEMENT_CAUSE_NAMESPACE = '2b6e9f13-4c8a-4d57-a1e0-6f3d8c2b5a97';
const SYSTEM_ACTOR = { userId: 'system:fund-ledger', roles: ['system'] };

@Injectable()
export class PaymentResolver {
  constructor(
    private readonly commands: CommandRunner,
    private readonly book: LedgerBook,
    private readonly payments: PaymentStore,
  ) {}

  async settle(statementId: string, payment: PaymentRow, settledOn: string): Promise<void> {
    const { paymentId, claimId, reference, amountFen, jurisdictionCode, fundSource, payeeId } = payment;
    await this.commands.runCaused(
      { id: uuidV5(STATEMENT_CAUSE_NAMESPACE, `${statementId}:${paymentId}`) },
      { actor: SYSTEM_ACTOR, jurisdiction: jurisdictionCode },
      {
        decider: paymentDecider,
        streamId: paymentStreamId(paymentId),
        command: { type: 'SettlePayment', data: { paymentId, claimId, reference, amountFen, settledOn } },
        withEvents: async (tx, recorded) => {
          await this.book.post(tx, {
            key: `settlement:${paymentId}`,
            kind: 'settlement',
            content: { paymentId, claimId, reference, amountFen },
            cause: causeOf(recorded, { claimId, paymentId, reference, statementId }),
            bookedOn: bookedOn(recorded),
            plan: settlementPlan(jurisdictionCode, fundSource, payeeId, amountFen),
          });
          await this.payments.settle(tx, paymentId, settledOn);
        },
      },
    );
  }

  async fail(statementId: string, payment: PaymentRow, reason: string): Promise<void> {
    const { paymentId, claimId, reference, amountFen, jurisdictionCode } = payment;
    await this.commands.runCaused(
      { id: uuidV5(STATEMENT_CAUSE_NAMESPACE, `${statementId}:${paymentId}`) },
      { actor: SYSTEM_ACTOR, jurisdiction: jurisdictionCode },
      {
        decider: paymentDecider,
        streamId: paymentStreamId(paymentId),
        command: { type: 'FailPayment', data: { paymentId, claimId, reference, amountFen, reason } },
        withEvents: (tx) => this.payments.fail(tx, paymentId, reason),
      },
    );
  }
}
