// HolidayCalendarPublished events → holiday_calendar_years rows (run by a ProjectionRunner: rows and
// checkpoint commit together). A replayed event writes the same row again.
import type { Projection, RecordedEvent } from '@jineng/event-store';
import type { EntityManager } from 'typeorm';
import { HOLIDAY_CALENDAR_EVENT_TYPES, type HolidayCalendarEvent } from '../domain/holiday-calendar.events';
import { HolidayCalendarYearRow } from './holiday-calendar-year.entity';

export const holidayCalendarProjection: Projection = {
  name: 'holiday-calendar',
  entities: [HolidayCalendarYearRow],
  async apply(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!(HOLIDAY_CALENDAR_EVENT_TYPES as readonly string[]).includes(recorded.type)) return;
    const { data } = { type: recorded.type, data: recorded.data } as unknown as HolidayCalendarEvent;
    await manager.getRepository(HolidayCalendarYearRow).save({
      scope: data.province ?? 'national',
      year: data.year,
      revision: data.revision,
      holidays: [...data.holidays],
      makeUpWorkdays: [...data.makeUpWorkdays],
      notice: data.notice,
      corrects: data.corrects ?? null,
      correctionReason: data.correctionReason ?? null,
      publishedAt: new Date(data.publishedAt),
      publishedBy: data.publishedBy,
    });
  },
};
