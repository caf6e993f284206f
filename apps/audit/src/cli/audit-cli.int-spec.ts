// The auditors' CLI against the platform: the gateway and the audit service as processes on their own
// bus (libs/testing startPlatform), two paid claims' histories published by the services' stores and
// relays under those services' bus identities, and `npm run audit -- …` run as a child process that
// signs in on the gateway as an auditor — it never touches the database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PostgresEventStore } from '@jineng/event-store';
import { Money } from '@jineng/kernel';
import { OutboxRelay } from '@jineng/messaging';
import {
  connectTestDatabase,
  devToken,
  eventually,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { SourceService } from '../audit-service.fixture';
import { claimHistory, type SourceEvent } from '../shared/claim-history.fixture';

const repoRoot = path.resolve(__dirname, '../../../..');
let platform: RunningPlatform;
let db: TestDatabase;
const connections: NatsConnection[] = [];
const sources = new Map<string, SourceService>();
const paid = claimHistory();
// a second claim paid in full although a trainee's certificate had been revoked before it was submitted
const overpaid = claimHistory();
const revokedFirst: SourceEvent[] = [...overpaid.events];
revokedFirst.splice(
  revokedFirst.findIndex((e) => e.type === 'ClaimSubmitted.v1'),
  0,
  {
    service: 'certification',
    streamId: `certificate-${overpaid.ids.certificates[1]}`,
    type: 'CertificateRevoked.v1',
    data: {
      certificateId: overpaid.ids.certificates[1],
      workerId: overpaid.ids.workers[1],
      classId: overpaid.ids.classId,
      reason: '代考',
      revokedBy: 'officer-yc',
    },
  },
);
const recordedAt = new Map<string, number>();

beforeAll(async () => {
  db = await connectTestDatabase('audit_cli');
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
    { name: 'audit', env: { JINENG_SCHEMA: db.schema } },
  ]);
  let count = 0;
  for (const [n, event] of [...paid.events, ...revokedFirst].entries()) {
    let source = sources.get(event.service);
    if (!source) {
      const store = await PostgresEventStore.create({ pool: db.pool, schema: await db.freshSchema() });
      const nc = await platform.bus.connect(event.service);
      connections.push(nc);
      const relay = new OutboxRelay({ store, nc, service: event.service, pollIntervalMs: 50 });
      relay.start();
      source = new SourceService(event.service, store, relay);
      sources.set(event.service, source);
    }
    const [stored] = await source.append(event.streamId, [{ type: event.type, data: event.data as never }], {
      jurisdiction: event.type === 'PolicyVersionPublished.v1' ? '140800' : '140802',
      actor: { userId: `system:${event.service}`, roles: ['system'] },
    });
    if (n < paid.events.length) recordedAt.set(event.type, stored.recordedAt.getTime());
    count++;
  }
  await eventually(
    async () => {
      const { rows } = await db.pool.query(`select count(*)::int as n from "${db.schema}".audit_events`);
      expect(rows[0].n).toBe(count);
    },
    { timeoutMs: 60_000 },
  );
}, 180_000);

afterAll(async () => {
  for (const source of sources.values()) await source.stop();
  for (const nc of connections) await nc.close();
  await platform?.stop();
  await db?.dispose();
});

/** `npm run -s audit -- …` as an auditor would type it */
function cli(args: string[], user = 'auditor'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'audit', '--', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', JINENG_GATEWAY_URL: platform.urls.gateway, JINENG_DEV_USER: user },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

it("verify: every service's chains in the copy, with progress per service", async () => {
  const run = await cli(['verify']);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as {
    ok: boolean;
    services: { service: string; ok: boolean; events: number }[];
  };
  expect(report.ok).toBe(true);
  expect(report.services.map((s) => s.service)).toEqual([
    'registry',
    'class-ops',
    'certification',
    'subsidy',
    'fund-ledger',
  ]);
  expect(report.services.find((s) => s.service === 'subsidy')!.events).toBe(
    [...paid.events, ...revokedFirst].filter((e) => e.service === 'subsidy').length,
  );
  expect(run.stderr).toContain('] 5/5 100% fund-ledger');
  expect(run.stderr).toMatch(/audit copy verified: \d+ streams, \d+ events/);
}, 60_000);

it('timeline, explain and replay of a paid claim, over the gateway', async () => {
  const timeline = await cli(['timeline', paid.ids.claimId, '--service', 'fund-ledger']);
  expect(timeline.code).toBe(0);
  expect((JSON.parse(timeline.stdout) as { items: { type: string }[] }).items.map((e) => e.type)).toEqual([
    'CommitmentMade.v1',
    'PaymentBatchIssued.v1',
    'PaymentSettled.v1',
  ]);
  expect(timeline.stderr).toContain('] 1/1 100% pages');

  const explain = await cli(['explain', '--payment', paid.ids.paymentId]);
  expect(explain.code).toBe(0);
  const explanation = JSON.parse(explain.stdout) as {
    claimId: string;
    missing: string[];
    links: { step: string }[];
  };
  expect(explanation.claimId).toBe(paid.ids.claimId);
  expect(explanation.missing).toEqual([]);
  expect(explanation.links.filter((l) => l.step === 'check_in')).toHaveLength(3);
  expect(explain.stderr).toContain(`paid ${Money.fen(paid.amountFen).format()}`);

  const between = new Date(
    Math.floor((recordedAt.get('ClaimNoticePublished.v1')! + recordedAt.get('ClaimApproved.v1')!) / 2),
  ).toISOString();
  const replay = await cli(['replay', paid.ids.claimId, '--as-of', between]);
  expect(replay.code).toBe(0);
  expect(JSON.parse(replay.stdout)).toMatchObject({ claim: { status: 'on_notice' }, payments: [] });
}, 90_000);

it('recompute: equal for the claim paid right, the difference to the fen and a finding exit for the other', async () => {
  const run = await cli(['recompute', paid.ids.claimId, overpaid.ids.claimId]);
  expect(run.code).toBe(3);
  const results = JSON.parse(run.stdout) as { claimId: string; equal: boolean; differenceFen: number }[];
  expect(results.map((r) => [r.claimId, r.equal, r.differenceFen])).toEqual([
    [paid.ids.claimId, true, 0],
    [overpaid.ids.claimId, false, -120_000],
  ]);
  expect(run.stderr).toContain('] 2/2 100% claims');
  expect(run.stderr).toContain('2 claims recomputed, 1 differ');
}, 60_000);

it("one trainee's line through the claim's route; bad input over HTTP is a 400 naming the field", async () => {
  const [, w2] = paid.ids.workers;
  const line = await cli(['explain', '--claim', paid.ids.claimId, '--worker', w2]);
  expect(line.code).toBe(0);
  const explanation = JSON.parse(line.stdout) as {
    explainedFen: number;
    links: { step: string; workerId?: string }[];
  };
  expect(explanation.explainedFen).toBe(120_000);
  expect(explanation.links.filter((l) => l.step === 'breakdown_line').map((l) => l.workerId)).toEqual([w2]);

  const token = await devToken(platform.urls.gateway!, 'auditor');
  const bad = await fetch(
    `${platform.urls.gateway}/api/v1/audit/claims/${paid.ids.claimId}/as-of?asOf=yesterday`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  const body = (await bad.json()) as { code: string; violations: { path: string }[] };
  expect([bad.status, body.code]).toEqual([400, 'GATEWAY.INVALID_REQUEST']);
  expect(body.violations.map((v) => v.path)).toEqual(['asOf']);
}, 60_000);

it('refusals: another role is refused by the gateway, a bad argument before any call', async () => {
  const officer = await cli(['recompute', paid.ids.claimId], 'county_officer');
  expect(officer.code).toBe(1);
  expect(officer.stderr).toContain('GATEWAY.FORBIDDEN_ROLE (HTTP 403)');
  const usage = await cli(['replay', paid.ids.claimId, '--as-of', 'yesterday']);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain("--as-of 'yesterday' is not an ISO time");
}, 60_000);
