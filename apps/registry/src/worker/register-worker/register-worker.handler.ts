// RegisterWorker: an officer registers a worker in a jurisdiction within theirs. The clear ID number,
// name and phone go into the encrypted vault in the same transaction as WorkerRegistered.v1.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { residentIdentity } from '../../personal-data/resident-identity';
import { maskName } from '../../shared/domain/masking';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { workerDecider, type RegisterWorker } from '../domain/worker.decide';
import { workerStreamId } from '../domain/worker.events';
import { WorkerPersonalDataVault } from '../worker-personal-data.vault';

@Injectable()
export class RegisterWorkerHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly infra: RegistryInfrastructure,
    private readonly vault: WorkerPersonalDataVault,
  ) {}

  async handle(request: RpcRequest<registryV1.RegisterWorker>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    authorize(envelope.principal, OFFICERS, { jurisdiction: payload.jurisdiction });
    const identity = residentIdentity(this.infra.cipher, payload.idNumber, this.infra.clock.now());
    const result = await this.commands.run(request, {
      decider: workerDecider,
      streamId: workerStreamId(identity.workerId),
      jurisdiction: payload.jurisdiction,
      command: { type: 'RegisterWorker', data: registerWorkerData(payload, identity) },
      withEvents: (tx, recorded) =>
        this.vault.insert(tx, [
          {
            workerId: identity.workerId,
            idNumberHash: identity.idNumberHash,
            idNumber: identity.residentId.unmasked(),
            name: payload.name,
            phone: payload.phone,
            registeredCommandId: recorded.events[0].metadata.commandId,
          },
        ]),
    });
    return commandAccepted(identity.workerId, result);
  }
}

/** The decider's command data: the identity's hash, masks and facts, and the declared profile. */
export function registerWorkerData(
  payload: registryV1.RegisterWorker,
  identity: ReturnType<typeof residentIdentity>,
): RegisterWorker['data'] {
  return {
    workerId: identity.workerId,
    idNumberHash: identity.idNumberHash,
    idNumberMasked: identity.idNumberMasked,
    idNumberBirthDate: identity.birthDate,
    idNumberGender: identity.gender,
    nameMasked: maskName(payload.name),
    gender: payload.gender,
    birthDate: payload.birthDate,
    jurisdiction: payload.jurisdiction,
    hukouJurisdiction: payload.hukouJurisdiction,
    residenceJurisdiction: payload.residenceJurisdiction,
    education: payload.education,
    category: payload.category,
    keyGroups: payload.keyGroups ?? [],
    ableToWork: payload.ableToWork,
    willingToWork: payload.willingToWork,
    ...(payload.monthlyPensionEntitled === undefined
      ? {}
      : { monthlyPensionEntitled: payload.monthlyPensionEntitled }),
    ...(payload.hardToMoveIntoWork === undefined ? {} : { hardToMoveIntoWork: payload.hardToMoveIntoWork }),
  };
}
