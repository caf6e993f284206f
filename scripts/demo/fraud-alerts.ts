// The demo's fraud alerts: the rules of the audit service (ADR 0017) run over what the demo did, and a
// few findings triaged as an auditor would. Nothing is made up here: the alerts are what the rules find
// in the events of the suspicious class (its device checked six trainees in at the same second every
// day, and the inspectors found two of them on site), and the triage goes through the gateway with the
// flow's idempotency keys, so a second load is answered as first recorded and appends nothing.
import { check, type GatewayClient, until } from './gateway-client';

export const DEVICE_BURST_RULE = 'device-many-workers-in-seconds';
export const ABOVE_HEADCOUNT_RULE = 'attendance-above-inspected-headcount';

interface AlertRow {
  readonly alertId: string;
  readonly ruleId: string;
  readonly status: string;
}

export interface DemoAlerts {
  readonly alertIds: Readonly<Record<string, readonly string[]>>;
  readonly investigating: string;
  readonly dismissed: string;
}

async function alertsNaming(client: GatewayClient, entityId: string): Promise<AlertRow[]> {
  const page = await client.get('auditor', `/api/v1/audit/fraud-alerts?entityId=${entityId}&pageSize=100`);
  return (page.body.items as AlertRow[]).slice().sort((a, b) => a.alertId.localeCompare(b.alertId));
}

/** Runs the rules until the class's expected findings are alerts, then triages two of them. */
export async function triageDemoAlerts(
  client: GatewayClient,
  classId: string,
  expected: { readonly bursts: number; readonly aboveHeadcount: number },
  log: (message: string) => void,
): Promise<DemoAlerts> {
  // the audit copy fills through the bus: until every expected finding is an alert, the rules run again.
  // A run is a job, and its Idempotency-Key answers the job it first started: each try is a run of its
  // own (try 1 keeps the key of the first load, so a second load finds that run and runs nothing), and
  // the alerts are read once its job has ended.
  let tries = 0;
  const alerts = await until(
    'fraud alerts raised',
    async () => {
      tries += 1;
      const step = tries === 1 ? 'fraud rules: run' : `fraud rules: run, try ${tries}`;
      const run = await client.must('auditor', 'POST', '/api/v1/audit/fraud-rules/run', {}, step);
      await until(`${step}: its job ended`, async () => {
        const job = await client.get('auditor', `/api/v1/audit/jobs/${String(run.body.jobId)}`);
        check(job.body.status === 'succeeded', `${step}: job ${job.text}`);
      });
      const rows = await alertsNaming(client, classId);
      const count = (ruleId: string) => rows.filter((r) => r.ruleId === ruleId).length;
      check(
        count(DEVICE_BURST_RULE) === expected.bursts &&
          count(ABOVE_HEADCOUNT_RULE) === expected.aboveHeadcount,
        `alerts of class ${classId} after ${tries} runs: ${JSON.stringify(rows)}`,
      );
      return rows;
    },
    120_000,
  );
  const bursts = alerts.filter((a) => a.ruleId === DEVICE_BURST_RULE);
  const aboveHeadcount = alerts.find((a) => a.ruleId === ABOVE_HEADCOUNT_RULE)!;
  await client.must(
    'auditor',
    'POST',
    `/api/v1/audit/fraud-alerts/${aboveHeadcount.alertId}/investigation`,
    { note: '调取当日监控录像与签到照片，约谈任课教师（演示）' },
    'fraud alert: investigate the headcount',
    ['FRAUD_ALERT.TRANSITION_REFUSED'],
  );
  const dismissed = bursts[0]!;
  await client.must(
    'auditor',
    'POST',
    `/api/v1/audit/fraud-alerts/${dismissed.alertId}/dismissal`,
    { reason: '经调取监控核实，当日 6 名学员排队依次刷脸，均为本人签到，排除代签（演示）' },
    'fraud alert: dismiss a burst',
    ['FRAUD_ALERT.TRANSITION_REFUSED'],
  );
  log(
    `fraud alerts: ${bursts.length} device bursts (one dismissed), ${ABOVE_HEADCOUNT_RULE} under investigation`,
  );
  return {
    alertIds: {
      [DEVICE_BURST_RULE]: bursts.map((a) => a.alertId),
      [ABOVE_HEADCOUNT_RULE]: [aboveHeadcount.alertId],
    },
    investigating: aboveHeadcount.alertId,
    dismissed: dismissed.alertId,
  };
}
