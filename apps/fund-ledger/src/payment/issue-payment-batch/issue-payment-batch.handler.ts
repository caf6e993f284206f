// IssuePaymentBatch: the open commitments of a source within the jurisdiction go out in one bank
// payment file (layout in ../domain/bank-files.ts), a unique reference per line, stored in the
// service's files bucket. The claims are marked in payment in the batch's transaction: a claim taken by
// a concurrent batch makes this one fail (PAYMENT.BATCH_CONFLICT) rather than pay twice. A commitment
// whose payee has no bank account yet (fund-ledger-payees, from registry's PayeeAccountSealed) is held
// back, with its reason in the answer, and stays open for a later batch. Each line carries the payee's
// account name and number, opened from its sealed box only while the file is written (ADR 0012).
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineDomainError } from '@jineng/ddd';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { CommandRunner, FILE_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { bookedOn } from '../../ledger/ledger-command';
import { jurisdictionPrefix, PAYMENT_FILE_HEADER, paymentFileRow } from '../domain/bank-files';
import type { FileReply } from '@jineng/messaging';
import { batchDecider, batchStreamId, paymentIdOf, referenceOf } from '../domain/payment.decide';
import { PAYEE_ACCOUNT_MISSING, partitionByAccount } from '../../payee/domain/payee-account';
import { PayeeAccountOpener } from '../../payee/payee-account-opener';
import { PaymentStore } from '../payment.store';

/** Most lines in one payment file. */
export const MAX_BATCH_LINES = 5_000;

export class BatchConflict extends defineDomainError<{ batchId: string }>({
  code: 'PAYMENT.BATCH_CONFLICT',
  category: 'concurrency',
  zh: (d) => `支付批次 ${d.batchId} 生成时部分承诺已被其他批次支付，请重试`,
  en: (d) => `payment batch ${d.batchId}: some commitments went out in another batch meanwhile; try again`,
}) {}

@Injectable()
export class IssuePaymentBatchHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly payments: PaymentStore,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly opener: PayeeAccountOpener,
  ) {}

  async handle(request: RpcRequest<fundLedgerV1.IssuePaymentBatch>): Promise<fundLedgerV1.PaymentBatch> {
    const { batchId, jurisdictionCode, fundSource } = request.payload;
    // no file can be written without the key that opens the accounts: refuse before anything is recorded
    this.opener.assertConfigured();
    const open = await this.payments.openPayables(
      fundSource,
      jurisdictionPrefix(jurisdictionCode),
      MAX_BATCH_LINES,
    );
    const { ready, heldBack } = partitionByAccount(open);
    const digests = new Map(ready.map((p) => [p.claimId, p.payeeAccountDigest]));
    const lines = ready.map((payable) => {
      const paymentId = paymentIdOf(batchId, payable.claimId);
      return {
        paymentId,
        claimId: payable.claimId,
        reference: referenceOf(paymentId),
        amountFen: payable.amountFen,
      };
    });
    const result = await this.commands.run(request, {
      decider: batchDecider,
      streamId: batchStreamId(batchId),
      jurisdiction: jurisdictionCode,
      command: {
        type: 'IssuePaymentBatch',
        data: { ...request.payload, actorJurisdiction: request.envelope.principal.jurisdiction, lines },
      },
      withEvents: async (tx, recorded) => {
        const withAccounts = lines.map((l) => ({ ...l, payeeAccountDigest: digests.get(l.claimId)! }));
        if (!(await this.payments.issue(tx, batchId, bookedOn(recorded), withAccounts)))
          throw new BatchConflict({ batchId });
      },
    });
    const issued = result.state.issued!;
    const file = await writePaymentFile(
      this.files,
      this.payments,
      this.opener,
      batchId,
      issued.lines.map((l) => l.paymentId),
    );
    return {
      batchId,
      lines: issued.lines.length,
      totalFen: issued.lines.reduce((sum, line) => sum + line.amountFen, 0),
      fileId: file.fileId,
      fileName: file.fileName,
      idempotent: result.idempotent,
      heldBack: heldBack.map((p) => ({
        claimId: p.claimId,
        payeeId: p.payeeId,
        payeeKind: p.payeeKind,
        amountFen: p.amountFen,
        ...PAYEE_ACCOUNT_MISSING,
      })),
    };
  }
}

/** Writes a batch's payment file (layout in ../domain/bank-files.ts) into the files bucket. */
export async function writePaymentFile(
  files: FileStore,
  payments: PaymentStore,
  opener: PayeeAccountOpener,
  batchId: string,
  paymentIds: readonly string[],
): Promise<FileReply> {
  const rows = await payments.paymentFileLines(paymentIds);
  opener.assertConfigured();
  const encoder = new TextEncoder();
  return files.put({
    fileName: `payment-batch-${batchId}.csv`,
    contentType: PAYMENT_FILE_CONTENT_TYPE,
    bytes: (async function* () {
      yield encoder.encode(`${PAYMENT_FILE_HEADER}\n`);
      for (const { sealedAccount, ...row } of rows) {
        // opened one line at a time, into the file only
        const account = opener.open(row.payeeId, sealedAccount);
        yield encoder.encode(`${paymentFileRow({ ...row, ...account })}\n`);
      }
    })(),
  });
}

export const PAYMENT_FILE_CONTENT_TYPE = 'text/csv; charset=utf-8';
