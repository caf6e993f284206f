// RecordBankStatement: the statement file is kept in the service's files bucket (the record of what the
// bank sent; a service may write its bucket, only the gateway reads it) and reconciled by a job that
// reads it as a stream of 64 KiB chunks, reporting the lines read (GetJob answers its progress and, at
// the end, the reconciliation). The job's id is the command id: a retried request finds its job.
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
    const bytes = new TextEncoder().encode(payload.csv);
    await this.files.put({
      fileName: `bank-statement-${payload.statementId}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: chunksOf(bytes),
    });
    this.jobs.run(jobId, (progress) =>
      this.reconciler.reconcile(
        payload.statementId,
        payload.jurisdictionCode,
        linesOf(chunksOf(bytes)),
        progress,
      ),
    );
    return { jobId };
  }
}

async function* chunksOf(bytes: Uint8Array, size = 65_536): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
