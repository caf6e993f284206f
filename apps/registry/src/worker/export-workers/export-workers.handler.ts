// ExportWorkers: the same list as ListWorkers, every row (masked), as .xlsx or JSON — written to the
// file store while it is read, and answered as a FileReply the gateway streams to the client.
import type { commonV1, registryV1 } from '@jineng/contracts';
import { ExportTooLargeError, countRows, iterateRows } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { READERS, scopeOf } from '../../access/access-control';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { withinJurisdiction, workerExportFile, workerList } from '../list-workers/worker-list';

/** a direct export answers within the request's timeout: larger lists are narrowed by filters */
export const MAX_EXPORT_ROWS = 10_000;

@Injectable()
export class ExportWorkersHandler {
  constructor(
    private readonly infra: RegistryInfrastructure,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({ envelope, payload }: RpcRequest<registryV1.ExportWorkers>): Promise<commonV1.FileReply> {
    const jurisdiction = scopeOf(envelope.principal, READERS, payload.jurisdiction);
    const scope = [withinJurisdiction(jurisdiction)];
    const rows = await countRows(this.infra.pool, workerList, this.infra.schema, payload, scope);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    const rowsOf = iterateRows(this.infra.pool, workerList, this.infra.schema, payload, scope);
    const file = workerExportFile(rowsOf, payload.format, jurisdiction, this.infra.clock.now());
    return this.files.put(file);
  }
}
