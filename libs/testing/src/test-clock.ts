// Moves the clock of running service processes started with JINENG_TEST_CLOCK_FILE=<file>
// (libs/service-runtime clock/service-clock.ts): from now on their clock reads `iso`, and runs on.
import { writeFileSync, renameSync } from 'node:fs';

export function setTestClock(file: string, iso: string): void {
  const at = Date.parse(iso);
  if (Number.isNaN(at) || !/(Z|[+-]\d{2}:\d{2})$/.test(iso))
    throw new TypeError(`'${iso}' is not an instant with an offset`);
  // written whole, then renamed: a reader never sees half a file
  writeFileSync(`${file}.next`, JSON.stringify({ offsetMs: at - Date.now() }));
  renameSync(`${file}.next`, file);
}
