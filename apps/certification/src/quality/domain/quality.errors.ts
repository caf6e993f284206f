import { defineDomainError } from '@jineng/ddd';

export class YearNotOver extends defineDomainError<{ year: number; today: string }>({
  code: 'CERTIFICATION.YEAR_NOT_OVER',
  category: 'illegal_state',
  zh: (d) => `${d.year} 年尚未结束（今天 ${d.today}），年度考评在年末之后进行`,
  en: (d) => `${d.year} is not over (today is ${d.today}): the yearly evaluation follows the year's end`,
}) {}
