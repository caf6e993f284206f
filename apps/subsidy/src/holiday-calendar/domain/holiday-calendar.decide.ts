// The holiday calendar decider (one per scope: national, or a province's own days). Publishing a year
// checks it with the kernel's own constructor — what consumers will build from the event — so a year
// that would break their calendar (a date outside the year, a make-up day on a weekday, a gap before
// it) is refused here. A year already known in the scope (by the chinese-days package or an earlier
// publication) is corrected, with a reason; publishing the same arrangement again changes nothing.
import type { Decider } from '@jineng/ddd';
import {
  addCalendarDays,
  dayOfWeek,
  InvalidCalendarArrangementError,
  JurisdictionCode,
  WorkingDayCalendar,
  type PublishedCalendarYear,
} from '@jineng/kernel';
import type { HolidayCalendarCommand, PublishHolidayCalendar } from './holiday-calendar.commands';
import {
  CalendarAdminRequired,
  CorrectionReasonRequired,
  InvalidHolidayArrangement,
  NotAProvince,
  ProvinceAdminRequired,
} from './holiday-calendar.errors';
import type { HolidayCalendarEvent } from './holiday-calendar.events';
import {
  evolveHolidayCalendar,
  initialHolidayCalendarState,
  type HolidayCalendarState,
} from './holiday-calendar.state';

export const holidayCalendarDecider: Decider<
  HolidayCalendarCommand,
  HolidayCalendarState,
  HolidayCalendarEvent
> = {
  initialState: initialHolidayCalendarState,
  evolve: evolveHolidayCalendar,
  decide: (command, state) => publish(command, state),
};

function publish(command: PublishHolidayCalendar, state: HolidayCalendarState): HolidayCalendarEvent[] {
  const { data, metadata } = command;
  assertMayPublish(command);
  const province = data.province;
  const holidays = sortedSet(data.holidays);
  const makeUpWorkdays = sortedSet(data.makeUpWorkdays);
  const previous = state.years.get(data.year);
  const fromPackage =
    province === undefined && !previous ? WorkingDayCalendar.national().arrangementOf(data.year) : undefined;
  const known = previous ?? fromPackage;
  if (known && sameWorkingDays(data.year, known, { holidays, makeUpWorkdays })) return [];
  const revision = (previous?.revision ?? 0) + 1;
  const candidate: PublishedCalendarYear = {
    year: data.year,
    ...(province === undefined ? {} : { province }),
    holidays,
    makeUpWorkdays,
    revision,
  };
  assertBuildable([...state.years.values(), candidate], province, data.year);
  const corrects = previous ? 'publication' : fromPackage ? 'package' : undefined;
  const reason = data.correctionReason?.trim() || undefined;
  if (corrects && reason === undefined) {
    throw new CorrectionReasonRequired({ year: data.year, corrects, revision: previous?.revision ?? 0 });
  }
  return [
    {
      type: 'HolidayCalendarPublished.v1',
      data: {
        ...candidate,
        notice: data.notice,
        ...(corrects ? { corrects, correctionReason: reason! } : {}),
        publishedAt: metadata.now,
        publishedBy: metadata.actor.userId,
      },
    },
  ];
}

/**
 * An admin at province level: for the national arrangement any province's (the highest level the
 * platform has — the State Council's notice is public), for a province's own days that province's.
 */
function assertMayPublish(command: PublishHolidayCalendar): void {
  const { roles } = command.metadata.actor;
  if (!roles.includes('admin')) throw new CalendarAdminRequired({ roles: [...roles] });
  const { province, actorJurisdiction } = command.data;
  if (province !== undefined && !isProvince(province)) throw new NotAProvince({ province });
  const scope = province ?? 'national';
  if (!isProvince(actorJurisdiction) || (province !== undefined && province !== actorJurisdiction)) {
    throw new ProvinceAdminRequired({ actorJurisdiction, scope });
  }
}

const isProvince = (code: string): boolean => {
  const parsed = JurisdictionCode.parse(code);
  return parsed.ok && parsed.value.level === 'province';
};

function assertBuildable(
  published: readonly PublishedCalendarYear[],
  province: string | undefined,
  year: number,
): void {
  try {
    WorkingDayCalendar.withPublished(published, province === undefined ? {} : { province });
  } catch (error) {
    if (!(error instanceof InvalidCalendarArrangementError)) throw error;
    throw new InvalidHolidayArrangement({ year, reason: error.messageZh, reasonEn: error.messageEn });
  }
}

const sortedSet = (dates: readonly string[]): string[] => [...new Set(dates)].sort();

interface Days {
  readonly holidays: readonly string[];
  readonly makeUpWorkdays: readonly string[];
}

/**
 * Whether two arrangements of a year make the same days working days: a weekend day inside a holiday
 * period may be listed or not, it is off either way.
 */
function sameWorkingDays(year: number, a: Days, b: Days): boolean {
  const working = (days: Days, date: string) =>
    days.makeUpWorkdays.includes(date) ||
    (![0, 6].includes(dayOfWeek(date)) && !days.holidays.includes(date));
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addCalendarDays(date, 1)) {
    if (working(a, date) !== working(b, date)) return false;
  }
  return true;
}
