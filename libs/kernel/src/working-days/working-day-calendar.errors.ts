import { KernelError } from '../kernel-error';
import type { IsoDate } from '../time/iso-date';

/**
 * The calendar has no holiday arrangement for the year of `date`. Thrown rather than guessing from
 * weekdays: a deadline counted through an unpublished National Day would be silently wrong.
 */
export class CalendarCoverageError extends KernelError {
  constructor(
    readonly date: IsoDate,
    readonly fromYear: number,
    readonly toYear: number,
  ) {
    super(
      'CALENDAR.OUT_OF_COVERAGE',
      `日期 ${date} 超出工作日历的覆盖范围（${fromYear}–${toYear} 年），该年的节假日安排未知；请由辖区补充该年日历`,
      `date ${date} is outside the working-day calendar's coverage (years ${fromYear}–${toYear}); ` +
        `its holidays are unknown until the jurisdiction supplies that year's calendar`,
    );
  }
}

/** A supplied year calendar that cannot be right (dates outside its year, a make-up day on a weekday, …). */
export class InvalidCalendarSupplementError extends KernelError {
  constructor(messageZh: string, messageEn: string) {
    super(
      'CALENDAR.INVALID_SUPPLEMENT',
      `无效的补充日历：${messageZh}`,
      `invalid calendar supplement: ${messageEn}`,
    );
  }
}
