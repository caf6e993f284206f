// The trainee's own trainings (ListMyTrainings, ExportMyTrainings) on the real runtime: class-ops as it
// runs (PostgreSQL as its own role, a nats-server of its own), the institution's name learnt from the
// registry's event on the bus, the classes and check-ins in class-ops' own tables. A worker sees their
// own classes only — the worker is the signed-in principal, never a parameter — with the sessions
// attended of the class's total; the officer's history of the same worker reads the same rows.
import { randomUUID } from 'node:crypto';
import type { classOpsV1, commonV1 } from '@jineng/contracts';
import {
  eventSubject,
  FileStore,
  type Envelope,
  type IntegrationEvent,
  type Principal,
  type RpcClient,
} from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  connectTestDatabase,
  connectTestNats,
  DedicatedNatsServer,
  envelopeKeyEnv,
  eventually,
  expectContract,
  rejection,
  signingRpcClient,
  type TestDatabase,
} from '@jineng/testing';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { ClassOpsModule } from '../class-ops.module';
import { classOpsMigrations } from '../persistence/class-ops.migrations';

let db: TestDatabase;
let schema: string;
let nats: DedicatedNatsServer;
let app: INestApplication;
let proxy: ClientProxy;
let client: RpcClient;
let nc: NatsConnection;

const YANHU = '140802';
const INSTITUTION = randomUUID();
const [ME, NEIGHBOUR] = [randomUUID(), randomUUID()];
const [WELDING, COOKING, NEIGHBOURS_ONLY] = [randomUUID(), randomUUID(), randomUUID()];

const worker = (userId: string): Principal => ({ userId, roles: ['worker'], jurisdiction: YANHU });
const officer: Principal = { userId: 'officer-140802', roles: ['county_officer'], jurisdiction: YANHU };
const envelopeOf = (principal: Principal): Envelope => ({
  principal,
  correlationId: randomUUID(),
  sentAt: new Date().toISOString(),
});
const query = <R>(name: string, principal: Principal, payload: object) =>
  client.send<R>({ kind: 'query', service: 'class-ops', name }, { envelope: envelopeOf(principal), payload });
const mine = (principal: Principal, payload: object = {}) =>
  query<classOpsV1.TrainingHistoryPage>('ListMyTrainings', principal, payload);

async function publishRegistry(streamId: string, version: number, type: string, data: object) {
  const event: IntegrationEvent = {
    id: randomUUID(),
    type,
    service: 'registry',
    streamId,
    streamVersion: version,
    recordedAt: new Date().toISOString(),
    hash: 'ab'.repeat(32),
    data: JSON.parse(JSON.stringify(data)),
    metadata: {},
  };
  await jetstream(nc).publish(eventSubject('registry', type), JSON.stringify(event), { msgID: event.id });
}

async function insertClass(
  classId: string,
  status: string,
  occupationCode: string,
  start: string,
  end: string,
) {
  await db.pool.query(
    `insert into "${schema}".classes (class_id, institution_id, jurisdiction, status, occupation_code, level,
       training_type, start_date, end_date, fund_source, planned_headcount, key_group, applied_at,
       updated_at, site, daily_start_time, total_hours, lesson_minutes)
     values ($1, $2, $3, $4, $5, 4, 'employment', $6, $7, 'unemployment_insurance', 30, false, now(), now(),
       $8, '08:30', 80, 45)`,
    [
      classId,
      INSTITUTION,
      YANHU,
      status,
      occupationCode,
      start,
      end,
      JSON.stringify({ name: '实训基地', lat: 35.02, lng: 111.0, radiusMetres: 200 }),
    ],
  );
}

async function checkIn(classId: string, workerId: string, sessionNo: number, accepted = true) {
  await db.pool.query(
    `insert into "${schema}".check_ins (check_in_id, device_id, device_event_id, class_id, worker_id, at,
       accepted, session_no, reasons, recorded_at)
     values ($1, $2, $3, $4, $5, now(), $6, $7, '[]', now())`,
    [randomUUID(), randomUUID(), randomUUID(), classId, workerId, accepted, sessionNo],
  );
}

beforeAll(async () => {
  db = await connectTestDatabase('class_ops_my_trainings');
  schema = await db.freshSchema();
  nats = await DedicatedNatsServer.start();
  const config = serviceConfigFromEnv(
    'class-ops',
    { port: 0 },
    {
      DATABASE_URL: db.runtimeRole().url,
      JINENG_MIGRATOR_DATABASE_URL: db.url,
      NATS_URL: nats.url,
      JINENG_SCHEMA: schema,
      LOG_LEVEL: 'error',
      ...envelopeKeyEnv('class-ops'),
    },
  );
  app = await createServiceApp(
    ClassOpsModule,
    config,
    new JsonLogger({ service: 'class-ops', level: 'error' }),
    {
      migrations: classOpsMigrations,
    },
  );
  await app.listen(0, '127.0.0.1');
  proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
  await proxy.connect();
  client = signingRpcClient(proxy, { defaultTimeoutMs: 15_000 });
  nc = await connectTestNats(nats.url);

  // what the registry publishes: the two workers, the institution with its name
  for (const workerId of [ME, NEIGHBOUR])
    await publishRegistry(`worker-${workerId}`, 1, 'WorkerRegistered.v1', {
      workerId,
      jurisdiction: YANHU,
      hukouJurisdiction: YANHU,
      residenceJurisdiction: YANHU,
      ableToWork: true,
      willingToWork: true,
    });
  await publishRegistry(`institution-${INSTITUTION}`, 1, 'InstitutionAppliedForListing.v1', {
    institutionId: INSTITUTION,
    name: '盐湖区焊工技能培训学校',
    jurisdiction: YANHU,
    type: 'technical_school',
    creditCode: '91140802MA0TEST001',
    scope: [{ occupationCode: '6-18-02-04', levels: [4] }],
  });
  await eventually(async () => {
    const { rows } = await db.pool.query(`select name from "${schema}".rm_institutions`);
    expect(rows).toEqual([{ name: '盐湖区焊工技能培训学校' }]);
    const workers = await db.pool.query(`select count(*)::int as n from "${schema}".rm_workers`);
    expect(workers.rows[0].n).toBe(2);
  });

  // a completed 10-day welding class (both of us, I attended 3 sessions, one refused check-in besides),
  // a running 5-day cooking class (me only, 1 session), a class of my neighbour's only
  await insertClass(WELDING, 'completed', '6-18-02-04', '2026-03-02', '2026-03-11');
  await insertClass(COOKING, 'running', '4-03-02-01', '2026-06-01', '2026-06-05');
  await insertClass(NEIGHBOURS_ONLY, 'approved', '6-18-02-04', '2026-09-01', '2026-09-10');
  await db.pool.query(
    `insert into "${schema}".class_trainees values ($1, $3), ($1, $4), ($2, $3), ($5, $4)`,
    [WELDING, COOKING, ME, NEIGHBOUR, NEIGHBOURS_ONLY],
  );
  for (const session of [1, 2, 3]) await checkIn(WELDING, ME, session);
  await checkIn(WELDING, ME, 4, false);
  await checkIn(WELDING, NEIGHBOUR, 1);
  await checkIn(COOKING, ME, 1);
}, 90_000);

afterAll(async () => {
  await nc?.close();
  await proxy?.close();
  await app?.close();
  await nats?.dispose();
  await db?.dispose();
});

it('answers the signed-in worker their own classes only, newest first, with institution, sessions attended of total', async () => {
  const page = await mine(worker(ME));
  expectContract('jineng.class_ops.v1.TrainingHistoryPage', page);
  expect(page.total).toBe(2);
  expect(page.items).toEqual([
    expect.objectContaining({
      classId: COOKING,
      institutionId: INSTITUTION,
      institutionName: '盐湖区焊工技能培训学校',
      status: 'running',
      occupationCode: '4-03-02-01',
      level: 4,
      startDate: '2026-06-01',
      endDate: '2026-06-05',
      sessionsAttended: 1,
      sessionsTotal: 5,
    }),
    expect.objectContaining({
      classId: WELDING,
      status: 'completed',
      startDate: '2026-03-02',
      endDate: '2026-03-11',
      sessionsAttended: 3,
      sessionsTotal: 10,
    }),
  ]);
  // my neighbour: their two classes, never mine alone
  const theirs = await mine(worker(NEIGHBOUR));
  expect(theirs.items.map((row) => [row.classId, row.sessionsAttended])).toEqual([
    [NEIGHBOURS_ONLY, 0],
    [WELDING, 1],
  ]);
  // paging and sorting as every list
  const first = await mine(worker(ME), { pageSize: 1, sort: 'startDate' });
  expect([first.total, first.items.map((r) => r.classId)]).toEqual([2, [WELDING]]);
  // a worker with no class: an empty list
  expect((await mine(worker(randomUUID()))).total).toBe(0);
});

it('filters my trainings by the class status (list and export); an unknown status is bad input', async () => {
  const completed = await mine(worker(ME), { status: 'completed' });
  expect([completed.total, completed.items.map((r) => r.classId)]).toEqual([1, [WELDING]]);
  const running = await mine(worker(ME), { status: 'running' });
  expect([running.total, running.items.map((r) => r.classId)]).toEqual([1, [COOKING]]);
  // the neighbour's approved class is theirs: none of mine is approved
  expect((await mine(worker(ME), { status: 'approved' })).total).toBe(0);
  const json = await query<commonV1.FileReply>('ExportMyTrainings', worker(ME), {
    format: 'json',
    status: 'running',
  });
  const { data } = await new FileStore(nc, 'class-ops').read(json.fileId);
  const chunks: Buffer[] = [];
  for await (const chunk of data as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { rows: { classId: string }[] };
  expect(exported.rows.map((row) => row.classId)).toEqual([COOKING]);
  const bad = await rejection(mine(worker(ME), { status: 'finished' }));
  expect([bad.category, JSON.stringify(bad.details).includes('status')]).toEqual(['validation', true]);
});

it('reuses the officer history: the same rows as GET /workers/:id/training-history', async () => {
  const history = await query<classOpsV1.TrainingHistoryPage>('ListTrainingHistory', officer, {
    workerId: ME,
  });
  expectContract('jineng.class_ops.v1.TrainingHistoryPage', history);
  expect(history).toEqual(await mine(worker(ME)));
});

it('refuses anyone but a worker as themselves; a worker id in the request is bad input', async () => {
  expect((await rejection(mine(officer))).code).toBe('CLASS.ACCESS_DENIED');
  const anonymous: Principal = { userId: 'anonymous', roles: ['anonymous'], jurisdiction: '110000' };
  expect((await rejection(mine(anonymous))).code).toBe('CLASS.ACCESS_DENIED');
  const bad = await rejection(mine(worker(ME), { workerId: NEIGHBOUR, pageSize: 0, sort: 'start date' }));
  expect(bad.category).toBe('validation');
  const details = JSON.stringify(bad.details);
  for (const field of ['workerId', 'pageSize', 'sort']) expect(details).toContain(field);
  expect([bad.messageZh.length > 0, bad.messageEn.length > 0]).toEqual([true, true]);
});

it('exports my trainings (.xlsx; JSON with the same rows), nobody else’s', async () => {
  const xlsx = await query<commonV1.FileReply>('ExportMyTrainings', worker(ME), { format: 'xlsx' });
  expectContract('jineng.common.v1.FileReply', xlsx);
  expect(xlsx.fileName).toMatch(/^我的培训-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(xlsx.size).toBeGreaterThan(1000);
  const json = await query<commonV1.FileReply>('ExportMyTrainings', worker(ME), { format: 'json' });
  const { data } = await new FileStore(nc, 'class-ops').read(json.fileId);
  const chunks: Buffer[] = [];
  for await (const chunk of data as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { rows: { classId: string }[] };
  expect(exported.rows.map((row) => row.classId)).toEqual([COOKING, WELDING]);
  expect((await rejection(query('ExportMyTrainings', officer, { format: 'xlsx' }))).code).toBe(
    'CLASS.ACCESS_DENIED',
  );
});
