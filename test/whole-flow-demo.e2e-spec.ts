// The demo data of `npm start` (scripts/demo/demo-data.ts) loaded twice against the whole platform:
// the first load brings classes in every state, a claim paid and reconciled, and the fraud alerts the
// rules raise over a suspicious class (triaged: open, investigating, dismissed); the second is answered
// step by step as first recorded and appends no event to any service's store.
import { startWholePlatform, PLATFORM_SERVICES, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../scripts/demo/gateway-client';
import { loadDemoData, DEMO_NAMESPACE } from '../scripts/demo/demo-data';

let whole: WholePlatform;

beforeAll(async () => {
  whole = await startWholePlatform('whole_flow_demo_e2e', '2019-08-01T09:00:00+08:00');
}, 180_000);

afterAll(async () => {
  await whole?.dispose();
});

async function eventCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const service of PLATFORM_SERVICES) {
    const table = service === 'audit' ? 'audit_events' : 'events';
    const { rows } = await whole.db.pool.query<{ n: number }>(
      `select count(*)::int as n from "${whole.schemas[service]}".${table}`,
    );
    counts[service] = rows[0]!.n;
  }
  return counts;
}

/** waits until the audit copy has stopped growing (every relay and consumer caught up) */
async function settled(): Promise<Record<string, number>> {
  let last = await eventCounts();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = await eventCounts();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

it('loads classes in every state and a claim through to payment; a second load appends nothing', async () => {
  const moveClock = (iso: string) => whole.moveClock(iso);
  const gateway = whole.platform.urls.gateway!;
  const first = Date.now();
  const summary = await loadDemoData(gateway, moveClock);
  const firstMs = Date.now() - first;
  const after = await settled();

  const client = new GatewayClient(gateway, DEMO_NAMESPACE);
  const statusOf = async (classId: string) =>
    (await client.get('county_officer', `/api/v1/classes/${classId}`)).body.class.status as string;
  expect({
    paid: await statusOf(summary.classes.paid!.classId),
    inReview: await statusOf(summary.classes.inReview!.classId),
    withdrawn: await statusOf(summary.classes.withdrawn!.classId),
    applied: await statusOf(summary.classes.applied!.classId),
    approved: await statusOf(summary.classes.approved!.classId),
    running: await statusOf(summary.classes.running!.classId),
    suspicious: await statusOf(summary.classes.suspicious!.classId),
  }).toEqual({
    paid: 'completed',
    inReview: 'completed',
    withdrawn: 'cancelled',
    applied: 'applied',
    approved: 'approved',
    running: 'running',
    suspicious: 'running',
  });
  const paid = await client.get(
    'county_officer',
    `/api/v1/claims/${summary.classes.paid!.claimIds.employment}`,
  );
  expect(paid.body.summary.status).toBe('paid');
  const inReview = await client.get(
    'county_officer',
    `/api/v1/claims/${summary.classes.inReview!.claimIds.certificate}`,
  );
  // 3 trainees (2 made up and the demo worker) × 10 days × 150 ¥ × 80 %
  expect(inReview.body.summary).toMatchObject({ computedFen: 360_000 });
  expect(inReview.body.summary.status).not.toBe('paid');
  // the development issuer's demo worker is that registered trainee: their class, certificate and claim
  const demoWorker = summary.classes.inReview!.workerIds.at(-1);
  const mine = await client.get('worker', '/api/v1/my/claims');
  expect(mine.body.items).toEqual([
    expect.objectContaining({
      claimId: summary.classes.inReview!.claimIds.certificate,
      ownAmountFen: 120_000,
    }),
  ]);
  const users = (await client.get(undefined, '/api/v1/dev/users')).body as unknown as {
    user: string;
    principal: { userId: string };
  }[];
  expect(users.find((u) => u.user === 'worker')?.principal.userId).toBe(demoWorker);

  // the fraud alerts, as an auditor lists them: raised by the rules over the suspicious class's events
  const alerts = await client.get(
    'auditor',
    `/api/v1/audit/fraud-alerts?entityId=${summary.classes.suspicious!.classId}&pageSize=100&sort=ruleId`,
  );
  const rows = alerts.body.items as {
    alertId: string;
    ruleId: string;
    status: string;
    reason?: string;
    figures: Record<string, number>;
  }[];
  expect(rows.map((r) => `${r.ruleId}:${r.status}`).sort()).toEqual([
    'attendance-above-inspected-headcount:investigating',
    'device-many-workers-in-seconds:dismissed',
    'device-many-workers-in-seconds:open',
    'device-many-workers-in-seconds:open',
  ]);
  // six trainees within the rule's 10 s on one device, each day; six checked in where two were found
  for (const burst of rows.filter((r) => r.ruleId === 'device-many-workers-in-seconds'))
    expect(burst.figures).toMatchObject({ workers: 6 });
  expect(rows.find((r) => r.status === 'dismissed')).toMatchObject({
    alertId: summary.fraudAlerts.dismissed,
    reason: expect.stringContaining('排除代签'),
  });
  expect(rows.find((r) => r.status === 'investigating')?.alertId).toBe(summary.fraudAlerts.investigating);
  const open = await client.get('auditor', '/api/v1/audit/fraud-alerts?status=open&pageSize=100');
  expect(open.body.items.length).toBeGreaterThanOrEqual(2);

  // every service's own store, read through its read-only role: chains intact, the copy equal to it
  const stores = await client.get('auditor', '/api/v1/audit/stores/verification');
  expect(
    (stores.body.services as { service: string; ok: boolean; eventsChecked: number }[]).map((s) => [
      s.service,
      s.ok,
      s.eventsChecked > 0,
    ]),
  ).toEqual(PLATFORM_SERVICES.map((service) => [service, true, true]).sort());
  expect(stores.body.ok).toBe(true);

  const second = Date.now();
  const again = await loadDemoData(gateway, moveClock);
  const secondMs = Date.now() - second;
  expect(again.classes).toEqual(summary.classes);
  expect(again.fraudAlerts).toEqual(summary.fraudAlerts);
  expect(await settled()).toEqual(after);
  console.log(JSON.stringify({ events: after, firstLoadMs: firstMs, secondLoadMs: secondMs }));
}, 300_000);
