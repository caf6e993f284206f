// The registry's reaction to certification's InstitutionFailedQualityThreshold.v1 on the real runtime:
// the event published on the bus as certification publishes it, the institution disqualified for the
// next year by the registry's own durable consumer — once, whatever the redeliveries.
import { randomUUID } from 'node:crypto';
import type { registryV1 } from '@jineng/contracts';
import { eventSubject, type Envelope, type IntegrationEvent, type RpcClient } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  DedicatedNatsServer,
  connectTestDatabase,
  connectTestNats,
  envelopeKeyEnv,
  eventually,
  signingRpcClient,
  type TestDatabase,
} from '@jineng/testing';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { developmentKey } from '../../config/registry-keys';
import { registryMigrations } from '../../persistence/registry.migrations';
import { RegistryModule } from '../../registry.module';
import { birthDateForAge, creditCode, residentIdNumber } from '../../testing/registry.fixture';

let db: TestDatabase;
let nats: DedicatedNatsServer;
let app: INestApplication;
let proxy: ClientProxy;
let client: RpcClient;
let nc: NatsConnection;
let schema: string;

beforeAll(async () => {
  db = await connectTestDatabase('registry_quality');
  schema = await db.freshSchema();
  nats = await DedicatedNatsServer.start();
  process.env.JINENG_REGISTRY_DATA_KEY = developmentKey('JINENG_REGISTRY_DATA_KEY');
  process.env.JINENG_REGISTRY_LOOKUP_KEY = developmentKey('JINENG_REGISTRY_LOOKUP_KEY');
  const config = serviceConfigFromEnv(
    'registry',
    { port: 0 },
    {
      DATABASE_URL: db.runtimeRole().url,
      JINENG_MIGRATOR_DATABASE_URL: db.url,
      NATS_URL: nats.url,
      JINENG_SCHEMA: schema,
      LOG_LEVEL: 'error',
      ...envelopeKeyEnv('registry'),
    },
  );
  app = await createServiceApp(
    RegistryModule,
    config,
    new JsonLogger({ service: 'registry', level: 'error' }),
    {
      migrations: registryMigrations,
    },
  );
  await app.listen(0, '127.0.0.1');
  proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
  await proxy.connect();
  client = signingRpcClient(proxy, { defaultTimeoutMs: 30_000 });
  nc = await connectTestNats(nats.url);
});

afterAll(async () => {
  await nc?.close();
  await proxy?.close();
  await app?.close();
  await nats?.dispose();
  await db?.dispose();
});

const officer = (): Envelope => ({
  principal: { userId: 'officer-quality', roles: ['county_officer'], jurisdiction: '140802' },
  correlationId: randomUUID(),
  commandId: randomUUID(),
  sentAt: new Date().toISOString(),
});

const failure = (institutionId: string): IntegrationEvent => ({
  id: randomUUID(),
  type: 'InstitutionFailedQualityThreshold.v1',
  service: 'certification',
  streamId: `institution-quality-${institutionId}-2026`,
  streamVersion: 2,
  recordedAt: new Date().toISOString(),
  hash: 'ab'.repeat(32),
  data: {
    institutionId,
    jurisdictionCode: '140802',
    year: 2026,
    passRate: '0.7500',
    certificateRate: '0.7000',
    employmentRate: '0.4000',
    rule: 'min_yearly_pass_rate',
    disqualifiedForYear: 2027,
  },
  metadata: {},
});

it('disqualifies the institution for the next year, once, when certification reports a failed year', async () => {
  const institutionId = randomUUID();
  await client.send(
    { kind: 'command', service: 'registry', name: 'ApplyForListing' },
    {
      envelope: officer(),
      payload: {
        institutionId,
        name: '运城市质量考评测试学校',
        creditCode: creditCode(),
        type: 'technical_school',
        jurisdiction: '140802',
        licenceNumber: 'JS-1408-0099',
        bankAccount: {
          bankName: '中国农业银行运城分行',
          accountName: '运城市质量考评测试学校',
          accountNumber: '6228480012345678901',
        },
        siteAreaM2: 800,
        equipment: [{ name: '焊机', quantity: 10 }],
        scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
        teachers: [
          {
            teacherId: randomUUID(),
            name: '李师傅',
            idNumber: residentIdNumber(birthDateForAge(45), 'male'),
            occupationCodes: ['6-18-02-04'],
            fullTime: true,
          },
        ],
      },
    },
  );
  const js = jetstream(nc);
  const event = failure(institutionId);
  await js.publish(eventSubject('certification', event.type), JSON.stringify(event), { msgID: event.id });
  const get = () =>
    client.send<registryV1.InstitutionView>(
      { kind: 'query', service: 'registry', name: 'GetInstitution' },
      { envelope: { ...officer(), commandId: undefined }, payload: { institutionId } },
    );
  const disqualified = await eventually(async () => {
    const view = await get();
    expect(view.disqualifications).toHaveLength(1);
    return view;
  });
  expect(disqualified.disqualifications[0]).toMatchObject({
    year: 2027,
    reason: expect.stringContaining('培训合格率'),
  });

  // the same event again (a redelivery past the bus's duplicate window) and a second report of the year:
  // still one disqualification, and the consumer goes on (the later event of another institution is handled)
  await js.publish(eventSubject('certification', event.type), JSON.stringify(event), { msgID: randomUUID() });
  const again = { ...failure(institutionId) };
  await js.publish(eventSubject('certification', again.type), JSON.stringify(again), { msgID: again.id });
  const unknown = failure(randomUUID());
  await js.publish(eventSubject('certification', unknown.type), JSON.stringify(unknown), {
    msgID: unknown.id,
  });
  // every event handled once (the inbox row of each), none dead-lettered
  await eventually(async () => {
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from "${schema}".inbox where consumer = 'registry-quality-failures'`,
    );
    expect(rows[0]!.n).toBe(3);
  });
  expect((await get()).disqualifications).toHaveLength(1);
});
