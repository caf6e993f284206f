// RegisterDevice: a check-in terminal at one of an institution's sites; its serial number is unique.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { institutionFor } from '../../institution/institution-access';
import { claim } from '../../persistence/unique-claims';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { deviceDecider } from '../domain/device.decide';
import { SerialNumberTaken } from '../domain/device.errors';
import { deviceStreamId } from '../domain/device.events';

@Injectable()
export class RegisterDeviceHandler {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.RegisterDevice>): Promise<registryV1.CommandAccepted> {
    const institution = await institutionFor(
      this.infra,
      envelope.principal,
      ['institution', ...OFFICERS],
      payload.institutionId,
    );
    const result = await this.infra.executeWith(
      {
        decider: deviceDecider,
        streamId: deviceStreamId(payload.deviceId),
        command: {
          type: 'RegisterDevice',
          metadata: this.infra.metadata(envelope, institution.jurisdiction),
          data: { ...payload, jurisdiction: institution.jurisdiction, institutionStatus: institution.status },
        },
      },
      async (tx) => {
        const owner = await claim(
          tx,
          this.infra.schema,
          'device-serial',
          payload.serialNumber,
          payload.deviceId,
        );
        if (owner !== payload.deviceId)
          throw new SerialNumberTaken({ serialNumber: payload.serialNumber, deviceId: owner });
      },
    );
    return accepted(payload.deviceId, result);
  }
}
