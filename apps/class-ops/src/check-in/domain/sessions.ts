// The sessions of a class follow from its plan: one a day from the start date to the end date, each
// starting at the daily start time (Asia/Shanghai) and lasting the day's share of the class hours,
// rounded up to whole class hours of the class's lesson minutes. A check-in counts for the session
// whose window holds its time: from half an hour before the start to the end.
import { addCalendarDays, calendarDaysBetween, shanghaiDate } from '@jineng/kernel';

export const CHECK_IN_OPENS_BEFORE_MINUTES = 30;

export type SessionPlan = {
  readonly startDate: string;
  readonly endDate: string;
  readonly totalHours: number;
  readonly lessonMinutes: number;
  readonly dailyStartTime: string;
};

export type Session = {
  readonly sessionNo: number;
  readonly date: string;
  /** ISO instants */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly opensAt: string;
};

export const daysOf = (plan: SessionPlan): number => calendarDaysBetween(plan.startDate, plan.endDate) + 1;

export const sessionMinutesOf = (plan: SessionPlan): number =>
  Math.ceil(plan.totalHours / daysOf(plan)) * plan.lessonMinutes;

/** A Shanghai wall-clock time on a date, as a Date (Asia/Shanghai is UTC+8 all year). */
const shanghaiInstant = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);

export function sessionOn(plan: SessionPlan, date: string): Session | undefined {
  const index = calendarDaysBetween(plan.startDate, date);
  if (index < 0 || date > plan.endDate) return undefined;
  const starts = shanghaiInstant(date, plan.dailyStartTime);
  const ends = new Date(starts.getTime() + sessionMinutesOf(plan) * 60_000);
  const opens = new Date(starts.getTime() - CHECK_IN_OPENS_BEFORE_MINUTES * 60_000);
  return {
    sessionNo: index + 1,
    date,
    startsAt: starts.toISOString(),
    endsAt: ends.toISOString(),
    opensAt: opens.toISOString(),
  };
}

/**
 * The session whose check-in window holds `at`, if any. A plan's windows are worked out once per plan
 * object and date: the check-ins of a chunk share their class's plan, and an offline batch of a
 * thousand names a few classes and days (bench:check-ins: date parsing was a tenth of class-ops' CPU).
 */
export function sessionAt(plan: SessionPlan, at: string): Session | undefined {
  const t = Date.parse(at);
  const date = shanghaiDate(new Date(t));
  let byDate = windowsByPlan.get(plan);
  if (!byDate) windowsByPlan.set(plan, (byDate = new Map()));
  let window = byDate.get(date);
  if (window === undefined) {
    const session = sessionOn(plan, date);
    window = session
      ? { session, opens: Date.parse(session.opensAt), ends: Date.parse(session.endsAt) }
      : null;
    byDate.set(date, window);
  }
  return window && t >= window.opens && t <= window.ends ? window.session : undefined;
}

/** a plan's session windows by date (null: no session that day); plans are immutable */
const windowsByPlan = new WeakMap<
  SessionPlan,
  Map<string, { session: Session; opens: number; ends: number } | null>
>();

export function allSessions(plan: SessionPlan): Session[] {
  return Array.from({ length: daysOf(plan) }, (_, i) => sessionOn(plan, addCalendarDays(plan.startDate, i))!);
}

/** Metres between two points (haversine, mean Earth radius). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
