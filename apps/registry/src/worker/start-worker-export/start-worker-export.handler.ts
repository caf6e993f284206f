// StartWorkerExport: the workers export as a long job, for lists of any length. The job id is the
// command id (a retried request finds its job); the job streams the rows to the file store and
// reports how many it has written of how many.
import type { commonV1, registryV1 } from '@jineng/contracts';
import { countRows, iterateRows, type ListRow } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE, JobTracker } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { READERS, scopeOf } from '../../access/access-control';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { withinJurisdiction, workerExportFile, workerList } from '../list-workers/worker-list';

@Injectable()
export class StartWorkerExportHandler {
  constructor(
    private readonly infra: RegistryInfrastructure,
    private readonly jobs: JobTracker,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.StartWorkerExport>): Promise<commonV1.JobAccepted> {
    const jurisdiction = scopeOf(envelope.principal, READERS, payload.jurisdiction);
    const scope = [withinJurisdiction(jurisdiction)];
    const total = await countRows(this.infra.pool, workerList, this.infra.schema, payload, scope);
    const { jobId, created } = await this.jobs.create({
      jobId: envelope.commandId,
      kind: 'worker-export',
      requestedBy: envelope.principal,
      total,
    });
    if (!created) return { jobId };
    this.jobs.run(jobId, async (progress) => {
      const { pool, schema } = this.infra;
      let done = 0;
      async function* counted(): AsyncGenerator<ListRow<keyof typeof workerList.columns>[]> {
        for await (const chunk of iterateRows(pool, workerList, schema, payload, scope)) {
          yield chunk;
          await progress.report((done += chunk.length), total);
        }
      }
      const file = await this.files.put(
        workerExportFile(counted(), payload.format, jurisdiction, this.infra.clock.now()),
      );
      return { file, rows: done };
    });
    return { jobId };
  }
}
