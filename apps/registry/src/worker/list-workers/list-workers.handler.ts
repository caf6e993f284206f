// ListWorkers: the workers of a jurisdiction and below it, masked, newest first.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { Like, type DataSource } from 'typeorm';
import { READERS, scopeOf } from '../../access/access-control';
import { jurisdictionPrefix } from '../../catalogue/jurisdiction-catalogue';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { WorkerViewEntity } from '../get-worker/worker-view.entity';
import { toWorkerView } from '../get-worker/worker-view';
import { WorkerPersonalDataVault } from '../worker-personal-data.vault';

@Injectable()
export class ListWorkersHandler {
  constructor(
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle({ envelope, payload }: RpcRequest<registryV1.ListWorkers>): Promise<registryV1.WorkerPage> {
    const jurisdiction = scopeOf(envelope.principal, READERS, payload.jurisdiction);
    const [rows, total] = await this.dataSource.getRepository(WorkerViewEntity).findAndCount({
      where: {
        jurisdiction: Like(`${jurisdictionPrefix(jurisdiction)}%`),
        ...(payload.category ? { category: payload.category } : {}),
      },
      order: { registeredAt: 'DESC', workerId: 'ASC' },
      skip: payload.offset ?? 0,
      take: payload.limit ?? 50,
    });
    const phones = await this.vault.phoneMasked(rows.map((r) => r.workerId));
    return { total, items: rows.map((row) => toWorkerView(row, phones.get(row.workerId))) };
  }
}
