import { DeciderSpecification } from '@jineng/testing';
import { expectEventsMatchContracts, metadataAt } from '../../testing/registry.fixture';
import { deviceDecider, type DeviceCommand } from './device.decide';
import {
  DeviceAlreadyRegistered,
  DeviceAlreadyRevoked,
  DeviceNotFound,
  InstitutionNotActive,
} from './device.errors';
import type { DeviceRegistered } from './device.events';

const spec = DeciderSpecification.for(deviceDecider);
const deviceId = '6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817';
const institutionId = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const device = {
  deviceId,
  institutionId,
  jurisdiction: '140802',
  serialNumber: 'FACE-1',
  siteName: '实训基地',
  kind: 'face' as const,
};
const command = <C extends DeviceCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata: metadataAt() }) as C;
const registered: DeviceRegistered = {
  type: 'DeviceRegistered.v1',
  data: { ...device, registeredOn: '2026-03-02' },
};

it('registers a terminal of an active institution, once, and revokes it once', () => {
  spec
    .given()
    .when(command('RegisterDevice', { ...device, institutionStatus: 'listed' }))
    .then(registered);
  spec
    .given(registered)
    .when(command('RegisterDevice', { ...device, institutionStatus: 'listed' }))
    .thenThrows(DeviceAlreadyRegistered);
  const revoked = {
    type: 'DeviceRevoked.v1',
    data: { deviceId, institutionId, reason: '设备丢失' },
  } as const;
  spec
    .given(registered)
    .when(command('RevokeDevice', { deviceId, reason: '设备丢失' }))
    .then(revoked);
  spec
    .given(registered, revoked)
    .when(command('RevokeDevice', { deviceId, reason: 'x' }))
    .thenThrows(DeviceAlreadyRevoked);
  spec
    .given()
    .when(command('RevokeDevice', { deviceId, reason: 'x' }))
    .thenThrows(DeviceNotFound);
  expectEventsMatchContracts([registered, revoked]);
});

it('refuses a terminal for a delisted institution', () => {
  spec
    .given()
    .when(command('RegisterDevice', { ...device, institutionStatus: 'delisted' }))
    .thenThrows(InstitutionNotActive, (e) => e.details.status === 'delisted');
});
