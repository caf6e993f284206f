import { defineDomainError } from '@jineng/ddd';

export class DeviceAlreadyRegistered extends defineDomainError<{ deviceId: string }>({
  code: 'DEVICE.ALREADY_REGISTERED',
  category: 'illegal_state',
  zh: (d) => `签到设备 ${d.deviceId} 已登记`,
  en: (d) => `check-in device ${d.deviceId} is already registered`,
}) {}

export class DeviceNotFound extends defineDomainError<{ deviceId: string }>({
  code: 'DEVICE.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `签到设备 ${d.deviceId} 不存在`,
  en: (d) => `there is no check-in device ${d.deviceId}`,
}) {}

export class DeviceAlreadyRevoked extends defineDomainError<{ deviceId: string }>({
  code: 'DEVICE.ALREADY_REVOKED',
  category: 'illegal_state',
  zh: (d) => `签到设备 ${d.deviceId} 已注销`,
  en: (d) => `check-in device ${d.deviceId} is already revoked`,
}) {}

/** Devices belong to institutions that are in (or applying to) the directory. */
export class InstitutionNotActive extends defineDomainError<{ institutionId: string; status: string }>({
  code: 'DEVICE.INSTITUTION_NOT_ACTIVE',
  category: 'illegal_state',
  zh: (d) => `培训机构 ${d.institutionId} 状态为 ${d.status}，不能登记签到设备`,
  en: (d) => `institution ${d.institutionId} is ${d.status}: it cannot register check-in devices`,
}) {}

export class SerialNumberTaken extends defineDomainError<{ serialNumber: string; deviceId: string }>({
  code: 'DEVICE.SERIAL_NUMBER_TAKEN',
  category: 'illegal_state',
  zh: (d) => `设备序列号 ${d.serialNumber} 已由设备 ${d.deviceId} 登记`,
  en: (d) => `serial number ${d.serialNumber} is already registered for device ${d.deviceId}`,
}) {}
