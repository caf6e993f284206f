// GetWorker: one worker, masked, for officers and auditors of its jurisdiction.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { authorize, READERS } from '../../access/access-control';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { WorkerNotRegistered } from '../domain/worker.errors';
import { WorkerPersonalDataVault } from '../worker-personal-data.vault';
import { WorkerViewEntity } from './worker-view.entity';
import { toWorkerView } from './worker-view';

@Injectable()
export class GetWorkerHandler {
  constructor(
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle({ envelope, payload }: RpcRequest<registryV1.GetWorker>): Promise<registryV1.WorkerView> {
    const row = await this.dataSource
      .getRepository(WorkerViewEntity)
      .findOneBy({ workerId: payload.workerId });
    if (!row) throw new WorkerNotRegistered({ workerId: payload.workerId });
    authorize(envelope.principal, READERS, { jurisdiction: row.jurisdiction });
    return toWorkerView(row, (await this.vault.phoneMasked([row.workerId])).get(row.workerId));
  }
}
