// What a caller did wrong with a list: named, with the allowed values, in Chinese and English.
import { defineDomainError } from '@jineng/ddd';

export class UnknownSortError extends defineDomainError<{ sort: string; allowed: string[] }>({
  code: 'LIST.UNKNOWN_SORT',
  category: 'validation',
  zh: (d) => `不能按“${d.sort}”排序，可用：${d.allowed.join('、')}（前加 - 为降序）`,
  en: (d) => `cannot sort by '${d.sort}'; use one of ${d.allowed.join(', ')} (prefix - for descending)`,
}) {}

export class PageSizeTooLargeError extends defineDomainError<{ pageSize: number; max: number }>({
  code: 'LIST.PAGE_SIZE_TOO_LARGE',
  category: 'validation',
  zh: (d) => `每页 ${d.pageSize} 条超过上限 ${d.max}`,
  en: (d) => `a page of ${d.pageSize} exceeds the maximum of ${d.max}`,
}) {}

export class ExportTooLargeError extends defineDomainError<{ rows: number; max: number }>({
  code: 'LIST.EXPORT_TOO_LARGE',
  category: 'validation',
  zh: (d) => `导出 ${d.rows} 行超过直接导出的上限 ${d.max} 行：请缩小筛选范围，或使用导出任务`,
  en: (d) =>
    `${d.rows} rows exceed the direct export limit of ${d.max}: narrow the filters, or use an export job`,
}) {}
