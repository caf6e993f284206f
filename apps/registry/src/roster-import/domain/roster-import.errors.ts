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

export class RosterTooLarge extends defineDomainError<{
  field: string;
  limit: number;
  actual: number;
  unit: string;
}>({
  code: 'ROSTER.TOO_LARGE',
  category: 'validation',
  zh: (d) => `${d.field}：${d.actual} ${d.unit === 'rows' ? '行' : '字节'}超过上限 ${d.limit}`,
  en: (d) => `${d.field}: ${d.actual} ${d.unit} exceed the limit of ${d.limit}`,
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
