// Step 3 of money in three steps (docs/flow.md): payment batches (stream payment-batch-<batchId>), each
// payment's outcome (stream payment-<paymentId>) and recoveries (stream recovery-<recoveryId>). The
// postings are the book's (settlement, recovery); these deciders keep each fact to once.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineDomainError, uuidV5, type Command, type Decider } from '@jineng/ddd';
import { shanghaiDate } from '@jineng/kernel';
import { assertFinanceIn, type ActorJurisdiction } from '../../funds/domain/funds.decide';
import type { JsonData } from '../../ledger/domain/json-data';

export const batchStreamId = (batchId: string): string => `payment-batch-${batchId}`;
export const paymentStreamId = (paymentId: string): string => `payment-${paymentId}`;
export const recoveryStreamId = (recoveryId: string): string => `recovery-${recoveryId}`;
export const yearStreamId = (jurisdiction: string, source: string, year: number): string =>
  `year-${jurisdiction}-${source}-${year}`;

const PAYMENT_NAMESPACE = '8e1d5c3a-7b2f-4a69-9d0e-3c5b7a1f9e42';
/** A claim's payment in a batch: the same claim in the same batch is the same payment. */
export const paymentIdOf = (batchId: string, claimId: string): string =>
  uuidV5(PAYMENT_NAMESPACE, `${batchId}:${claimId}`);
/** The line's reference the bank echoes on its statement: unique, as the payment id is. */
export const referenceOf = (paymentId: string): string => `JN${paymentId.replace(/-/g, '').toUpperCase()}`;

export class NothingToPay extends defineDomainError<{ jurisdictionCode: string; fundSource: string }>({
  code: 'PAYMENT.NOTHING_TO_PAY',
  category: 'illegal_state',
  zh: (d) => `${d.jurisdictionCode} 的 ${d.fundSource} 没有待支付的承诺`,
  en: (d) => `no committed payment of ${d.fundSource} is waiting in ${d.jurisdictionCode}`,
}) {}

export class BatchAlreadyIssued extends defineDomainError<{ batchId: string }>({
  code: 'PAYMENT.BATCH_ALREADY_ISSUED',
  category: 'illegal_state',
  zh: (d) => `支付批次 ${d.batchId} 已生成`,
  en: (d) => `payment batch ${d.batchId} was already issued`,
}) {}

export class PaymentAlreadyResolved extends defineDomainError<{ paymentId: string; status: string }>({
  code: 'PAYMENT.ALREADY_RESOLVED',
  category: 'illegal_state',
  zh: (d) => `支付 ${d.paymentId} 已${d.status === 'settled' ? '到账' : '失败'}，不能再改变`,
  en: (d) => `payment ${d.paymentId} is already ${d.status}`,
}) {}

export class RecoveryAlreadyRecorded extends defineDomainError<{ recoveryId: string }>({
  code: 'PAYMENT.RECOVERY_ALREADY_RECORDED',
  category: 'illegal_state',
  zh: (d) => `追回 ${d.recoveryId} 已以不同内容登记`,
  en: (d) => `recovery ${d.recoveryId} was already recorded with other content`,
}) {}

export class YearAlreadyClosed extends defineDomainError<{
  year: number;
  jurisdictionCode: string;
  fundSource: string;
}>({
  code: 'LEDGER.YEAR_ALREADY_CLOSED',
  category: 'illegal_state',
  zh: (d) => `${d.jurisdictionCode} ${d.fundSource} 的 ${d.year} 年度已结账`,
  en: (d) => `the year ${d.year} of ${d.fundSource} in ${d.jurisdictionCode} is already closed`,
}) {}

// ---- batches

export type IssuePaymentBatch = Command<
  'IssuePaymentBatch',
  JsonData<fundLedgerV1.IssuePaymentBatch> &
    ActorJurisdiction & { readonly lines: readonly JsonData<fundLedgerV1.PaymentLine>[] }
>;
export type BatchEvent = { type: 'PaymentBatchIssued.v1'; data: JsonData<fundLedgerV1.PaymentBatchIssued> };
export type BatchState = { readonly issued?: JsonData<fundLedgerV1.PaymentBatchIssued> };

export const batchDecider: Decider<IssuePaymentBatch, BatchState, BatchEvent> = {
  initialState: () => ({}),
  evolve: (_state, event) => ({ issued: event.data }),
  decide: (command, state) => {
    const { batchId, jurisdictionCode, fundSource, lines, actorJurisdiction } = command.data;
    assertFinanceIn(command.metadata, actorJurisdiction, jurisdictionCode);
    if (state.issued) throw new BatchAlreadyIssued({ batchId });
    if (lines.length === 0) throw new NothingToPay({ jurisdictionCode, fundSource });
    return [{ type: 'PaymentBatchIssued.v1', data: { batchId, fundSource, lines } }];
  },
};

// ---- one payment's outcome

export type ResolvePayment =
  | Command<'SettlePayment', JsonData<fundLedgerV1.PaymentSettled>>
  | Command<'FailPayment', JsonData<fundLedgerV1.PaymentFailed>>;
export type PaymentEvent =
  | { type: 'PaymentSettled.v1'; data: JsonData<fundLedgerV1.PaymentSettled> }
  | { type: 'PaymentFailed.v1'; data: JsonData<fundLedgerV1.PaymentFailed> };
export type PaymentState = { readonly status: 'issued' | 'settled' | 'failed' };

export const paymentDecider: Decider<ResolvePayment, PaymentState, PaymentEvent> = {
  initialState: () => ({ status: 'issued' }),
  evolve: (_state, event) => ({ status: event.type === 'PaymentSettled.v1' ? 'settled' : 'failed' }),
  decide: (command, state) => {
    const wanted = command.type === 'SettlePayment' ? 'settled' : 'failed';
    if (state.status === wanted) return [];
    if (state.status !== 'issued') {
      throw new PaymentAlreadyResolved({ paymentId: command.data.paymentId, status: state.status });
    }
    return command.type === 'SettlePayment'
      ? [{ type: 'PaymentSettled.v1', data: command.data }]
      : [{ type: 'PaymentFailed.v1', data: command.data }];
  },
};

// ---- recoveries

export type ReversePayment = Command<
  'ReversePayment',
  JsonData<fundLedgerV1.ReversePayment> &
    ActorJurisdiction & { readonly jurisdictionCode: string; readonly paymentId?: string }
>;
export type RecoveryEvent = { type: 'PaymentReversed.v1'; data: JsonData<fundLedgerV1.PaymentReversed> };
export type RecoveryState = { readonly reversed?: JsonData<fundLedgerV1.PaymentReversed> };

export const recoveryDecider: Decider<ReversePayment, RecoveryState, RecoveryEvent> = {
  initialState: () => ({}),
  evolve: (_state, event) => ({ reversed: event.data }),
  decide: (command, state) => {
    const { recoveryId, claimId, amountFen, paymentId, jurisdictionCode, actorJurisdiction } = command.data;
    assertFinanceIn(command.metadata, actorJurisdiction, jurisdictionCode);
    if (state.reversed) {
      if (state.reversed.claimId === claimId && state.reversed.amountFen === amountFen) return [];
      throw new RecoveryAlreadyRecorded({ recoveryId });
    }
    return [
      {
        type: 'PaymentReversed.v1',
        data: { recoveryId, claimId, ...(paymentId ? { paymentId } : {}), amountFen },
      },
    ];
  },
};

// ---- closing a year

export type CloseYear = Command<'CloseYear', JsonData<fundLedgerV1.CloseYear> & ActorJurisdiction>;
export type YearEvent = { type: 'YearClosed.v1'; data: JsonData<fundLedgerV1.YearClosed> };
export type YearState = { readonly closed?: JsonData<fundLedgerV1.YearClosed> };

export const yearDecider: Decider<CloseYear, YearState, YearEvent> = {
  initialState: () => ({}),
  evolve: (_state, event) => ({ closed: event.data }),
  decide: (command, state) => {
    const { year, jurisdictionCode, fundSource, actorJurisdiction } = command.data;
    assertFinanceIn(command.metadata, actorJurisdiction, jurisdictionCode);
    if (state.closed) throw new YearAlreadyClosed({ year, jurisdictionCode, fundSource });
    return [
      {
        type: 'YearClosed.v1',
        data: { year, jurisdictionCode, fundSource, closedOn: shanghaiDate(new Date(command.metadata.now)) },
      },
    ];
  },
};
