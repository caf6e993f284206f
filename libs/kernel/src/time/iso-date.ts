import { KernelError, quote } from '../kernel-error';

/**
 * A calendar date 'YYYY-MM-DD' (years 0001–9999). Business dates are Asia/Shanghai calendar days
 * (ARCHITECTURE §6); as strings they carry no time zone, so nothing can shift them by a day.
 */
export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export class InvalidDateError extends KernelError {
  constructor(readonly input: unknown) {
    super(
      'DATE.INVALID',
      `${quote(input)} 不是有效日期：应为 YYYY-MM-DD 格式的真实日期`,
      `${quote(input)} is not a valid date: expected a real calendar date as YYYY-MM-DD`,
    );
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** The parts of a real date, or undefined for anything else (bad format, 2025-02-30, month 13, year 0). */
export function parseIsoDate(input: unknown): CalendarDate | undefined {
  if (typeof input !== 'string') return undefined;
  const m = ISO_DATE.exec(input);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export const isIsoDate = (input: unknown): input is IsoDate => parseIsoDate(input) !== undefined;

export function requireIsoDate(input: unknown): CalendarDate {
  const date = parseIsoDate(input);
  if (!date) throw new InvalidDateError(input);
  return date;
}

export const formatIsoDate = ({ year, month, day }: CalendarDate): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Days since 1970-01-01, counted on UTC midnights so no local zone or DST can add or drop a day.
 * setUTCFullYear rather than Date.UTC, which maps years 0–99 to 1900–1999.
 */
export function toDayNumber({ year, month, day }: CalendarDate): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export const dayOfWeekOfDayNumber = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday

export const dayOfWeek = (date: IsoDate): number => dayOfWeekOfDayNumber(toDayNumber(requireIsoDate(date)));

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw new KernelError('DATE.INVALID_DAYS', `天数必须是整数：${days}`, `days must be an integer: ${days}`);
  }
  const result = fromDayNumber(toDayNumber(requireIsoDate(date)) + days);
  if (result.year < 1 || result.year > 9999) throw new InvalidDateError(`${date} + ${days} days`);
  return formatIsoDate(result);
}

/** `to` minus `from` in calendar days (negative when `to` is earlier). */
export const calendarDaysBetween = (from: IsoDate, to: IsoDate): number =>
  toDayNumber(requireIsoDate(to)) - toDayNumber(requireIsoDate(from));
