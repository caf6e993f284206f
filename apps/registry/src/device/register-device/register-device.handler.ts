// RegisterDevice: a check-in terminal at one of an institution's sites; its serial number is unique.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { institutionFor } from '../../institution/institution-access';
import { claim } from '../../persistence/unique-claims';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { deviceDecider } from '../domain/device.decide';
import { SerialNumberTaken } from '../domain/device.errors';
import { deviceStreamId } from '../domain/device.events';

@Injectable()
export class RegisterDeviceHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly infra: RegistryInfrastructure,
  ) {}

  async handle(request: RpcRequest<registryV1.RegisterDevice>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const institution = await institutionFor(
      this.commands,
      envelope.principal,
      ['institution', ...OFFICERS],
      payload.institutionId,
    );
    const result = await this.commands.run(request, {
      decider: deviceDecider,
      streamId: deviceStreamId(payload.deviceId),
      jurisdiction: institution.jurisdiction,
      command: {
        type: 'RegisterDevice',
        data: { ...payload, jurisdiction: institution.jurisdiction, institutionStatus: institution.status },
      },
      withEvents: async (tx) => {
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
    });
    return commandAccepted(payload.deviceId, result);
  }
}
