// Check-in terminals (fingerprint or face) of an institution's sites: class-ops accepts check-ins only
// from registered, unrevoked devices (DOMAIN §3).
import type { Command, Decider } from '@jineng/ddd';
import { todayOf } from '../../shared/domain/dates';
import {
  DeviceAlreadyRegistered,
  DeviceAlreadyRevoked,
  DeviceNotFound,
  InstitutionNotActive,
} from './device.errors';
import type { DeviceEvent, DeviceRegistered } from './device.events';
import { evolveDevice, initialDeviceState, type DeviceState } from './device.state';

export type RegisterDevice = Command<
  'RegisterDevice',
  Omit<DeviceRegistered['data'], 'registeredOn'> & {
    /** the owning institution's status, as the handler found it */
    readonly institutionStatus: string;
  }
>;
export type RevokeDevice = Command<'RevokeDevice', { readonly deviceId: string; readonly reason: string }>;
export type DeviceCommand = RegisterDevice | RevokeDevice;

const ACTIVE_INSTITUTION = ['applied', 'listed', 'suspended'];

export function decideDevice(command: DeviceCommand, state: DeviceState): DeviceEvent[] {
  if (command.type === 'RegisterDevice') {
    const { institutionStatus, ...d } = command.data;
    if (!ACTIVE_INSTITUTION.includes(institutionStatus))
      throw new InstitutionNotActive({ institutionId: d.institutionId, status: institutionStatus });
    if (state.status !== 'none') throw new DeviceAlreadyRegistered({ deviceId: d.deviceId });
    return [{ type: 'DeviceRegistered.v1', data: { ...d, registeredOn: todayOf(command.metadata) } }];
  }
  if (state.status === 'none') throw new DeviceNotFound({ deviceId: command.data.deviceId });
  if (state.status === 'revoked') throw new DeviceAlreadyRevoked({ deviceId: state.deviceId });
  return [
    {
      type: 'DeviceRevoked.v1',
      data: { deviceId: state.deviceId, institutionId: state.institutionId, reason: command.data.reason },
    },
  ];
}

export const deviceDecider: Decider<DeviceCommand, DeviceState, DeviceEvent> = {
  initialState: initialDeviceState,
  decide: decideDevice,
  evolve: evolveDevice,
};
