// The typed refusals of the bounded sheet reader: a file past a cap (413) or one that cannot be read
// (400). A service that reads sheets may report them as they are, or translate them into its own codes
// (the registry's roster import keeps its ROSTER.* codes) — the details have the same shape.
import { defineDomainError } from '@jineng/ddd';

/** A size or count cap of a sheet file (413): the file's bytes, its data rows, its zip parts. */
export class SheetTooLarge extends defineDomainError<{
  field: string;
  limit: number;
  actual: number;
  unit: 'bytes' | 'rows' | 'zip_entries';
}>({
  code: 'SHEET.TOO_LARGE',
  category: 'too_large',
  zh: (d) =>
    d.unit === 'rows'
      ? `${d.field}：数据行超过上限 ${d.limit} 行（读到第 ${d.actual} 个数据行时停止读取）`
      : d.unit === 'zip_entries'
        ? `${d.field}：.xlsx 文件包含超过 ${d.limit} 个部件（读到第 ${d.actual} 个时停止），不是一般的工作簿`
        : `${d.field}：文件 ${d.actual} 字节，超过上限 ${d.limit} 字节`,
  en: (d) =>
    d.unit === 'rows'
      ? `${d.field}: more than the limit of ${d.limit} data rows (stopped reading at data row ${d.actual})`
      : d.unit === 'zip_entries'
        ? `${d.field}: the .xlsx holds more than ${d.limit} parts (stopped at part ${d.actual}): not a plain workbook`
        : `${d.field}: the file's ${d.actual} bytes exceed the limit of ${d.limit} bytes`,
}) {}

/** An .xlsx inflating past the cap on uncompressed bytes (413), counted as it inflates. */
export class SheetExpandsTooLarge extends defineDomainError<{
  field: string;
  part: string;
  limit: number;
  inflated: number;
}>({
  code: 'SHEET.EXPANDS_TOO_LARGE',
  category: 'too_large',
  zh: (d) =>
    `${d.field}：.xlsx 解压后超过上限 ${d.limit} 字节（解压到 ${d.inflated} 字节时在 ${d.part} 中停止）`,
  en: (d) =>
    `${d.field}: the .xlsx inflates past the limit of ${d.limit} bytes (stopped at ${d.inflated} bytes, in ${d.part})`,
}) {}

/** A zip part inflating far more than files do (413): the mark of a zip bomb. */
export class SheetCompressionRatioTooHigh extends defineDomainError<{
  field: string;
  part: string;
  limit: number;
  ratio: number;
  inflated: number;
}>({
  code: 'SHEET.COMPRESSION_RATIO_TOO_HIGH',
  category: 'too_large',
  zh: (d) =>
    `${d.field}：${d.part} 的压缩比 ${d.ratio}:1 超过上限 ${d.limit}:1（疑似压缩炸弹，解压到 ${d.inflated} 字节时停止）`,
  en: (d) =>
    `${d.field}: ${d.part} inflates ${d.ratio} times its compressed size, more than the limit of ${d.limit} (a zip bomb? stopped at ${d.inflated} bytes)`,
}) {}

export class SheetFileUnreadable extends defineDomainError<{
  field: string;
  format: string;
  reason: string;
}>({
  code: 'SHEET.FILE_UNREADABLE',
  category: 'validation',
  zh: (d) => `${d.field}：无法读取 ${d.format} 文件（${d.reason}）`,
  en: (d) => `${d.field}: the ${d.format} file cannot be read (${d.reason})`,
}) {}
