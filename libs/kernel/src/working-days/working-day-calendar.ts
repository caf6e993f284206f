import { JurisdictionCode } from '../jurisdiction/jurisdiction-code';
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
import { CalendarCoverageError, InvalidCalendarArrangementError } from './working-day-calendar.errors';

/**
 * A year's holiday arrangement as an administrator publishes it — exactly the data a
 * `HolidayCalendarPublished.v1` event carries (other fields of the event are ignored), so a service that
 * keeps those events builds its calendar with `WorkingDayCalendar.withPublished(events.map(e => e.data))`.
 */
export interface PublishedCalendarYear {
  readonly year: number;
  /**
   * Left out: the national arrangement (国务院办公厅 notice) — it extends the package's years, or for a
   * year the package has, replaces it (a correction). A province's code: that province's own days off
   * and make-up days (e.g. 广西 壮族三月三), applied on top of the national arrangement of the year.
   */
  readonly province?: string;
  /** Days off (weekend days inside a holiday period may be listed or not: they are off anyway). */
  readonly holidays: readonly IsoDate[];
  /** Saturdays or Sundays worked in exchange for a holiday (调休上班). */
  readonly makeUpWorkdays: readonly IsoDate[];
  /** 1 for a year's first publication in its scope, one more for each correction: the highest counts. */
  readonly revision: number;
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
 * in the `chinese-days` data (read from the data, not hard-coded) plus any published year. Every other
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
   * The package's years plus the published ones (pure: the caller passes what it has learnt from the
   * subsidy service's events, in any order, duplicates included). Per year the highest revision of
   * the national arrangement counts: it adds a year the package does not know, or replaces one it
   * does. With `province` (a province's or any code within it), that province's own publications
   * are applied on top of the national arrangement of their year: its days off are off and its
   * make-up days worked, whatever the national arrangement says; a year without a national
   * arrangement stays uncovered. The covered years must stay one span without a gap.
   */
  static withPublished(
    published: readonly PublishedCalendarYear[],
    options: { readonly province?: string } = {},
  ): WorkingDayCalendar {
    const years = new Map(WorkingDayCalendar.national().years);
    for (const [year, arrangement] of latestPerYear(published, undefined)) years.set(year, arrangement);
    if (options.province !== undefined) {
      for (const [year, local] of latestPerYear(published, provinceOf(options.province))) {
        const national = years.get(year);
        if (national) years.set(year, withLocalDays(national, local));
      }
    }
    return WorkingDayCalendar.over(years);
  }

  private static over(years: ReadonlyMap<number, YearArrangement>): WorkingDayCalendar {
    const sorted = [...years.keys()].sort((a, b) => a - b);
    const gap = sorted.findIndex((year, i) => i > 0 && year !== sorted[i - 1] + 1);
    if (gap > 0) {
      const [from, to] = [sorted[gap - 1] + 1, sorted[gap] - 1];
      const missing = from === to ? `${from}` : `${from}–${to}`;
      throw new InvalidCalendarArrangementError(
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

  /** The holidays and make-up working days of a covered year, sorted; undefined for another year. */
  arrangementOf(
    year: number,
  ): { readonly holidays: IsoDate[]; readonly makeUpWorkdays: IsoDate[] } | undefined {
    const arrangement = this.years.get(year);
    if (!arrangement) return undefined;
    return {
      holidays: [...arrangement.holidays].sort(),
      makeUpWorkdays: [...arrangement.makeUpWorkdays].sort(),
    };
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

/** The highest revision of each year published for `province` (undefined: the national ones), each checked. */
function latestPerYear(
  published: readonly PublishedCalendarYear[],
  province: string | undefined,
): ReadonlyMap<number, YearArrangement> {
  const latest = new Map<number, { revision: number; arrangement: YearArrangement }>();
  for (const entry of published) {
    const scope = entry?.province === undefined ? undefined : provinceOf(entry.province);
    if (scope !== province) continue;
    const arrangement = checkArrangement(entry);
    const known = latest.get(entry.year);
    if (known?.revision === entry.revision && !sameArrangement(known.arrangement, arrangement)) {
      throw new InvalidCalendarArrangementError(
        `${entry.year} 年第 ${entry.revision} 版有两种不同的内容`,
        `revision ${entry.revision} of ${entry.year} comes with two different arrangements`,
      );
    }
    if (!known || entry.revision > known.revision)
      latest.set(entry.year, { revision: entry.revision, arrangement });
  }
  return new Map([...latest].map(([year, { arrangement }]) => [year, arrangement]));
}

function provinceOf(code: string): string {
  const parsed = JurisdictionCode.parse(code);
  if (!parsed.ok) {
    throw new InvalidCalendarArrangementError(
      `省级行政区划代码无效：${JSON.stringify(code)}`,
      `invalid province code ${JSON.stringify(code)}`,
    );
  }
  return parsed.value.province().value;
}

/** A province's days on top of the national arrangement of the same year. */
function withLocalDays(national: YearArrangement, local: YearArrangement): YearArrangement {
  const holidays = new Set([...national.holidays, ...local.holidays]);
  const makeUpWorkdays = new Set([...national.makeUpWorkdays, ...local.makeUpWorkdays]);
  for (const date of local.holidays) makeUpWorkdays.delete(date);
  for (const date of local.makeUpWorkdays) holidays.delete(date);
  return { holidays, makeUpWorkdays };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

const sameArrangement = (a: YearArrangement, b: YearArrangement) =>
  sameSet(a.holidays, b.holidays) && sameSet(a.makeUpWorkdays, b.makeUpWorkdays);

function checkArrangement(published: PublishedCalendarYear): YearArrangement {
  const year = published?.year;
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999) {
    throw new InvalidCalendarArrangementError(`年份无效：${year}`, `invalid year: ${year}`);
  }
  if (!Number.isSafeInteger(published.revision) || published.revision < 1) {
    throw new InvalidCalendarArrangementError(
      `${year} 年的版本号应为正整数：${published.revision}`,
      `the revision of ${year} must be a positive integer: ${published.revision}`,
    );
  }
  const datesOf = (field: 'holidays' | 'makeUpWorkdays', zh: string, en: string): Set<string> => {
    const list: unknown = published[field];
    if (!Array.isArray(list)) {
      throw new InvalidCalendarArrangementError(
        `${year} 年的 ${field} 应为日期列表`,
        `${field} of ${year} must be a list of dates`,
      );
    }
    for (const date of list) {
      const parsed = parseIsoDate(date);
      if (!parsed || parsed.year !== year) {
        throw new InvalidCalendarArrangementError(
          `${year} 年的${zh} ${JSON.stringify(date)} 不是该年的有效日期`,
          `${en} ${JSON.stringify(date)} of ${year} is not a valid date in that year`,
        );
      }
    }
    return new Set(list as string[]);
  };
  const off = datesOf('holidays', '节假日', 'holiday');
  const worked = datesOf('makeUpWorkdays', '调休上班日', 'make-up working day');
  for (const date of worked) {
    if (off.has(date)) {
      throw new InvalidCalendarArrangementError(
        `${date} 同时是节假日和调休上班日`,
        `${date} is both a holiday and a make-up working day`,
      );
    }
    if (!isWeekend(toDayNumber(requireIsoDate(date)))) {
      throw new InvalidCalendarArrangementError(
        `调休上班日 ${date} 不是周六或周日`,
        `make-up working day ${date} is not a Saturday or Sunday`,
      );
    }
  }
  return { holidays: off, makeUpWorkdays: worked };
}
