// UpdateWorkerProfile: only what changes is recorded; a new name or phone goes to the vault, the
// event says only that it changed (and the masked name).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { maskName } from '../../shared/domain/masking';
import { workerDecider, type UpdateWorkerProfile } from '../domain/worker.decide';
import { workerStreamId } from '../domain/worker.events';
import { workerFor } from '../worker-access';
import { WorkerPersonalDataVault } from '../worker-personal-data.vault';

@Injectable()
export class UpdateWorkerProfileHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle(request: RpcRequest<registryV1.UpdateWorkerProfile>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const worker = await workerFor(this.commands, envelope.principal, OFFICERS, payload.workerId);
    const { name, phone, ...profile } = payload;
    const current =
      name !== undefined || phone !== undefined ? await this.vault.read(payload.workerId) : undefined;
    const newName = name !== undefined && name !== current?.name ? name : undefined;
    const newPhone = phone !== undefined && phone !== current?.phone ? phone : undefined;
    const data: UpdateWorkerProfile['data'] = {
      ...profile,
      nameMasked: newName === undefined ? undefined : maskName(newName),
      phoneChanged: newPhone === undefined ? undefined : true,
    };
    const result = await this.commands.run(request, {
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      jurisdiction: worker.jurisdiction,
      command: { type: 'UpdateWorkerProfile', data },
      withEvents: (tx) => this.vault.update(tx, payload.workerId, { name: newName, phone: newPhone }),
    });
    return commandAccepted(payload.workerId, result);
  }
}
