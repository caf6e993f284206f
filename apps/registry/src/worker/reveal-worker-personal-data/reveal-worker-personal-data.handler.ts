// RevealWorkerPersonalData: an authorised officer's explicit look at a worker's clear personal data.
// Each look is a fact of its own: WorkerPersonalDataRevealed.v1 (who, whom, why) is committed first —
// also when the same request comes again under the same command id — and only then is it answered.
import type { registryV1 } from '@jineng/contracts';
import type { Role, RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
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
    private readonly commands: CommandRunner,
    private readonly infra: RegistryInfrastructure,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle(
    request: RpcRequest<registryV1.RevealWorkerPersonalData>,
  ): Promise<registryV1.WorkerPersonalData> {
    const { envelope, payload } = request;
    const worker = await workerFor(this.commands, envelope.principal, REVEALERS, payload.workerId);
    const disclosed = await this.commands.run(request, {
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      jurisdiction: worker.jurisdiction,
      command: { type: 'RevealWorkerPersonalData', data: { ...payload } },
      // a disclosure is a new fact every time: a repeat is recorded again, never answered from before
      onRepeat: 'record',
    });
    const recorded = disclosed.events.some((event) => event.type === 'WorkerPersonalDataRevealed.v1');
    if (disclosed.idempotent || !recorded)
      throw new Error(`disclosure of worker ${payload.workerId} was not recorded: nothing is answered`);
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
