import { defineDomainError } from '@jineng/ddd';

export class RosterFileMissing extends defineDomainError<{ field: string }>({
  code: 'ROSTER.FILE_MISSING',
  category: 'validation',
  zh: (d) => `${d.field}：请提供文件内容（contentBase64）或分片上传编号（uploadId），二者选一`,
  en: (d) =>
    `${d.field}: give the file either inline (contentBase64) or as an upload (uploadId), one of the two`,
}) {}

export class RosterFileUnreadable extends defineDomainError<{
  field: string;
  format: string;
  reason: string;
}>({
  code: 'ROSTER.FILE_UNREADABLE',
  category: 'validation',
  zh: (d) => `${d.field}：无法读取 ${d.format} 文件（${d.reason}）`,
  en: (d) => `${d.field}: the ${d.format} file cannot be read (${d.reason})`,
}) {}

export class RosterColumnsMissing extends defineDomainError<{ field: string; missing: string[] }>({
  code: 'ROSTER.COLUMNS_MISSING',
  category: 'validation',
  zh: (d) => `${d.field}：第 1 行缺少必填列：${d.missing.join('、')}`,
  en: (d) => `${d.field}: the header row lacks required columns: ${d.missing.join(', ')}`,
}) {}

/** A size or count cap of a roster file (413): the file's bytes, its data rows, its zip parts. */
export class RosterTooLarge extends defineDomainError<{
  field: string;
  limit: number;
  actual: number;
  unit: 'bytes' | 'rows' | 'zip_entries';
}>({
  code: 'ROSTER.TOO_LARGE',
  category: 'too_large',
  zh: (d) =>
    d.unit === 'rows'
      ? `${d.field}：数据行超过上限 ${d.limit} 行（读到第 ${d.actual} 个数据行时停止读取）`
      : d.unit === 'zip_entries'
        ? `${d.field}：.xlsx 文件包含超过 ${d.limit} 个部件（读到第 ${d.actual} 个时停止），不是花名册工作簿`
        : `${d.field}：文件 ${d.actual} 字节，超过上限 ${d.limit} 字节`,
  en: (d) =>
    d.unit === 'rows'
      ? `${d.field}: more than the limit of ${d.limit} data rows (stopped reading at data row ${d.actual})`
      : d.unit === 'zip_entries'
        ? `${d.field}: the .xlsx holds more than ${d.limit} parts (stopped at part ${d.actual}): not a roster workbook`
        : `${d.field}: the file's ${d.actual} bytes exceed the limit of ${d.limit} bytes`,
}) {}

/**
 * An .xlsx inflating past the cap on uncompressed bytes (413), counted as it inflates over every part
 * read — the sizes the archive declares are not trusted. Reading stopped there.
 */
export class RosterExpandsTooLarge extends defineDomainError<{
  field: string;
  part: string;
  limit: number;
  inflated: number;
}>({
  code: 'ROSTER.EXPANDS_TOO_LARGE',
  category: 'too_large',
  zh: (d) =>
    `${d.field}：.xlsx 解压后超过上限 ${d.limit} 字节（解压到 ${d.inflated} 字节时在 ${d.part} 中停止）`,
  en: (d) =>
    `${d.field}: the .xlsx inflates past the limit of ${d.limit} bytes (stopped at ${d.inflated} bytes, in ${d.part})`,
}) {}

/** A zip part inflating far more than files do (413): the mark of a zip bomb. Reading stopped there. */
export class RosterCompressionRatioTooHigh extends defineDomainError<{
  field: string;
  part: string;
  limit: number;
  ratio: number;
  inflated: number;
}>({
  code: 'ROSTER.COMPRESSION_RATIO_TOO_HIGH',
  category: 'too_large',
  zh: (d) =>
    `${d.field}：${d.part} 的压缩比 ${d.ratio}:1 超过上限 ${d.limit}:1（疑似压缩炸弹，解压到 ${d.inflated} 字节时停止）`,
  en: (d) =>
    `${d.field}: ${d.part} inflates ${d.ratio} times its compressed size, more than the limit of ${d.limit} (a zip bomb? stopped at ${d.inflated} bytes)`,
}) {}

/** Too many roster imports at once (429), for this user or in this registry process: retry later. */
export class RosterImportsBusy extends defineDomainError<{
  scope: 'user' | 'registry';
  limit: number;
  retryAfterSeconds: number;
}>({
  code: 'ROSTER.TOO_MANY_IMPORTS',
  category: 'rate_limited',
  zh: (d) =>
    d.scope === 'user'
      ? `您已有 ${d.limit} 个花名册导入正在进行（上限 ${d.limit} 个），请待其完成后再试（约 ${d.retryAfterSeconds} 秒）`
      : `注册服务正在进行 ${d.limit} 个花名册导入（上限 ${d.limit} 个），请约 ${d.retryAfterSeconds} 秒后再试`,
  en: (d) =>
    d.scope === 'user'
      ? `you already have ${d.limit} roster import(s) running, the limit of ${d.limit}: retry when done (about ${d.retryAfterSeconds} s)`
      : `the registry is running ${d.limit} roster imports, its limit of ${d.limit}: retry in about ${d.retryAfterSeconds} s`,
}) {}

export class RosterUploadIncomplete extends defineDomainError<{
  uploadId: string;
  received: number;
  expected: number;
}>({
  code: 'ROSTER.UPLOAD_INCOMPLETE',
  category: 'illegal_state',
  zh: (d) => `分片上传 ${d.uploadId} 只收到 ${d.received}/${d.expected} 片`,
  en: (d) => `upload ${d.uploadId} has ${d.received} of ${d.expected} parts`,
}) {}

export class RosterUploadNotYours extends defineDomainError<{ uploadId: string }>({
  code: 'ROSTER.UPLOAD_NOT_YOURS',
  category: 'forbidden',
  zh: (d) => `分片上传 ${d.uploadId} 由其他用户发起`,
  en: (d) => `upload ${d.uploadId} was started by another user`,
}) {}

export class RosterPartCountMismatch extends defineDomainError<{
  field: string;
  expected: number;
  actual: number;
}>({
  code: 'ROSTER.PART_COUNT_MISMATCH',
  category: 'validation',
  zh: (d) => `${d.field}：本次上传共 ${d.expected} 片，而不是 ${d.actual} 片`,
  en: (d) => `${d.field}: this upload has ${d.expected} parts, not ${d.actual}`,
}) {}

export class RosterImportNotFound extends defineDomainError<{ importId: string }>({
  code: 'ROSTER.IMPORT_NOT_FOUND',
  category: 'not_found',
  zh: (d) => `花名册导入 ${d.importId} 不存在`,
  en: (d) => `there is no roster import ${d.importId}`,
}) {}
