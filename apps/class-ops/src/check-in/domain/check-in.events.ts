// The facts of a check-in (proto/jineng/class_ops/v1/check_ins.proto): each attempt is a stream of its
// own, `check-in-<checkInId>`, whose id derives from the device and the device's own event id (ADR 0008).
import type { classOpsV1 } from '@jineng/contracts';
import { uuidV5, type DomainEvent } from '@jineng/ddd';
import type { JsonData } from '../../class/domain/class.events';

export type CheckInRecorded = DomainEvent<'CheckInRecorded.v1', JsonData<classOpsV1.CheckInRecorded>>;
export type CheckInRejected = DomainEvent<'CheckInRejected.v1', JsonData<classOpsV1.CheckInRejected>>;
export type CheckInEvent = CheckInRecorded | CheckInRejected;

/** A namespace of its own for check-in ids (uuid v5 of `<deviceId>:<deviceEventId>`). */
const CHECK_IN_NAMESPACE = '6f1f4b5e-2c8a-4d7e-9a3b-0c1d2e3f4a5b';

export const checkInIdOf = (deviceId: string, deviceEventId: string): string =>
  uuidV5(CHECK_IN_NAMESPACE, `${deviceId.toLowerCase()}:${deviceEventId}`);

export const checkInStreamId = (checkInId: string): string => `check-in-${checkInId}`;
