// The fact of the holiday calendar (jineng.evt.subsidy.HolidayCalendarPublished.v1): one year's
// arrangement, national or a province's. Its data is a PublishedCalendarYear of the kernel plus where it
// comes from, so a service builds its calendar with WorkingDayCalendar.withPublished(events' data).
import type { subsidyV1 } from '@jineng/contracts';
import type { DomainEvent } from '@jineng/ddd';
import type { JsonData } from '../../policy/domain/policy-version.events';

export type HolidayCalendarPublished = DomainEvent<
  'HolidayCalendarPublished.v1',
  JsonData<subsidyV1.HolidayCalendarPublished>
>;

export type HolidayCalendarEvent = HolidayCalendarPublished;

export const HOLIDAY_CALENDAR_EVENT_TYPES: readonly HolidayCalendarEvent['type'][] = [
  'HolidayCalendarPublished.v1',
];

/** One stream per scope: the national arrangements, or one province's own days. */
export const holidayCalendarStreamId = (province: string | undefined): string =>
  `holiday-calendar-${province ?? 'national'}`;
