import { KernelError } from '../kernel-error';
import {
  dayOfWeekOfDayNumber,
  formatIsoDate,
  fromDayNumber,
  parseIsoDate,
  requireIsoDate,
  toDayNumber,
  type CalendarDate,
  type IsoDate,
} from '../time/iso-date';
import { loadNationalArrangements, type YearArrangement } from './national-calendar-data';
import { CalendarCoverageError, InvalidCalendarSupplementError } from './working-day-calendar.errors';

/** A jurisdiction-supplied arrangement for one whole year, replacing whatever the national data says. */
export interface CalendarSupplement {
  readonly year: number;
  /** Days off (weekend days inside a holiday period may be listed or not: they are off anyway). */
  readonly holidays: readonly IsoDate[];
  /** Saturdays or Sundays worked in exchange for a holiday. */
  readonly makeUpWorkdays: readonly IsoDate[];
}

/** The years, inclusive, for which the calendar knows the holiday arrangement. */
export interface CalendarCoverage {
  readonly fromYear: number;
  readonly toYear: number;
}

const isWeekend = (dayNumber: number) => [0, 6].includes(dayOfWeekOfDayNumber(dayNumber));

let nationalCalendar: WorkingDayCalendar | undefined;

/**
 * Chinese working days: Monday to Friday, except official holidays, plus make-up working days
 * (调休上班). All dates are Asia/Shanghai calendar dates 'YYYY-MM-DD'.
 *
 * Coverage rule: the calendar answers only for years whose arrangement it knows — the years present
 * in the `chinese-days` data (read from the data, not hard-coded) plus any supplied year. Every other
 * date throws CalendarCoverageError instead of being guessed from the day of the week, because the
 * holidays of a year are known only once the State Council publishes them.
 */
export class WorkingDayCalendar {
  private constructor(
    private readonly years: ReadonlyMap<number, YearArrangement>,
    private readonly range: CalendarCoverage,
  ) {
    Object.freeze(this);
  }

  /** The national calendar published by the State Council, as carried by `chinese-days`. */
  static national(): WorkingDayCalendar {
    nationalCalendar ??= WorkingDayCalendar.over(loadNationalArrangements());
    return nationalCalendar;
  }

  /**
   * The national calendar with whole years supplied by a jurisdiction: for a year beyond the national
   * data (not yet published by the package), or for a year with local holidays (e.g. 广西 壮族三月三).
   * A supplied year uses exactly its holidays and make-up working days plus weekends. Supplied years
   * must extend the national range without a gap, so that coverage stays one span of years.
   */
  static withSupplement(...supplements: readonly CalendarSupplement[]): WorkingDayCalendar {
    const years = new Map(WorkingDayCalendar.national().years);
    const supplied = new Set<number>();
    for (const supplement of supplements) {
      const arrangement = checkSupplement(supplement);
      if (supplied.has(supplement.year)) {
        throw new InvalidCalendarSupplementError(
          `${supplement.year} 年提供了两次`,
          `year ${supplement.year} is supplied twice`,
        );
      }
      supplied.add(supplement.year);
      years.set(supplement.year, arrangement);
    }
    return WorkingDayCalendar.over(years);
  }

  private static over(years: ReadonlyMap<number, YearArrangement>): WorkingDayCalendar {
    const sorted = [...years.keys()].sort((a, b) => a - b);
    const gap = sorted.findIndex((year, i) => i > 0 && year !== sorted[i - 1] + 1);
    if (gap > 0) {
      const [from, to] = [sorted[gap - 1] + 1, sorted[gap] - 1];
      const missing = from === to ? `${from}` : `${from}–${to}`;
      throw new InvalidCalendarSupplementError(
        `覆盖范围不连续，缺少 ${missing} 年`,
        `the covered years would have a gap: ${missing} missing`,
      );
    }
    if (sorted.length === 0) throw new Error('the working-day calendar has no data at all');
    return new WorkingDayCalendar(
      years,
      Object.freeze({ fromYear: sorted[0], toYear: sorted[sorted.length - 1] }),
    );
  }

  coverage(): CalendarCoverage {
    return this.range;
  }

  /** Whether the calendar can answer for this date (a malformed date throws). */
  covers(date: IsoDate): boolean {
    return this.years.has(requireIsoDate(date).year);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(this.coveredDayNumber(date));
  }

  /**
   * The date that is `n` working days after `date`; `date` itself does not count, whether or not it
   * is a working day. n = 0 gives `date` back unchanged. Example: 3 working days after Tuesday
   * 2025-09-30 is Saturday 2025-10-11 (a make-up working day), the holiday 1–8 October skipped.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new KernelError(
        'CALENDAR.INVALID_ARGUMENT',
        `工作日数必须是非负整数：${n}`,
        `the number of working days must be a non-negative integer: ${n}`,
      );
    }
    let day = this.coveredDayNumber(date);
    for (let remaining = n; remaining > 0;) {
      day += 1;
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return formatIsoDate(fromDayNumber(day));
  }

  /**
   * The number of working days in (from, to]: `from` excluded, `to` included — so that
   * addWorkingDays(from, k) = to implies workingDaysBetween(from, to) = k. Negative, the count in
   * (to, from], when `to` is earlier.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const [start, end] = [this.coveredDayNumber(from), this.coveredDayNumber(to)];
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (this.isWorkingDayNumber(day)) count += 1;
    return sign * count || 0;
  }

  private coveredDayNumber(date: IsoDate): number {
    const parsed = requireIsoDate(date);
    this.requireCovered(parsed);
    return toDayNumber(parsed);
  }

  private requireCovered(date: CalendarDate): YearArrangement {
    const arrangement = this.years.get(date.year);
    if (!arrangement)
      throw new CalendarCoverageError(formatIsoDate(date), this.range.fromYear, this.range.toYear);
    return arrangement;
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    const date = fromDayNumber(dayNumber);
    const { holidays, makeUpWorkdays } = this.requireCovered(date);
    const key = formatIsoDate(date);
    if (makeUpWorkdays.has(key)) return true;
    return !isWeekend(dayNumber) && !holidays.has(key);
  }
}

function checkSupplement(supplement: CalendarSupplement): YearArrangement {
  const year = supplement?.year;
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999) {
    throw new InvalidCalendarSupplementError(`年份无效：${year}`, `invalid year: ${year}`);
  }
  const datesOf = (field: keyof CalendarSupplement, zh: string, en: string): Set<string> => {
    const list: unknown = supplement[field];
    if (!Array.isArray(list)) {
      throw new InvalidCalendarSupplementError(
        `${year} 年的 ${field} 应为日期列表`,
        `${field} of ${year} must be a list of dates`,
      );
    }
    for (const date of list) {
      const parsed = parseIsoDate(date);
      if (!parsed || parsed.year !== year) {
        throw new InvalidCalendarSupplementError(
          `${year} 年的${zh} ${JSON.stringify(date)} 不是该年的有效日期`,
          `${en} ${JSON.stringify(date)} of ${year} is not a valid date in that year`,
        );
      }
    }
    return new Set(list);
  };
  const off = datesOf('holidays', '节假日', 'holiday');
  const worked = datesOf('makeUpWorkdays', '调休上班日', 'make-up working day');
  for (const date of worked) {
    if (off.has(date)) {
      throw new InvalidCalendarSupplementError(
        `${date} 同时是节假日和调休上班日`,
        `${date} is both a holiday and a make-up working day`,
      );
    }
    if (!isWeekend(toDayNumber(requireIsoDate(date)))) {
      throw new InvalidCalendarSupplementError(
        `调休上班日 ${date} 不是周六或周日`,
        `make-up working day ${date} is not a Saturday or Sunday`,
      );
    }
  }
  return { holidays: off, makeUpWorkdays: worked };
}
