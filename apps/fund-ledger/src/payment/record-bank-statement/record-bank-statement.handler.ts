// RecordBankStatement: the statement file is kept in the service's files bucket and reconciled by a
// job that reads it back as a stream, reporting the lines read (GetJob answers its progress and, at the
// end, the reconciliation). The job's id is the command id: a retried request finds its job.
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE, JobTracker } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { assertFinance } from '../../funds/domain/funds.decide';
import { linesOf } from '../domain/bank-files';
import { StatementReconciler } from './statement-reconciler';

@Injectable()
export class RecordBankStatementHandler {
  constructor(
    private readonly jobs: JobTracker,
    private readonly reconciler: StatementReconciler,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.RecordBankStatement>): Promise<commonV1.JobAccepted> {
    const { principal } = envelope;
    assertFinance(principal, principal.jurisdiction, payload.jurisdictionCode);
    const { jobId, created } = await this.jobs.create({
      ...(envelope.commandId ? { jobId: envelope.commandId } : {}),
      kind: 'bank-statement',
      requestedBy: principal,
    });
    if (!created) return { jobId };
    const file = await this.files.put({
      fileName: `bank-statement-${payload.statementId}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: (async function* () {
        yield new TextEncoder().encode(payload.csv);
      })(),
    });
    this.jobs.run(jobId, async (progress) => {
      const { data, verified } = await this.files.read(file.fileId);
      const result = await this.reconciler.reconcile(
        payload.statementId,
        payload.jurisdictionCode,
        linesOf(data as unknown as AsyncIterable<Uint8Array>),
        progress,
      );
      await verified;
      return result;
    });
    return { jobId };
  }
}
