// The formats a contract field may have (the proto Format option becomes the JSON Schema `format`),
// each able to say in Chinese and English why a value lacks it. Resident ID numbers, credit codes and
// jurisdictions are checked by @jineng/kernel, the one place that knows those standards.
import {
  CreditCode,
  isIsoDate,
  isUuid,
  JurisdictionCode,
  ResidentId,
  shanghaiToday,
  systemClock,
  type Reason,
} from '@jineng/kernel';

export interface FormatReason {
  readonly zh: string;
  readonly en: string;
}

export interface Format {
  /** the JSON type the format applies to; other types are the `type` keyword's business */
  readonly type: 'string' | 'number';
  problem(value: string | number): FormatReason | undefined;
}

const fromKernel = (result: { ok: true } | { ok: false; reason: Reason }): FormatReason | undefined =>
  result.ok ? undefined : { zh: result.reason.messageZh, en: result.reason.messageEn };

// ISO 8601 with seconds and an offset, as libs/ddd accepts for command times
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m || !isIsoDate(m[1])) return false;
  const [hour, minute, second] = [m[2], m[3], m[4]].map(Number);
  const [offsetHours, offsetMinutes] = [m[7], m[8]].map((part) => Number(part ?? 0));
  return hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
}

export const FORMATS: Readonly<Record<string, Format>> = {
  uuid: {
    type: 'string',
    problem: (value) =>
      isUuid(value)
        ? undefined
        : {
            zh: '应为 UUID，如 7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00',
            en: 'must be a UUID such as 7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00',
          },
  },
  date: {
    type: 'string',
    problem: (value) =>
      isIsoDate(value)
        ? undefined
        : { zh: '应为 YYYY-MM-DD 格式的真实日期', en: 'must be a real calendar date as YYYY-MM-DD' },
  },
  'date-time': {
    type: 'string',
    problem: (value) =>
      isDateTime(String(value))
        ? undefined
        : {
            zh: '应为带时区偏移的 ISO 8601 时间，如 2025-03-01T09:30:00+08:00',
            en: 'must be an ISO 8601 date and time with an offset, such as 2025-03-01T09:30:00+08:00',
          },
  },
  jurisdiction: { type: 'string', problem: (value) => fromKernel(JurisdictionCode.parse(String(value))) },
  // the birth date may not be after today (Asia/Shanghai): a number valid once stays valid
  'resident-id': {
    type: 'string',
    problem: (value) => fromKernel(ResidentId.parse(String(value), shanghaiToday(systemClock))),
  },
  'credit-code': { type: 'string', problem: (value) => fromKernel(CreditCode.parse(String(value))) },
  // the schema also says integer, 0 ≤ fen ≤ 2^53 − 1; this keeps the format meaningful on its own
  'money-fen': {
    type: 'number',
    problem: (value) =>
      Number.isSafeInteger(value) && Number(value) >= 0
        ? undefined
        : { zh: '应为不小于 0 的整数金额（单位：分）', en: 'must be a non-negative whole number of fen' },
  },
  // a deduction line's amount: whole fen, negative allowed
  'signed-money-fen': {
    type: 'number',
    problem: (value) =>
      Number.isSafeInteger(value)
        ? undefined
        : { zh: '应为整数金额（单位：分，可为负数）', en: 'must be a whole number of fen (may be negative)' },
  },
};

/** Why `value` does not have `format`, or undefined when it does (or when the format is not ours). */
export function formatProblem(format: string, value: unknown): FormatReason | undefined {
  const known = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (!known || typeof value !== known.type) return undefined;
  return known.problem(value as string | number);
}
