// Input rules every aggregate of the registry shares: codes must be in the catalogues. Validation
// errors name the field, so the answer is a 400 that says which field and why.
import { defineDomainError } from '@jineng/ddd';

export class UnknownJurisdiction extends defineDomainError<{ field: string; code: string }>({
  code: 'REGISTRY.UNKNOWN_JURISDICTION',
  category: 'validation',
  zh: (d) => `${d.field}：行政区划代码 ${d.code} 不存在`,
  en: (d) => `${d.field}: there is no jurisdiction with code ${d.code}`,
}) {}

export class UnknownOccupation extends defineDomainError<{ field: string; code: string }>({
  code: 'REGISTRY.UNKNOWN_OCCUPATION',
  category: 'validation',
  zh: (d) => `${d.field}：职业（工种）代码 ${d.code} 不在职业目录中`,
  en: (d) => `${d.field}: occupation code ${d.code} is not in the occupation catalogue`,
}) {}

export class LevelNotOffered extends defineDomainError<{
  field: string;
  code: string;
  level: number;
  offered: number[];
}>({
  code: 'REGISTRY.LEVEL_NOT_OFFERED',
  category: 'validation',
  zh: (d) => `${d.field}：职业 ${d.code} 不设 ${d.level} 级（可选：${d.offered.join('、')} 级）`,
  en: (d) => `${d.field}: occupation ${d.code} has no level ${d.level} (offered: ${d.offered.join(', ')})`,
}) {}

export class DateInFuture extends defineDomainError<{ field: string; date: string; today: string }>({
  code: 'REGISTRY.DATE_IN_FUTURE',
  category: 'validation',
  zh: (d) => `${d.field}：日期 ${d.date} 晚于今天（${d.today}）`,
  en: (d) => `${d.field}: ${d.date} is after today (${d.today})`,
}) {}
