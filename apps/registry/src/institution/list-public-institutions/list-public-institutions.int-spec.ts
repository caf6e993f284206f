// The public institution directory on the real runtime (PostgreSQL, a nats-server of its own): asked as
// the gateway's anonymous principal, it answers the listed institutions only, filtered by jurisdiction,
// occupation and name, paged, exported — and nothing of a person (teachers' names and ID numbers, the
// bank account) that the registry keeps about the same institutions.
import { randomUUID } from 'node:crypto';
import type { commonV1, registryV1 } from '@jineng/contracts';
import type { Envelope, Principal, RpcClient } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  DedicatedNatsServer,
  connectTestDatabase,
  envelopeKeyEnv,
  eventually,
  expectContract,
  rejection,
  signingRpcClient,
  type TestDatabase,
} from '@jineng/testing';
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

/** the gateway's principal for a public route without a token (apps/gateway routing/authorize.ts) */
const ANONYMOUS: Principal = { userId: 'anonymous', roles: ['anonymous'], jurisdiction: '110000' };
const officer: Principal = { userId: 'officer-directory', roles: ['county_officer'], jurisdiction: '140000' };
const envelopeOf = (principal: Principal, commandId?: string): Envelope => ({
  principal,
  correlationId: randomUUID(),
  ...(commandId ? { commandId } : {}),
  sentAt: new Date().toISOString(),
});
const command = (name: string, payload: object) =>
  client.send(
    { kind: 'command', service: 'registry', name },
    { envelope: envelopeOf(officer, randomUUID()), payload },
  );
const query = <R>(name: string, payload: object, principal: Principal = ANONYMOUS) =>
  client.send<R>({ kind: 'query', service: 'registry', name }, { envelope: envelopeOf(principal), payload });

const TEACHER_ID_NUMBER = residentIdNumber(birthDateForAge(45), 'male');
const BANK_ACCOUNT = '6228480012345678901';

async function institution(
  name: string,
  jurisdiction: string,
  occupationCode: string,
  listed: boolean,
): Promise<string> {
  const institutionId = randomUUID();
  await command('ApplyForListing', {
    institutionId,
    name,
    creditCode: creditCode(),
    type: 'technical_school',
    jurisdiction,
    licenceNumber: `JS-${jurisdiction}-01`,
    bankAccount: { bankName: '中国农业银行', accountName: name, accountNumber: BANK_ACCOUNT },
    siteAreaM2: 800,
    equipment: [{ name: '焊机', quantity: 10 }],
    scope: [{ occupationCode, levels: [5, 4] }],
    teachers: [
      {
        teacherId: randomUUID(),
        name: '李师傅',
        idNumber: TEACHER_ID_NUMBER,
        occupationCodes: [occupationCode],
        fullTime: true,
      },
    ],
  });
  if (listed) await command('ListInstitution', { institutionId, publicationBatch: '2026年第1批' });
  return institutionId;
}

let welding: string;
let cooking: string;
let linyi: string;
let applied: string;

beforeAll(async () => {
  db = await connectTestDatabase('registry_public_directory');
  const schema = await db.freshSchema();
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

  welding = await institution('盐湖区焊工技能培训学校', '140802', '6-18-02-04', true);
  cooking = await institution('盐湖区烹饪职业培训学校', '140802', '4-03-02-01', true);
  linyi = await institution('临猗县焊工培训中心', '140821', '6-18-02-04', true);
  applied = await institution('盐湖区未列入目录的学校', '140802', '6-18-02-04', false);
  // the read model follows the events
  await eventually(async () => {
    const all = await query<registryV1.PublicInstitutionPage>('ListPublicInstitutions', {});
    expect(all.total).toBe(3);
  });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await app?.close();
  await nats?.dispose();
  await db?.dispose();
});

const list = (payload: object) => query<registryV1.PublicInstitutionPage>('ListPublicInstitutions', payload);
const ids = (page: registryV1.PublicInstitutionPage) => page.items.map((i) => i.institutionId);

it('answers anonymously the listed institutions only, with their occupations and listing, and no personal data', async () => {
  const all = await list({});
  expectContract('jineng.registry.v1.PublicInstitutionPage', all);
  expect(ids(all)).not.toContain(applied);
  // sorted by name by default
  expect(all.items.map((i) => i.name)).toEqual([...all.items.map((i) => i.name)].sort());
  expect(all.items.find((i) => i.institutionId === welding)).toMatchObject({
    name: '盐湖区焊工技能培训学校',
    type: 'technical_school',
    jurisdiction: '140802',
    scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
    publicationBatch: '2026年第1批',
    listedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    disqualifiedYears: [],
  });
  // the registry keeps the teachers and the bank account of the same institutions: none of it here
  const text = JSON.stringify(all);
  expect(text).not.toContain('李师傅');
  expect(text).not.toContain(TEACHER_ID_NUMBER);
  expect(text).not.toContain(TEACHER_ID_NUMBER.slice(0, 6) + '*');
  expect(text).not.toContain(BANK_ACCOUNT);
  expect(text).not.toMatch(/teacher|idNumber|phone|bankAccount|nameMasked/i);
  const view = await query<registryV1.InstitutionView>('GetInstitution', { institutionId: welding }, officer);
  // …while the registry does hold them (masked to an officer)
  expect(view.teachers[0]?.nameMasked).toMatch(/^李/);
  expect(view.teachers[0]?.nameMasked).not.toBe('李师傅');
});

it('filters by jurisdiction (and below it), occupation and part of the name; pages; sorts', async () => {
  expect(new Set(ids(await list({ jurisdiction: '140802' })))).toEqual(new Set([welding, cooking]));
  expect(new Set(ids(await list({ jurisdiction: '140800' })))).toEqual(new Set([welding, cooking, linyi]));
  expect(ids(await list({ jurisdiction: '140821' }))).toEqual([linyi]);
  expect(new Set(ids(await list({ occupationCode: '6-18-02-04' })))).toEqual(new Set([welding, linyi]));
  expect(ids(await list({ occupationCode: '4-03-02-01' }))).toEqual([cooking]);
  expect(new Set(ids(await list({ name: '焊工' })))).toEqual(new Set([welding, linyi]));
  expect(ids(await list({ name: '焊工', jurisdiction: '140802' }))).toEqual([welding]);
  // '%' is a character to find, not a wildcard
  expect((await list({ name: '%' })).total).toBe(0);
  const first = await list({ pageSize: 2, sort: '-name' });
  const second = await list({ pageSize: 2, page: 2, sort: '-name' });
  expect([first.total, first.items.length, second.items.length]).toEqual([3, 2, 1]);
  expect([...ids(first), ...ids(second)]).toEqual(ids(await list({ sort: '-name' })));
});

it('exports the same filtered list as .xlsx', async () => {
  const file = await query<commonV1.FileReply>('ExportPublicInstitutions', {
    format: 'xlsx',
    occupationCode: '6-18-02-04',
  });
  expectContract('jineng.common.v1.FileReply', file);
  expect(file.fileName).toMatch(/^培训机构名录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(file.size).toBeGreaterThan(1000);
});

it('refuses bad input with the field and the reason (400), in Chinese and English', async () => {
  const bad = await rejection(list({ jurisdiction: '14', occupationCode: 'welding', pageSize: 10_000 }));
  expect(bad.category).toBe('validation');
  const details = JSON.stringify(bad.details);
  for (const field of ['jurisdiction', 'occupationCode', 'pageSize']) expect(details).toContain(field);
  expect([bad.messageZh, bad.messageEn].every((m) => m.length > 0)).toBe(true);
  expect((await rejection(list({ sort: 'creditCode' }))).category).toBe('validation');
  expect((await rejection(list({ name: 'x'.repeat(51) }))).category).toBe('validation');
});
