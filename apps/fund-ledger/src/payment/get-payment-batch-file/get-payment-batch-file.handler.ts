// GetPaymentBatchFile: an issued batch's bank payment file again, for finance of its jurisdiction.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineDomainError } from '@jineng/ddd';
import type { FileReply, FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { assertFinance } from '../../funds/domain/funds.decide';
import { writePaymentFile } from '../issue-payment-batch/issue-payment-batch.handler';
import { PayeeAccountOpener } from '../../payee/payee-account-opener';
import { PaymentStore } from '../payment.store';

export class BatchNotFound extends defineDomainError<{ batchId: string }>({
  code: 'PAYMENT.BATCH_NOT_FOUND',
  category: 'not_found',
  zh: (d) => `没有支付批次 ${d.batchId}`,
  en: (d) => `no payment batch ${d.batchId}`,
}) {}

@Injectable()
export class GetPaymentBatchFileHandler {
  constructor(
    private readonly payments: PaymentStore,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly opener: PayeeAccountOpener,
  ) {}

  async handle({ envelope, payload }: RpcRequest<fundLedgerV1.GetPaymentBatchFile>): Promise<FileReply> {
    const batch = await this.payments.batch(payload.batchId);
    if (batch.paymentIds.length === 0) throw new BatchNotFound({ batchId: payload.batchId });
    for (const jurisdiction of batch.jurisdictions) {
      assertFinance(envelope.principal, envelope.principal.jurisdiction, jurisdiction);
    }
    return writePaymentFile(this.files, this.payments, this.opener, payload.batchId, batch.paymentIds);
  }
}
