import type { DomainEvent } from '@jineng/ddd';

export type DeviceKind = 'fingerprint' | 'face';

export type DeviceRegistered = DomainEvent<
  'DeviceRegistered.v1',
  {
    readonly deviceId: string;
    readonly institutionId: string;
    readonly jurisdiction: string;
    readonly serialNumber: string;
    readonly siteName: string;
    readonly siteAddress?: string;
    readonly kind: DeviceKind;
    readonly registeredOn: string;
  }
>;

export type DeviceRevoked = DomainEvent<
  'DeviceRevoked.v1',
  { readonly deviceId: string; readonly institutionId: string; readonly reason: string }
>;

export type DeviceEvent = DeviceRegistered | DeviceRevoked;

export const deviceStreamId = (deviceId: string): string => `device-${deviceId}`;
