import { KernelError, quote } from '../kernel-error';
import { formatIsoDate, InvalidDateError, type IsoDate } from './iso-date';

/** Where "now" comes from, injected so that rules over time are testable and replayable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// An instant with an explicit zone: without one, JS reads '2025-01-01T00:00:00' as *local* time,
// and the test would depend on the machine it runs on.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A clock stopped at `iso` (which must name its offset, e.g. '2025-01-01T08:00:00+08:00'). */
export function fixedClock(iso: string): Clock {
  const ms = INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) {
    throw new KernelError(
      'CLOCK.INVALID_INSTANT',
      `${quote(iso)} 不是带时区偏移的 ISO 8601 时刻`,
      `${quote(iso)} is not an ISO 8601 instant with an offset (Z or ±hh:mm)`,
    );
  }
  // A fresh Date each time: a caller mutating the one it got must not move the clock.
  return { now: () => new Date(ms) };
}

/** A clock a test moves: it stands still at `iso` until `set` or `advance` moves it. */
export interface ControllableClock extends Clock {
  /** to this instant (with its offset, like `fixedClock`) */
  set(iso: string): void;
  advance(ms: number): void;
}

export function controllableClock(iso: string): ControllableClock {
  let ms = fixedClock(iso).now().getTime();
  return {
    now: () => new Date(ms),
    set: (to) => {
      ms = fixedClock(to).now().getTime();
    },
    advance: (by) => {
      if (!Number.isFinite(by))
        throw new KernelError(
          'CLOCK.INVALID_STEP',
          `${by} 不是有效的毫秒数`,
          `${by} is not a number of milliseconds`,
        );
      ms += by;
    },
  };
}

/**
 * A clock that runs with the system clock, shifted by whatever `offsetMs()` answers at each reading:
 * what the runtime's test clock is built on (the offset is read from a file an end-to-end test writes).
 */
export function offsetClock(offsetMs: () => number): Clock {
  return { now: () => new Date(Date.now() + offsetMs()) };
}

// China has one zone, UTC+8, with no daylight saving since 1991, so a fixed shift is exact for any
// business date the platform records.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date of an instant, e.g. 2024-12-31T16:00:00Z → '2025-01-01'. */
export function shanghaiDate(date: Date): IsoDate {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new InvalidDateError(date);
  const shifted = new Date(ms + SHANGHAI_OFFSET_MS);
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Today's Asia/Shanghai date by this clock. */
export const shanghaiToday = (clock: Clock): IsoDate => shanghaiDate(clock.now());
