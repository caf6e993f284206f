// ListWorkers: the workers of a jurisdiction and below it, masked, filtered and sorted, one page.
import type { registryV1 } from '@jineng/contracts';
import { queryPage } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { READERS, scopeOf } from '../../access/access-control';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import type { WorkerViewEntity } from '../get-worker/worker-view.entity';
import { toWorkerView } from '../get-worker/worker-view';
import { WorkerPersonalDataVault } from '../worker-personal-data.vault';
import { withinJurisdiction, workerList } from './worker-list';

@Injectable()
export class ListWorkersHandler {
  constructor(
    private readonly infra: RegistryInfrastructure,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle({ envelope, payload }: RpcRequest<registryV1.ListWorkers>): Promise<registryV1.WorkerPage> {
    const jurisdiction = scopeOf(envelope.principal, READERS, payload.jurisdiction);
    const page = await queryPage(this.infra.pool, workerList, this.infra.schema, payload, [
      withinJurisdiction(jurisdiction),
    ]);
    const rows = page.items as unknown as WorkerViewEntity[];
    const phones = await this.vault.phoneMasked(rows.map((r) => r.workerId));
    return { ...page, items: rows.map((row) => toWorkerView(row, phones.get(row.workerId))) };
  }
}
