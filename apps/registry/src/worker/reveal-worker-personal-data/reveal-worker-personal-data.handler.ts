// RevealWorkerPersonalData: an authorised officer's explicit look at a worker's clear personal data.
// The look is recorded first (WorkerPersonalDataRevealed.v1: who, whom, why); only then is it answered.
import type { registryV1 } from '@jineng/contracts';
import type { Role, RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { residentIdentity } from '../../personal-data/resident-identity';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { workerDecider } from '../domain/worker.decide';
import { WorkerNotRegistered } from '../domain/worker.errors';
import { workerStreamId } from '../domain/worker.events';
import { workerFor } from '../worker-access';
import { WorkerPersonalDataVault } from '../worker-personal-data.vault';

/** Who may see personal data in clear: case officers and investigators, not platform admins. */
export const REVEALERS: readonly Role[] = ['county_officer', 'city_approver', 'auditor'];

@Injectable()
export class RevealWorkerPersonalDataHandler {
  constructor(
    private readonly infra: RegistryInfrastructure,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.RevealWorkerPersonalData>): Promise<registryV1.WorkerPersonalData> {
    const worker = await workerFor(this.infra, envelope.principal, REVEALERS, payload.workerId);
    await this.infra.execute({
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      command: {
        type: 'RevealWorkerPersonalData',
        metadata: this.infra.metadata(envelope, worker.jurisdiction),
        data: { ...payload },
      },
    });
    const clear = await this.vault.read(payload.workerId);
    if (!clear) throw new WorkerNotRegistered({ workerId: payload.workerId });
    const identity = residentIdentity(this.infra.cipher, clear.idNumber, this.infra.clock.now());
    return {
      workerId: payload.workerId,
      idNumber: clear.idNumber,
      name: clear.name,
      phone: clear.phone,
      gender: identity.gender,
      birthDate: identity.birthDate,
    };
  }
}
