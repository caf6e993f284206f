import { defineDomainError } from '@jineng/ddd';

export class RoleNotAllowed extends defineDomainError<{ allowed: string[]; roles: string[] }>({
  code: 'CERTIFICATION.ROLE_NOT_ALLOWED',
  category: 'forbidden',
  zh: (d) => `需要以下角色之一：${d.allowed.join('、')}（当前：${d.roles.join('、')}）`,
  en: (d) => `one of these roles is needed: ${d.allowed.join(', ')} (you have: ${d.roles.join(', ')})`,
}) {}

export class ForeignJurisdiction extends defineDomainError<{ target: string; own: string }>({
  code: 'CERTIFICATION.FOREIGN_JURISDICTION',
  category: 'forbidden',
  zh: (d) => `记录属于行政区划 ${d.target}，不在您的管辖范围 ${d.own} 内`,
  en: (d) => `the record belongs to jurisdiction ${d.target}, outside yours (${d.own})`,
}) {}

export class ForeignInstitution extends defineDomainError<{ target: string }>({
  code: 'CERTIFICATION.FOREIGN_INSTITUTION',
  category: 'forbidden',
  zh: (d) => `只能操作本机构的记录（目标：${d.target}）`,
  en: (d) => `you may act only on your own institution's records (target: ${d.target})`,
}) {}
