import { KernelError } from '../kernel-error';
import type { IsoDate } from '../time/iso-date';

/**
 * The calendar has no holiday arrangement for the year of `date`. Thrown rather than guessing from
 * weekdays: a deadline counted through an unpublished National Day would be silently wrong. `year` is
 * the year whose arrangement is missing, named in both messages so a user knows what to wait for.
 */
export class CalendarCoverageError extends KernelError {
  readonly year: number;

  constructor(
    readonly date: IsoDate,
    readonly fromYear: number,
    readonly toYear: number,
  ) {
    const year = Number(date.slice(0, 4));
    super(
      'CALENDAR.OUT_OF_COVERAGE',
      `${year} 年的节假日安排尚未发布，无法按工作日计算日期 ${date}（工作日历覆盖 ${fromYear}–${toYear} 年）；` +
        `请由管理员发布 ${year} 年的节假日安排`,
      `the holiday arrangement of ${year} is not published: date ${date} cannot be counted in working days ` +
        `(the working-day calendar covers ${fromYear}–${toYear}) until an administrator publishes ${year}`,
    );
    this.year = year;
  }
}

/** A published year arrangement that cannot be right (dates outside its year, a make-up day on a weekday, …). */
export class InvalidCalendarArrangementError extends KernelError {
  constructor(messageZh: string, messageEn: string) {
    super(
      'CALENDAR.INVALID_ARRANGEMENT',
      `无效的节假日安排：${messageZh}`,
      `invalid holiday arrangement: ${messageEn}`,
    );
  }
}
