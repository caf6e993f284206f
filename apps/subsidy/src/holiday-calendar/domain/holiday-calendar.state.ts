// The published years of one scope (national, or one province), each at its latest revision.
import type { HolidayCalendarEvent, HolidayCalendarPublished } from './holiday-calendar.events';

export type PublishedYear = HolidayCalendarPublished['data'];

export interface HolidayCalendarState {
  readonly years: ReadonlyMap<number, PublishedYear>;
}

export const initialHolidayCalendarState = (): HolidayCalendarState => ({ years: new Map() });

export function evolveHolidayCalendar(
  state: HolidayCalendarState,
  event: HolidayCalendarEvent,
): HolidayCalendarState {
  const years = new Map(state.years);
  years.set(event.data.year, event.data);
  return { years };
}
