// Settles or fails issued payments as the bank statement says, as the service itself (the command id
// derives from the statement and the payment, so reading a statement again records nothing new). A
// settlement posts Dr payable / Cr bank in the events' transaction. `resolveMany` does a page of the
// statement's matched lines in one transaction (ADR 0023): each payment's stream started with its
// event (`startStreams`), the settlements posted as one group (`LedgerBook.postMany`), the payments and
// payables moved by one statement each.
import { commandIdForEvent, uuidV5 } from '@jineng/ddd';
import { inTransaction } from '@jineng/event-store';
import { shanghaiDate, type Clock } from '@jineng/kernel';
import { CommandRunner, SERVICE_CLOCK } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { settlementPlan } from '../ledger/domain/ledger-plans';
import { LedgerBook, type LedgerEntry } from '../ledger/ledger-book';
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
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A page of a statement's matched lines, in one transaction: `paid` settles, anything else fails the
   * payment with `reason`. A payment whose stream holds another outcome already (another statement) is
   * `alreadyResolved`; one this statement resolved before records nothing and counts as before. A
   * settlement the ledger refuses fails the page whole, as it failed the job when one command each.
   */
  async resolveMany(
    statementId: string,
    items: readonly { payment: PaymentRow; paid: boolean; settledOn: string; reason: string }[],
  ): Promise<{ settled: number; failed: number; alreadyResolved: number }> {
    if (items.length === 0) return { settled: 0, failed: 0, alreadyResolved: 0 };
    return inTransaction(this.payments.pool, async (tx) => {
      const started = await this.commands.startStreams(
        tx,
        { actor: SYSTEM_ACTOR, jurisdiction: items[0]!.payment.jurisdictionCode, correlationId: statementId },
        paymentDecider,
        items.map(({ payment, paid, settledOn, reason }) => {
          const { paymentId, claimId, reference, amountFen, jurisdictionCode } = payment;
          const cause = uuidV5(STATEMENT_CAUSE_NAMESPACE, `${statementId}:${paymentId}`);
          const type = paid ? 'SettlePayment' : 'FailPayment';
          return {
            streamId: paymentStreamId(paymentId),
            commandId: commandIdForEvent(cause, type),
            origin: {
              actor: SYSTEM_ACTOR,
              jurisdiction: jurisdictionCode,
              correlationId: cause,
              causationId: cause,
            },
            command: paid
              ? {
                  type: 'SettlePayment' as const,
                  data: { paymentId, claimId, reference, amountFen, settledOn },
                }
              : { type: 'FailPayment' as const, data: { paymentId, claimId, reference, amountFen, reason } },
          };
        }),
      );
      const recorded = items.filter((_, i) => started[i]!.status === 'recorded');
      const counts = { settled: 0, failed: 0, alreadyResolved: 0 };
      items.forEach((item, i) => {
        if (started[i]!.status === 'conflict') counts.alreadyResolved++;
        else if (item.paid) counts.settled++;
        else counts.failed++;
      });
      const settling = recorded.filter((item) => item.paid);
      const today = shanghaiDate(this.clock.now());
      const entries: LedgerEntry[] = settling.map(({ payment }) => {
        const { paymentId, claimId, reference, amountFen, jurisdictionCode, fundSource, payeeId } = payment;
        return {
          key: `settlement:${paymentId}`,
          kind: 'settlement',
          content: { paymentId, claimId, reference, amountFen },
          cause: {
            commandId: commandIdForEvent(
              uuidV5(STATEMENT_CAUSE_NAMESPACE, `${statementId}:${paymentId}`),
              'SettlePayment',
            ),
            actor: SYSTEM_ACTOR.userId,
            stream: paymentStreamId(paymentId),
            claimId,
            paymentId,
            reference,
            statementId,
          },
          bookedOn: today,
          plan: settlementPlan(jurisdictionCode, fundSource, payeeId, amountFen),
        };
      });
      for (const outcome of await this.book.postMany(tx, entries)) {
        if (!outcome.ok) throw outcome.error;
      }
      await this.payments.settleMany(
        tx,
        settling.map(({ payment, settledOn }) => ({ paymentId: payment.paymentId, settledOn })),
      );
      await this.payments.failMany(
        tx,
        recorded
          .filter((item) => !item.paid)
          .map(({ payment, reason }) => ({ paymentId: payment.paymentId, reason })),
      );
      return counts;
    });
  }

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
