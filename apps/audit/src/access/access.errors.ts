import { defineDomainError } from '@jineng/ddd';

export class RoleNotAllowed extends defineDomainError<{ allowed: string[]; roles: string[] }>({
  code: 'AUDIT.ROLE_NOT_ALLOWED',
  category: 'forbidden',
  zh: (d) => `需要以下角色之一：${d.allowed.join('、')}（当前：${d.roles.join('、')}）`,
  en: (d) => `one of these roles is needed: ${d.allowed.join(', ')} (you have: ${d.roles.join(', ')})`,
}) {}

export class ForeignJurisdiction extends defineDomainError<{ target: string; own: string }>({
  code: 'AUDIT.FOREIGN_JURISDICTION',
  category: 'forbidden',
  zh: (d) => `行政区划 ${d.target} 不在您的管辖范围 ${d.own} 内`,
  en: (d) => `jurisdiction ${d.target} is outside yours (${d.own})`,
}) {}
