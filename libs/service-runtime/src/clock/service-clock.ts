// The service's clock: the system clock in production; for end-to-end tests a clock a test moves
// from outside the process — `JINENG_TEST_CLOCK_FILE` names a JSON file `{"offsetMs": n}` (written
// by `setTestClock` of @jineng/testing), read again whenever it changes, so a test can say "it is now
// the evening of the first class day" to a running service. Refused with NODE_ENV=production.
import { readFileSync, statSync } from 'node:fs';
import { offsetClock, systemClock, type Clock } from '@jineng/kernel';

export const TEST_CLOCK_FILE_ENV = 'JINENG_TEST_CLOCK_FILE';

/** re-read at most this often: a clock is read often, the file rarely changes */
const RECHECK_MS = 50;

export function serviceClock(testClockFile: string | undefined): Clock {
  if (!testClockFile) return systemClock;
  let offset = 0;
  let mtimeMs = -1;
  let checkedAt = 0;
  return offsetClock(() => {
    const now = Date.now();
    if (now - checkedAt < RECHECK_MS) return offset;
    checkedAt = now;
    const stat = statSync(testClockFile, { throwIfNoEntry: false });
    if (!stat) return (offset = 0);
    if (stat.mtimeMs !== mtimeMs) {
      mtimeMs = stat.mtimeMs;
      const value = (JSON.parse(readFileSync(testClockFile, 'utf8')) as { offsetMs?: unknown }).offsetMs;
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new Error(`${TEST_CLOCK_FILE_ENV} ${testClockFile}: offsetMs is not a number`);
      offset = value;
    }
    return offset;
  });
}
