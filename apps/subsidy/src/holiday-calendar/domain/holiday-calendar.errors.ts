// The rules of publishing the holiday calendar, with stable codes and the values involved.
import { defineDomainError } from '@jineng/ddd';

export class CalendarAdminRequired extends defineDomainError<{ roles: string[] }>({
  code: 'CALENDAR.ADMIN_ROLE_REQUIRED',
  category: 'forbidden',
  zh: (d) => `只有管理员可以发布节假日安排（当前角色：${d.roles.join('、')}）`,
  en: (d) => `only an admin may publish a holiday arrangement (roles: ${d.roles.join(', ')})`,
}) {}

export class ProvinceAdminRequired extends defineDomainError<{
  actorJurisdiction: string;
  scope: string;
}>({
  code: 'CALENDAR.PROVINCE_ADMIN_REQUIRED',
  category: 'forbidden',
  zh: (d) =>
    d.scope === 'national'
      ? `全国节假日安排须由省级管理员发布，您的辖区为 ${d.actorJurisdiction}`
      : `${d.scope} 的节假日安排须由该省的管理员发布，您的辖区为 ${d.actorJurisdiction}`,
  en: (d) =>
    d.scope === 'national'
      ? `the national holiday arrangement is published by a province-level admin; your jurisdiction is ${d.actorJurisdiction}`
      : `the holiday arrangement of ${d.scope} is published by an admin of that province; your jurisdiction is ${d.actorJurisdiction}`,
}) {}

export class NotAProvince extends defineDomainError<{ province: string }>({
  code: 'CALENDAR.NOT_A_PROVINCE',
  category: 'validation',
  zh: (d) => `${d.province} 不是省级行政区划代码（应为 XX0000）`,
  en: (d) => `${d.province} is not a province's code (XX0000)`,
}) {}

export class InvalidHolidayArrangement extends defineDomainError<{
  year: number;
  reason: string;
  reasonEn: string;
}>({
  code: 'CALENDAR.INVALID_ARRANGEMENT',
  category: 'validation',
  zh: (d) => `${d.year} 年的节假日安排有误：${d.reason}`,
  en: (d) => `the holiday arrangement of ${d.year} is invalid: ${d.reasonEn}`,
}) {}

export class CorrectionReasonRequired extends defineDomainError<{
  year: number;
  corrects: 'package' | 'publication';
  revision: number;
}>({
  code: 'CALENDAR.CORRECTION_REASON_REQUIRED',
  category: 'validation',
  zh: (d) =>
    `${d.year} 年的节假日安排已${d.corrects === 'package' ? '由 chinese-days 数据包提供' : `发布（第 ${d.revision} 版）`}，更正须填写原因（correctionReason）`,
  en: (d) =>
    `the holiday arrangement of ${d.year} is already ${d.corrects === 'package' ? 'in the chinese-days package' : `published (revision ${d.revision})`}: correcting it needs a reason (correctionReason)`,
}) {}
