import type { DeviceEvent } from './device.events';

export type DeviceState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'revoked';
      readonly deviceId: string;
      readonly institutionId: string;
      readonly jurisdiction: string;
    };

export const initialDeviceState = (): DeviceState => ({ status: 'none' });

export function evolveDevice(state: DeviceState, event: DeviceEvent): DeviceState {
  if (event.type === 'DeviceRegistered.v1') {
    const { deviceId, institutionId, jurisdiction } = event.data;
    return { status: 'active', deviceId, institutionId, jurisdiction };
  }
  return state.status === 'none' ? state : { ...state, status: 'revoked' };
}
