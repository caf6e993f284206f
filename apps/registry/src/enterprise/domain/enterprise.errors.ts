import { defineDomainError } from '@jineng/ddd';

export class EnterpriseAlreadyRegistered extends defineDomainError<{ enterpriseId: string }>({
  code: 'ENTERPRISE.ALREADY_REGISTERED',
  category: 'illegal_state',
  zh: (d) => `企业 ${d.enterpriseId} 已登记`,
  en: (d) => `enterprise ${d.enterpriseId} is already registered`,
}) {}

export class EnterpriseNotFound extends defineDomainError<{ enterpriseId: string }>({
  code: 'ENTERPRISE.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `企业 ${d.enterpriseId} 不存在`,
  en: (d) => `there is no enterprise ${d.enterpriseId}`,
}) {}

export class MicroMustBeSmall extends defineDomainError<{ field: string }>({
  code: 'ENTERPRISE.MICRO_MUST_BE_SMALL',
  category: 'validation',
  zh: (d) => `${d.field}：微型企业也属于小微企业，small 应为 true`,
  en: (d) => `${d.field}: a micro enterprise is also small; set small to true`,
}) {}
