// RevokeDevice: a terminal no longer accepted for check-ins (lost, replaced, misused).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { deviceDecider } from '../domain/device.decide';
import { DeviceNotFound } from '../domain/device.errors';
import { deviceStreamId } from '../domain/device.events';

@Injectable()
export class RevokeDeviceHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<registryV1.RevokeDevice>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const streamId = deviceStreamId(payload.deviceId);
    const device = await this.commands.load(deviceDecider, streamId);
    if (device.status === 'none') throw new DeviceNotFound({ deviceId: payload.deviceId });
    authorize(envelope.principal, ['institution', ...OFFICERS], {
      jurisdiction: device.jurisdiction,
      institutionId: device.institutionId,
    });
    const result = await this.commands.run(request, {
      decider: deviceDecider,
      streamId,
      jurisdiction: device.jurisdiction,
      command: {
        type: 'RevokeDevice',
        data: { ...payload },
      },
    });
    return commandAccepted(payload.deviceId, result);
  }
}
