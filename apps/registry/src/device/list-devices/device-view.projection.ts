import type { Projection } from '@jineng/event-store';
import type { DeviceEvent } from '../domain/device.events';
import { DeviceViewEntity } from './device-view.entity';

export function deviceViewProjection(): Projection {
  return {
    name: 'device-view',
    entities: [DeviceViewEntity],
    async apply(recorded, manager) {
      const event = { type: recorded.type, data: recorded.data } as unknown as DeviceEvent;
      const repository = manager.getRepository(DeviceViewEntity);
      if (event.type === 'DeviceRegistered.v1') {
        await repository.save({ siteAddress: null, ...event.data, status: 'active' });
      } else if (event.type === 'DeviceRevoked.v1') {
        await repository.update({ deviceId: event.data.deviceId }, { status: 'revoked' });
      }
    },
  };
}
