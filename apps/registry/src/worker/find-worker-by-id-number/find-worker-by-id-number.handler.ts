// FindWorkerByIdNumber: a lookup by the keyed hash of the ID number, answered masked (the number is
// never searched, stored or logged in clear).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { authorize, READERS } from '../../access/access-control';
import { residentIdentity } from '../../personal-data/resident-identity';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { WorkerNotRegistered } from '../domain/worker.errors';
import { WorkerViewEntity } from '../get-worker/worker-view.entity';
import { toWorkerView } from '../get-worker/worker-view';
import { WorkerPersonalDataVault } from '../worker-personal-data.vault';

@Injectable()
export class FindWorkerByIdNumberHandler {
  constructor(
    private readonly infra: RegistryInfrastructure,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.FindWorkerByIdNumber>): Promise<registryV1.WorkerView> {
    const { workerId } = residentIdentity(this.infra.cipher, payload.idNumber, this.infra.clock.now());
    const row = await this.dataSource.getRepository(WorkerViewEntity).findOneBy({ workerId });
    // outside the caller's jurisdiction looks the same as unknown: existence elsewhere is not theirs to learn
    if (!row) throw new WorkerNotRegistered({ workerId: 'by-id-number' });
    try {
      authorize(envelope.principal, READERS, { jurisdiction: row.jurisdiction });
    } catch {
      throw new WorkerNotRegistered({ workerId: 'by-id-number' });
    }
    return toWorkerView(row, (await this.vault.phoneMasked([workerId])).get(workerId));
  }
}
