// RevokeDevice: a terminal no longer accepted for check-ins (lost, replaced, misused).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { deviceDecider } from '../domain/device.decide';
import { DeviceNotFound } from '../domain/device.errors';
import { deviceStreamId } from '../domain/device.events';

@Injectable()
export class RevokeDeviceHandler {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.RevokeDevice>): Promise<registryV1.CommandAccepted> {
    const streamId = deviceStreamId(payload.deviceId);
    const device = await this.infra.load(deviceDecider, streamId);
    if (device.status === 'none') throw new DeviceNotFound({ deviceId: payload.deviceId });
    authorize(envelope.principal, ['institution', ...OFFICERS], {
      jurisdiction: device.jurisdiction,
      institutionId: device.institutionId,
    });
    const result = await this.infra.execute({
      decider: deviceDecider,
      streamId,
      command: {
        type: 'RevokeDevice',
        metadata: this.infra.metadata(envelope, device.jurisdiction),
        data: { ...payload },
      },
    });
    return accepted(payload.deviceId, result);
  }
}
