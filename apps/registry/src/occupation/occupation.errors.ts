import { defineDomainError } from '@jineng/ddd';

export class OccupationNotFound extends defineDomainError<{ code: string }>({
  code: 'OCCUPATION.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `职业目录中没有代码 ${d.code}`,
  en: (d) => `the occupation catalogue has no code ${d.code}`,
}) {}
