// The demo data of `npm start`, through the gateway only, on the demo clock: the ground of 盐湖区 (the
// five seed jurisdictions' policies are published by the subsidy service itself at its start), then
// classes in every state — one through to both tranches paid and reconciled, one with its claim in
// review, one running, one approved, one applied for, one withdrawn — and a suspicious class whose
// check-ins the fraud rules flag (scripts/demo/fraud-alerts.ts): open alerts, one under investigation,
// one dismissed with its reason. The console's demo worker is a registered trainee of the class in review
// (whole-flow.ts DEMO_TRAINEE): their training, certificate and the claim naming them. Every id and Idempotency-Key
// derives from the demo item's name (namespace DEMO_NAMESPACE): a second load appends nothing.
import { triageDemoAlerts, type DemoAlerts } from './fraud-alerts';
import { GatewayClient } from './gateway-client';
import { DEMO_TRAINEE, prepareGround, runClass, type ClassOutcome, type FlowContext } from './whole-flow';

export const DEMO_ENTERPRISE_ID = '7d2e4f6a-1b3c-4d5e-8f9a-0b1c2d3e4f5a';
export const DEMO_NAMESPACE = 'jineng-demo-2019';

export interface DemoSummary {
  readonly classes: Readonly<Record<string, ClassOutcome>>;
  readonly fraudAlerts: DemoAlerts;
  /** where the demo clock stands at the end */
  readonly clock: string;
}

export async function loadDemoData(
  gatewayUrl: string,
  moveClock: (iso: string) => Promise<void>,
  log: (message: string) => void = () => undefined,
  namespace = DEMO_NAMESPACE,
): Promise<DemoSummary> {
  const ctx: FlowContext = { client: new GatewayClient(gatewayUrl, namespace), moveClock, log };
  const ground = await prepareGround(ctx, '2019-08-01');
  // the demo enterprise (the console's enterprise user)
  await ctx.client.must(
    'enterprise',
    'POST',
    '/api/v1/enterprises',
    {
      enterpriseId: DEMO_ENTERPRISE_ID,
      name: '运城市演示机械制造有限公司',
      creditCode: '91140802MA0DEM001W',
      jurisdiction: '140802',
      headcount: 320,
      small: false,
      micro: false,
    },
    'demo enterprise',
    ['ENTERPRISE.ALREADY_REGISTERED'],
  );
  const classes: Record<string, ClassOutcome> = {};
  // in the clock's order: each class's steps happen after the previous one's
  classes.paid = await runClass(
    ctx,
    ground,
    {
      key: '焊工班 2019-08（已拨付）',
      startDate: '2019-08-12',
      days: 12,
      trainees: 3,
      employed: 2,
      until: 'tranche-paid',
    },
    '2019-08-01',
  );
  classes.inReview = await runClass(
    ctx,
    ground,
    {
      // (a key of its own since the demo worker joined its roster: on a database the earlier demo data
      // loaded, the class of the old key keeps its roster and this one is a class of its own)
      key: '焊工班 2019-12（申领审核中，含演示学员）',
      startDate: '2019-12-09',
      days: 10,
      trainees: 2,
      employed: 0,
      until: 'claim-in-review',
      // the development issuer's demo worker: trained, certified and named in this claim, which they
      // may confirm or object to in the console (my trainings, my certificates, my claims)
      extraTrainees: [DEMO_TRAINEE],
    },
    '2019-12-03',
  );
  classes.withdrawn = await runClass(
    ctx,
    ground,
    {
      key: '焊工班 2020-01（已撤回）',
      startDate: '2020-01-06',
      days: 10,
      trainees: 2,
      employed: 0,
      until: 'approved',
      withdraw: true,
    },
    '2019-12-23',
  );
  classes.applied = await runClass(
    ctx,
    ground,
    {
      key: '焊工班 2020-01（待审批）',
      startDate: '2020-01-06',
      days: 10,
      trainees: 2,
      employed: 0,
      until: 'applied',
    },
    '2019-12-23',
  );
  classes.approved = await runClass(
    ctx,
    ground,
    {
      key: '焊工班 2020-01（已批准）',
      startDate: '2020-01-06',
      days: 10,
      trainees: 2,
      employed: 0,
      until: 'approved',
    },
    '2019-12-23',
  );
  classes.running = await runClass(
    ctx,
    ground,
    {
      key: '焊工班 2019-12（培训中）',
      startDate: '2019-12-26',
      days: 10,
      trainees: 2,
      employed: 0,
      until: 'running',
    },
    '2019-12-23',
  );
  // a class whose one device checks its six trainees in at the same second every morning, and where
  // the inspectors find two on site on the second day (DOMAIN §9: proxy check-ins, ghost trainees)
  classes.suspicious = await runClass(
    ctx,
    ground,
    {
      key: '焊工班 2019-12（代签到嫌疑）',
      startDate: '2019-12-30',
      days: 5,
      trainees: 6,
      employed: 0,
      until: 'running',
      runningDays: 3,
      inspection: { day: 2, headcount: 2 },
    },
    '2019-12-27',
  );
  const fraudAlerts = await triageDemoAlerts(
    ctx.client,
    classes.suspicious.classId,
    { bursts: 3, aboveHeadcount: 1 },
    log,
  );
  // runClass left the clock on the suspicious class's third day
  return { classes, fraudAlerts, clock: '2020-01-01T08:40:00+08:00' };
}
