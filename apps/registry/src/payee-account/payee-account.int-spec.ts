// RecordPayeeAccount on the real runtime (PostgreSQL, a nats-server of its own): the account is sealed
// to the fund ledger's public key — nothing the registry stores holds it in clear —, the ledger's private
// key opens it, a changed account is a new digest, the same one records nothing, and only the payee
// itself or an officer of its jurisdiction may record it.
import { randomUUID, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ReceivedDomainError } from '@jineng/ddd';
import { openSealedBox, PAYEE_ACCOUNT_PURPOSE, sealingPrivateKey } from '@jineng/kernel';
import type { Envelope, Principal, RpcClient } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  connectTestDatabase,
  DedicatedNatsServer,
  envelopeKeyEnv,
  payeeSealingKeyEnv,
  signingRpcClient,
  type TestDatabase,
} from '@jineng/testing';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { developmentKey } from '../config/registry-keys';
import { registryMigrations } from '../persistence/registry.migrations';
import { RegistryModule } from '../registry.module';
import { birthDateForAge, creditCode, residentIdNumber } from '../testing/registry.fixture';

let db: TestDatabase;
let nats: DedicatedNatsServer;
let app: INestApplication;
let proxy: ClientProxy;
let client: RpcClient;
let schema: string;

beforeAll(async () => {
  db = await connectTestDatabase('registry_payee');
  schema = await db.freshSchema();
  nats = await DedicatedNatsServer.start();
  process.env.JINENG_REGISTRY_DATA_KEY = developmentKey('JINENG_REGISTRY_DATA_KEY');
  process.env.JINENG_REGISTRY_LOOKUP_KEY = developmentKey('JINENG_REGISTRY_LOOKUP_KEY');
  process.env.JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE =
    payeeSealingKeyEnv().JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE;
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
});

afterAll(async () => {
  delete process.env.JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE;
  await proxy?.close();
  await app?.close();
  await nats?.dispose();
  await db?.dispose();
});

const OFFICER: Principal = { userId: 'officer-int', roles: ['county_officer'], jurisdiction: '140802' };
const envelope = (principal: Principal): Envelope => ({
  principal,
  correlationId: randomUUID(),
  commandId: randomUUID(),
  sentAt: new Date().toISOString(),
});
const command = <R>(name: string, payload: unknown, principal: Principal = OFFICER) =>
  client.send<R>({ kind: 'command', service: 'registry', name }, { envelope: envelope(principal), payload });
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReceivedDomainError);
  return (error as ReceivedDomainError).code;
};

const ledgerKey = () =>
  sealingPrivateKey(readFileSync(payeeSealingKeyEnv().JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE, 'utf8'));
const ACCOUNT_NUMBER = '6222020200112233445';
const NEW_NUMBER = '6217000010099887766';

async function registerEnterprise(): Promise<string> {
  const enterpriseId = randomUUID();
  await command('RegisterEnterprise', {
    enterpriseId,
    name: '运城市盐湖区宏达机械有限公司',
    creditCode: creditCode(),
    jurisdiction: '140802',
    headcount: 120,
    small: false,
    micro: false,
  });
  return enterpriseId;
}

it('seals the account: no stored event holds it in clear, the ledger opens it, a new account is a new digest', async () => {
  const enterpriseId = await registerEnterprise();
  const enterprise: Principal = {
    userId: 'ent-user',
    roles: ['enterprise'],
    jurisdiction: '140802',
    enterpriseId,
  };
  const record = (accountNumber: string, principal = enterprise) =>
    command<{ events: string[]; idempotent: boolean }>(
      'RecordPayeeAccount',
      {
        payeeId: enterpriseId,
        payeeKind: 'enterprise',
        accountName: '宏达机械有限公司',
        accountNumber,
        bankCode: '102100099996',
      },
      principal,
    );
  expect((await record(ACCOUNT_NUMBER)).events).toEqual(['PayeeAccountSealed.v1']);
  // the same account again: nothing new
  expect((await record(ACCOUNT_NUMBER, OFFICER)).events).toEqual([]);
  expect((await record(NEW_NUMBER, OFFICER)).events).toEqual(['PayeeAccountSealed.v1']);

  // nothing in the whole schema holds the clear number (events, outbox, command log, read models)
  const { rows: tables } = await db.pool.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`,
    [schema],
  );
  for (const { table_name } of tables) {
    const { rows } = await db.pool.query(
      `select count(*)::int as n from "${schema}"."${table_name}" t where t::text like '%' || $1 || '%' or t::text like '%' || $2 || '%'`,
      [ACCOUNT_NUMBER, NEW_NUMBER],
    );
    expect({ table: table_name, n: rows[0].n }).toEqual({ table: table_name, n: 0 });
  }

  const { rows: events } = await db.pool.query<{ data: Record<string, string> }>(
    `select data from "${schema}".events where type = 'PayeeAccountSealed.v1' and stream_id = $1 order by version`,
    [`payee-account-${enterpriseId}`],
  );
  expect(events).toHaveLength(2);
  const opened = events.map((e) =>
    JSON.parse(openSealedBox(ledgerKey(), e.data.sealedAccount!, PAYEE_ACCOUNT_PURPOSE)),
  );
  expect(opened).toEqual([
    { accountName: '宏达机械有限公司', accountNumber: ACCOUNT_NUMBER },
    { accountName: '宏达机械有限公司', accountNumber: NEW_NUMBER },
  ]);
  expect(events[0]!.data).toMatchObject({
    payeeId: enterpriseId,
    payeeKind: 'enterprise',
    bankCode: '102100099996',
    accountDigest: createHash('sha256').update(JSON.stringify(opened[0])).digest('hex'),
  });
  expect(events[1]!.data.accountDigest).not.toBe(events[0]!.data.accountDigest);
});

it('lets a worker record their own account only; another payee or an unknown one is refused', async () => {
  const birthDate = birthDateForAge(30);
  const { id: workerId } = await command<{ id: string }>('RegisterWorker', {
    idNumber: residentIdNumber(birthDate, 'female'),
    name: '李小红',
    gender: 'female',
    birthDate,
    jurisdiction: '140802',
    hukouJurisdiction: '140802',
    residenceJurisdiction: '140802',
    phone: '13512345678',
    education: 'senior_secondary',
    category: 'urban_labour',
    ableToWork: true,
    willingToWork: true,
  });
  const account = {
    payeeId: workerId,
    payeeKind: 'worker',
    accountName: '李小红',
    accountNumber: ACCOUNT_NUMBER,
    bankCode: '103100000026',
  };
  const self: Principal = { userId: workerId, roles: ['worker'], jurisdiction: '140802' };
  expect((await command<{ events: string[] }>('RecordPayeeAccount', account, self)).events).toEqual([
    'PayeeAccountSealed.v1',
  ]);
  const otherWorker: Principal = { userId: randomUUID(), roles: ['worker'], jurisdiction: '140802' };
  expect(await refusal(command('RecordPayeeAccount', account, otherWorker))).toBe(
    'REGISTRY.ROLE_NOT_ALLOWED',
  );
  const enterpriseId = await registerEnterprise();
  const foreignEnterprise: Principal = {
    userId: 'e',
    roles: ['enterprise'],
    jurisdiction: '140802',
    enterpriseId: randomUUID(),
  };
  expect(
    await refusal(
      command(
        'RecordPayeeAccount',
        { ...account, payeeId: enterpriseId, payeeKind: 'enterprise' },
        foreignEnterprise,
      ),
    ),
  ).toBe('REGISTRY.FOREIGN_PARTY');
  const farOfficer: Principal = { userId: 'o', roles: ['county_officer'], jurisdiction: '140100' };
  expect(await refusal(command('RecordPayeeAccount', account, farOfficer))).toBe(
    'REGISTRY.FOREIGN_JURISDICTION',
  );
  expect(await refusal(command('RecordPayeeAccount', { ...account, payeeId: randomUUID() }))).toBe(
    'PAYEE.NOT_REGISTERED',
  );
  // bad input: 400 naming the field, nothing recorded
  expect(await refusal(command('RecordPayeeAccount', { ...account, accountNumber: '12-34' }))).toBe(
    'MESSAGING.INVALID_PAYLOAD',
  );
});
