// Entry of the demo-data loader that scripts/start.mjs runs once every app listens:
//   node -r scripts/ts-register.cjs scripts/demo/load.ts
// with JINENG_SERVICE_URLS ({name: url}) and JINENG_TEST_CLOCK_FILE (the demo clock the services read).
// Prints what it loaded; a second run answers every step as first recorded and appends nothing.
// the clock file's writer alone (not all of @jineng/testing, which loads the test infrastructure)
import { setTestClock } from '../../libs/testing/src/test-clock';
import { loadDemoData } from './demo-data';

async function main(): Promise<void> {
  const urls = JSON.parse(process.env.JINENG_SERVICE_URLS ?? '{}') as Record<string, string>;
  const clockFile = process.env.JINENG_TEST_CLOCK_FILE;
  if (!urls.gateway) throw new Error('no gateway in JINENG_SERVICE_URLS');
  if (!clockFile) throw new Error('no demo clock (JINENG_TEST_CLOCK_FILE)');
  const log = (message: string) => console.log(`[demo-data] ${message}`);
  const started = Date.now();
  const summary = await loadDemoData(
    urls.gateway,
    async (iso) => {
      setTestClock(clockFile, iso);
      await new Promise((resolve) => setTimeout(resolve, 150));
    },
    log,
  );
  log(
    `loaded in ${Math.round((Date.now() - started) / 1000)} s; the services' clock stands at ${summary.clock}`,
  );
  for (const [state, outcome] of Object.entries(summary.classes))
    log(
      `class ${state}: ${outcome.classId}${outcome.claimIds.certificate ? `, claim ${outcome.claimIds.certificate}` : ''}`,
    );
  log(
    `fraud alerts: ${Object.entries(summary.fraudAlerts.alertIds)
      .map(([rule, ids]) => `${rule} × ${ids.length}`)
      .join(
        ', ',
      )}; investigating ${summary.fraudAlerts.investigating}, dismissed ${summary.fraudAlerts.dismissed}`,
  );
}

main().catch((error: unknown) => {
  console.error(`[demo-data] FAILED: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
