// The registry service on the real runtime (PostgreSQL, a nats-server of its own): handlers over
// request/reply, their transactions with the vault, idempotent retries, the one-person-one-card
// guard under concurrency, the roster import's limits (an upload's size at every part, one import per
// user at a time), command identity, signed envelopes, and the read models (projections) including a
// rebuild.
import { randomUUID } from 'node:crypto';
import { ReceivedDomainError } from '@jineng/ddd';
import { ProjectionRunner, type PostgresEventStore } from '@jineng/event-store';
import {
  EnvelopeSigner,
  type EnvelopeMacKey,
  gatewayKeysFromJwks,
  generateEnvelopeMacJwk,
  rpcSubject,
  type Envelope,
  type RpcClient,
  type RpcRequest,
} from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, EVENT_STORE, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  connectTestDatabase,
  connectTestNats,
  DedicatedNatsServer,
  envelopeKeyEnv,
  eventually,
  signingRpcClient,
  testEnvelopeKeys,
  type TestDatabase,
} from '@jineng/testing';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import type { DataSource } from 'typeorm';
import { developmentKey } from './config/registry-keys';
import { readModelProjections } from './persistence/read-models';
import { registryMigrations } from './persistence/registry.migrations';
import { RegistryModule } from './registry.module';
import { READ_MODEL_DATA_SOURCE } from './registry.tokens';
import { birthDateForAge, creditCode, residentIdNumber } from './testing/registry.fixture';

const ROSTER_FILE_LIMIT = 1024 * 1024;
const ROSTER_HEADER =
  '身份证号码,姓名,性别,出生日期,户籍地区划代码,常住地区划代码,手机号码,文化程度,人员类别,重点群体,是否有劳动能力,是否有就业意愿';

let db: TestDatabase;
let nats: DedicatedNatsServer;
let app: INestApplication;
let proxy: ClientProxy;
let client: RpcClient;
let schema: string;

beforeAll(async () => {
  db = await connectTestDatabase('registry_int');
  schema = await db.freshSchema();
  nats = await DedicatedNatsServer.start();
  process.env.JINENG_REGISTRY_DATA_KEY = developmentKey('JINENG_REGISTRY_DATA_KEY');
  process.env.JINENG_REGISTRY_LOOKUP_KEY = developmentKey('JINENG_REGISTRY_LOOKUP_KEY');
  // a small file limit, for the upload test; every other roster here is far below it
  process.env.JINENG_ROSTER_MAX_FILE_BYTES = String(ROSTER_FILE_LIMIT);
  const config = serviceConfigFromEnv(
    'registry',
    { port: 0 },
    {
      // as its own role, migrated by the superuser as the migrator
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
    { migrations: registryMigrations },
  );
  await app.listen(0, '127.0.0.1');
  proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
  await proxy.connect();
  client = signingRpcClient(proxy, { defaultTimeoutMs: 30_000 });
});

afterAll(async () => {
  await proxy?.close();
  await app?.close();
  await nats?.dispose();
  await db?.dispose();
});

const officer = (commandId: string = randomUUID()): Envelope => ({
  principal: { userId: 'officer-int', roles: ['county_officer'], jurisdiction: '140802' },
  correlationId: randomUUID(),
  commandId,
  sentAt: new Date().toISOString(),
});

const command = <R>(name: string, payload: unknown, envelope = officer()) =>
  client.send<R>({ kind: 'command', service: 'registry', name }, { envelope, payload });
const query = <R>(name: string, payload: unknown) =>
  client.send<R>({ kind: 'query', service: 'registry', name }, { envelope: officer(), payload });

const worker = (overrides: Record<string, unknown> = {}) => {
  const birthDate = birthDateForAge(28);
  return {
    idNumber: residentIdNumber(birthDate, 'male'),
    name: '陈大明',
    gender: 'male',
    birthDate,
    jurisdiction: '140802',
    hukouJurisdiction: '140802',
    residenceJurisdiction: '140802',
    phone: '13512345678',
    education: 'senior_secondary',
    category: 'urban_labour',
    ableToWork: true,
    willingToWork: true,
    ...overrides,
  };
};

const count = async (sql: string) => (await db.pool.query(sql)).rows[0].n as number;

it('answers a retried command (same command id) as the first time, recording nothing new', async () => {
  const envelope = officer();
  const payload = worker();
  const first = await command<{ id: string; version: number }>('RegisterWorker', payload, envelope);
  const events = await count(`select count(*)::int as n from "${schema}".events`);
  const again = await command<{ id: string; idempotent: boolean }>('RegisterWorker', payload, envelope);
  expect(again).toMatchObject({ id: first.id, idempotent: true });
  expect(await count(`select count(*)::int as n from "${schema}".events`)).toBe(events);
});

it('registers one person once when ten officers try at the same moment (one person, one card)', async () => {
  const payload = worker();
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, () => command<{ id: string }>('RegisterWorker', payload)),
  );
  const registered = outcomes.filter((o) => o.status === 'fulfilled');
  expect(registered).toHaveLength(1);
  const refused = outcomes
    .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    .map((o) => o.reason);
  expect(
    refused.every((e) => e instanceof ReceivedDomainError && e.code === 'WORKER.ALREADY_REGISTERED'),
  ).toBe(true);
  const id = (registered[0] as PromiseFulfilledResult<{ id: string }>).value.id;
  expect(
    await count(`select count(*)::int as n from "${schema}".worker_personal_data where worker_id = '${id}'`),
  ).toBe(1);
});

it('updates a profile: a new phone goes to the vault, the event only says it changed; employment shows in the read model', async () => {
  const { id } = await command<{ id: string }>('RegisterWorker', worker());
  const updated = await command<{ events: string[] }>('UpdateWorkerProfile', {
    workerId: id,
    phone: '13600001111',
    category: 'graduate',
  });
  expect(updated.events).toEqual(['WorkerProfileUpdated.v1']);
  const { rows } = await db.pool.query(
    `select data from "${schema}".events where type = 'WorkerProfileUpdated.v1'`,
  );
  expect(rows[0].data).toEqual({ workerId: id, phoneChanged: true, category: 'graduate' });
  await command('RecordEmployment', {
    workerId: id,
    employerCreditCode: creditCode(),
    startDate: '2026-01-05',
    evidenceKind: 'social_insurance',
    evidenceReference: 'SB-1',
  });
  const view = await eventually(async () => {
    const answer = await query<{ phoneMasked: string; category: string }>('GetWorker', { workerId: id });
    expect(answer).toMatchObject({ phoneMasked: '136****1111', category: 'graduate', employed: true });
    return answer;
  });
  expect(view.category).toBe('graduate');
});

it('answers a retried roster import with its first report', async () => {
  const birth = birthDateForAge(22);
  const csv = [
    '身份证号码,姓名,性别,出生日期,户籍地区划代码,常住地区划代码,手机号码,文化程度,人员类别,重点群体,是否有劳动能力,是否有就业意愿',
    `${residentIdNumber(birth, 'female')},林九,女,${birth},140802,140802,13800001111,本科,高校毕业生,,是,是`,
  ].join('\n');
  const envelope = officer();
  const payload = {
    jurisdiction: '140802',
    fileName: 'a.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  };
  const first = await command<{ importId: string; registered: number }>('ImportRoster', payload, envelope);
  expect(first).toMatchObject({ importId: envelope.commandId, registered: 1 });
  const again = await command<{ registered: number; alreadyRegistered: number }>(
    'ImportRoster',
    payload,
    envelope,
  );
  expect(again).toMatchObject({ registered: 1, alreadyRegistered: 0 });
});

it('records the finding 自身难以实现转移就业 (form and roster), shows it in the view and the list filter, and withdraws it', async () => {
  const jurisdiction = '140802';
  const found = await command<{ id: string }>(
    'RegisterWorker',
    worker({ jurisdiction, hardToMoveIntoWork: true }),
  );
  const none = await command<{ id: string }>('RegisterWorker', worker({ jurisdiction }));
  const registered = async (id: string) =>
    (
      await db.pool.query(
        `select data from "${schema}".events where type = 'WorkerRegistered.v1' and stream_id = $1`,
        [`worker-${id}`],
      )
    ).rows[0].data;
  expect(await registered(found.id)).toMatchObject({ hardToMoveIntoWork: true });
  expect(await registered(none.id)).not.toHaveProperty('hardToMoveIntoWork');

  // a roster with the optional column: 是 records it, a blank cell does not, anything else rejects the row
  const [b1, b2, b3] = [birthDateForAge(30), birthDateForAge(31), birthDateForAge(32)];
  const line = (id: string, birth: string, finding: string) =>
    `${id},郑十,男,${birth},140802,140802,13800002222,初中,农村劳动力,,是,是,${finding}`;
  const csv = [
    `${ROSTER_HEADER},难以转移就业`,
    line(residentIdNumber(b1, 'male'), b1, '是'),
    line(residentIdNumber(b2, 'male'), b2, ''),
    line(residentIdNumber(b3, 'male'), b3, '难说'),
  ].join('\n');
  const imported = await command<{
    registered: number;
    rejected: number;
    results: { row: number; workerId?: string; problems: { field: string; code: string }[] }[];
  }>('ImportRoster', {
    jurisdiction,
    fileName: 'finding.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  expect(imported).toMatchObject({ registered: 2, rejected: 1 });
  expect(imported.results[2].problems).toEqual([
    expect.objectContaining({
      field: 'hardToMoveIntoWork',
      code: 'ROSTER.UNRECOGNISED_VALUE',
      reason: '应填「是」或「否」，而不是「难说」',
    }),
  ]);
  const [fromRoster, blank] = [imported.results[0].workerId!, imported.results[1].workerId!];
  expect(await registered(fromRoster)).toMatchObject({ hardToMoveIntoWork: true });
  expect(await registered(blank)).not.toHaveProperty('hardToMoveIntoWork');

  const listed = (hardToMoveIntoWork: boolean) =>
    query<{ total: number; items: { workerId: string; hardToMoveIntoWork: boolean }[] }>('ListWorkers', {
      jurisdiction,
      hardToMoveIntoWork,
      sort: 'registeredAt',
      pageSize: 500,
    });
  // the other tests' workers have no finding: with it, only this test's two are listed
  const ids = async (hardToMoveIntoWork: boolean) =>
    (await listed(hardToMoveIntoWork)).items.map((w) => w.workerId);
  await eventually(async () => {
    expect(await ids(true)).toEqual([found.id, fromRoster]);
    expect(await ids(false)).toEqual(expect.arrayContaining([none.id, blank]));
    expect(await ids(false)).not.toContain(found.id);
  });
  expect(await query('GetWorker', { workerId: found.id })).toMatchObject({ hardToMoveIntoWork: true });

  // withdrawn by a profile update; saying "no finding" again records nothing
  const withdrawn = await command<{ events: string[] }>('UpdateWorkerProfile', {
    workerId: found.id,
    hardToMoveIntoWork: false,
  });
  expect(withdrawn.events).toEqual(['WorkerProfileUpdated.v1']);
  const again = await command<{ events: string[] }>('UpdateWorkerProfile', {
    workerId: found.id,
    hardToMoveIntoWork: false,
  });
  expect(again.events).toEqual([]);
  await eventually(async () => expect(await ids(true)).toEqual([fromRoster]));
  expect(await query('GetWorker', { workerId: found.id })).toMatchObject({ hardToMoveIntoWork: false });
});

it('rebuilds the read models from the events to the same rows', async () => {
  const dataSource = app.get<DataSource>(READ_MODEL_DATA_SOURCE);
  const store = app.get<PostgresEventStore>(EVENT_STORE);
  const snapshot = () =>
    db.pool.query(`select * from "${schema}".worker_view order by worker_id`).then((r) => r.rows);
  await eventually(async () =>
    expect((await snapshot()).length).toBe(
      await count(`select count(*)::int as n from "${schema}".worker_personal_data`),
    ),
  );
  const before = await snapshot();
  const [workers] = readModelProjections(schema);
  // a second runner of the same projection, as another replica would have, rebuilding
  const runner = new ProjectionRunner({ store, dataSource, projection: workers });
  await runner.rebuild();
  expect(await snapshot()).toEqual(before);
});

it("checks an upload's total size at every part: the part that takes it past the limit is refused and not stored", async () => {
  const uploadId = randomUUID();
  const part = (partIndex: number, bytes: number) =>
    command<{ partsReceived: number }>('UploadRosterPart', {
      uploadId,
      partIndex,
      partCount: 3,
      contentBase64: Buffer.alloc(bytes, 0x41).toString('base64'),
    });
  expect(await part(0, 500 * 1024)).toMatchObject({ partsReceived: 1 });
  expect(await part(1, 500 * 1024)).toMatchObject({ partsReceived: 2 });
  // sent again, a part replaces itself: counted once
  expect(await part(0, 500 * 1024)).toMatchObject({ partsReceived: 2 });

  const refused = await part(2, 100 * 1024).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(ReceivedDomainError);
  expect(refused).toMatchObject({
    code: 'ROSTER.TOO_LARGE',
    category: 'too_large',
    details: { field: 'contentBase64', limit: ROSTER_FILE_LIMIT, actual: 1100 * 1024, unit: 'bytes' },
    messageEn: `contentBase64: the file's ${1100 * 1024} bytes exceed the limit of ${ROSTER_FILE_LIMIT} bytes`,
  });
  expect(
    await count(
      `select count(*)::int as n from "${schema}".roster_upload_parts where upload_id = '${uploadId}'`,
    ),
  ).toBe(2);
});

it('runs one roster import per user at a time: a second one meanwhile is refused (429), another user runs', async () => {
  // three files of distinct people, large enough that their imports overlap
  const roster = (file: number) =>
    Buffer.from(
      [
        ROSTER_HEADER,
        ...Array.from({ length: 1500 }, (_, i) => {
          const birth = birthDateForAge(20, -(file * 2000 + i));
          return `${residentIdNumber(birth, 'male')},并发${i},男,${birth},140802,140802,13800001111,初中,农村劳动力,,是,是`;
        }),
      ].join('\n'),
    ).toString('base64');
  const as = (userId: string): Envelope => ({
    ...officer(),
    principal: { userId, roles: ['county_officer'], jurisdiction: '140802' },
  });
  const importAs = (userId: string, file: number) =>
    command<{ registered: number }>(
      'ImportRoster',
      { jurisdiction: '140802', fileName: `${file}.csv`, contentBase64: roster(file) },
      as(userId),
    );

  const [first, second, other] = await Promise.allSettled([
    importAs('officer-busy', 0),
    importAs('officer-busy', 1),
    importAs('officer-other', 2),
  ]);

  const own = [first, second];
  expect(own.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  const refused = own.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason;
  expect(refused).toMatchObject({
    code: 'ROSTER.TOO_MANY_IMPORTS',
    category: 'rate_limited',
    details: { scope: 'user', limit: 1, retryAfterSeconds: 30 },
  });
  expect(other).toMatchObject({ status: 'fulfilled', value: { registered: 1500 } });
  // the place is given back when an import ends
  await expect(importAs('officer-busy', 1)).resolves.toMatchObject({ registered: expect.any(Number) });
});

describe('command identity: a command id answers only the request it was first used for', () => {
  const eventsOf = (streamId: string, type: string) =>
    count(
      `select count(*)::int as n from "${schema}".events where stream_id = '${streamId}' and type = '${type}'`,
    );
  const rejection = async (promise: Promise<unknown>): Promise<ReceivedDomainError> => {
    const outcome = await promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
    expect(outcome.error).toBeInstanceOf(ReceivedDomainError);
    return outcome.error as ReceivedDomainError;
  };
  const expectIdReused = (error: ReceivedDomainError) => {
    expect(error.code).toBe('COMMAND.ID_REUSED');
    expect(error.category).toBe('illegal_state');
    expect(error.messageZh).toMatch(/\S/);
    expect(error.messageEn).toMatch(/\S/);
  };

  it('refuses a disclosure for another worker under a used command id: no clear data, nothing recorded for them', async () => {
    const a = worker({ name: '甲一' });
    const b = worker({ name: '乙二', phone: '13700002222' });
    const { id: idA } = await command<{ id: string }>('RegisterWorker', a);
    const { id: idB } = await command<{ id: string }>('RegisterWorker', b);
    const key = randomUUID();

    const shown = await command<{ idNumber: string }>(
      'RevealWorkerPersonalData',
      { workerId: idA, purpose: '核对材料' },
      officer(key),
    );
    expect(shown.idNumber).toBe(a.idNumber);
    expect(await eventsOf(`worker-${idA}`, 'WorkerPersonalDataRevealed.v1')).toBe(1);

    const refused = await rejection(
      command('RevealWorkerPersonalData', { workerId: idB, purpose: '核对材料' }, officer(key)),
    );
    expectIdReused(refused);
    expect(JSON.stringify(refused.toJSON())).not.toContain(b.idNumber);
    expect(await eventsOf(`worker-${idB}`, 'WorkerPersonalDataRevealed.v1')).toBe(0);
  });

  it('records a repeated disclosure anew before it answers in clear', async () => {
    const a = worker({ name: '丙三' });
    const { id } = await command<{ id: string }>('RegisterWorker', a);
    const key = randomUUID();
    for (const expected of [1, 2]) {
      const shown = await command<{ name: string }>(
        'RevealWorkerPersonalData',
        { workerId: id, purpose: '核对材料' },
        officer(key),
      );
      expect(shown.name).toBe('丙三');
      expect(await eventsOf(`worker-${id}`, 'WorkerPersonalDataRevealed.v1')).toBe(expected);
    }
  });

  it('refuses RegisterWorker for another person under a used command id, and registers nobody', async () => {
    const key = randomUUID();
    const first = await command<{ id: string }>('RegisterWorker', worker(), officer(key));
    const other = worker({ name: '丁四' });
    const registered = await count(`select count(*)::int as n from "${schema}".worker_personal_data`);

    expectIdReused(await rejection(command('RegisterWorker', other, officer(key))));
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count(`select count(*)::int as n from "${schema}".worker_personal_data`)).toBe(registered);
    const found = await rejection(query('FindWorkerByIdNumber', { idNumber: other.idNumber }));
    expect(found.code).toBe('WORKER.NOT_REGISTERED');
  });

  it('refuses the same command id with a changed request for the same person', async () => {
    const key = randomUUID();
    const payload = worker();
    await command('RegisterWorker', payload, officer(key));
    expectIdReused(
      await rejection(command('RegisterWorker', { ...payload, phone: '13911110000' }, officer(key))),
    );
  });

  it('gives a stored roster report only to the request that made it', async () => {
    const birth = birthDateForAge(25);
    const csvOf = (name: string) =>
      Buffer.from(
        [
          '身份证号码,姓名,性别,出生日期,户籍地区划代码,常住地区划代码,手机号码,文化程度,人员类别,重点群体,是否有劳动能力,是否有就业意愿',
          `${residentIdNumber(birth, 'female')},${name},女,${birth},140802,140802,13800001111,本科,高校毕业生,,是,是`,
        ].join('\n'),
      ).toString('base64');
    const key = randomUUID();
    const payload = { jurisdiction: '140802', fileName: 'a.csv', contentBase64: csvOf('林十') };
    const first = await command<{ importId: string }>('ImportRoster', payload, officer(key));
    expect(first.importId).toBe(key);

    // another file under the same id
    expectIdReused(
      await rejection(command('ImportRoster', { ...payload, contentBase64: csvOf('林十一') }, officer(key))),
    );
    // an officer of another county, under the same id, gets no report of 140802
    const foreign: Envelope = {
      ...officer(key),
      principal: { userId: 'officer-140821', roles: ['county_officer'], jurisdiction: '140821' },
    };
    const refused = await rejection(command('ImportRoster', { ...payload, jurisdiction: '140821' }, foreign));
    expect(['COMMAND.ID_REUSED', 'REGISTRY.FOREIGN_JURISDICTION']).toContain(refused.code);
  });
});

describe('signed envelopes: requests published straight on NATS', () => {
  const REVEAL = rpcSubject({ kind: 'command', service: 'registry', name: 'RevealWorkerPersonalData' });
  const REGISTER = rpcSubject({ kind: 'command', service: 'registry', name: 'RegisterWorker' });
  /** someone on the bus claiming to be an officer of the whole province */
  const forged = (): Envelope => ({
    principal: { userId: 'intruder', roles: ['city_approver', 'auditor'], jurisdiction: '140000' },
    correlationId: randomUUID(),
    commandId: randomUUID(),
    sentAt: new Date().toISOString(),
  });
  const gatewayKeys = () => testEnvelopeKeys().gatewayKeys;
  /** a gateway that MACs registry requests with `key` */
  const signerWith = (key: EnvelopeMacKey) => new EnvelopeSigner(new Map([['registry', key]]));
  /** another service's genuine key (what that service holds), used for the registry */
  const subsidyKeyFor = (keyId?: string) => ({
    ...gatewayKeys().get('subsidy')!,
    service: 'registry',
    ...(keyId ? { keyId } : {}),
  });

  /** What a process on the bus can do without the Nest client: publish a request packet itself. */
  async function publish(
    subject: string,
    data: unknown,
  ): Promise<{ err?: { code: string; details: Record<string, unknown> }; response?: unknown }> {
    const nc = await connectTestNats(nats.url, 'intruder');
    try {
      const reply = await nc.request(subject, JSON.stringify({ pattern: subject, data, id: randomUUID() }), {
        timeout: 10_000,
      });
      return JSON.parse(reply.string()) as { err?: { code: string; details: Record<string, unknown> } };
    } finally {
      await nc.close();
    }
  }

  let target: { id: string; idNumber: string };
  const storeState = async () => ({
    events: await count(`select count(*)::int as n from "${schema}".events`),
    workers: await count(`select count(*)::int as n from "${schema}".worker_personal_data`),
  });

  beforeAll(async () => {
    const payload = worker({ name: '秦守' });
    const { id } = await command<{ id: string }>('RegisterWorker', payload);
    target = { id, idNumber: payload.idNumber };
  });

  const reveal = (): RpcRequest<{ workerId: string; purpose: string }> => ({
    envelope: forged(),
    payload: { workerId: target.id, purpose: '核对申领材料' },
  });
  const intruderKey = () =>
    gatewayKeysFromJwks({ keys: [generateEnvelopeMacJwk('registry', 'intruder')] }).get('registry')!;

  it.each([
    ['unsigned', () => reveal()],
    ['unknown_key', () => signerWith(intruderKey()).sign(REVEAL, reveal())],
    [
      'bad_signature',
      // a wrong key under the registry's key id
      () =>
        signerWith({ ...intruderKey(), keyId: gatewayKeys().get('registry')!.keyId }).sign(REVEAL, reveal()),
    ],
    // what a taken-over subsidy service can make with its own key: nothing the registry accepts
    ['unknown_key', () => signerWith(subsidyKeyFor()).sign(REVEAL, reveal())],
    [
      'bad_signature',
      () => signerWith(subsidyKeyFor(gatewayKeys().get('registry')!.keyId)).sign(REVEAL, reveal()),
    ],
    [
      'bad_signature',
      // a genuine request whose principal was changed on the way
      () => {
        const signed = new EnvelopeSigner(gatewayKeys()).sign(REVEAL, {
          ...reveal(),
          envelope: {
            ...forged(),
            principal: { userId: 'officer-int', roles: ['county_officer'], jurisdiction: '140802' },
          },
        });
        return { ...signed, envelope: { ...signed.envelope, principal: forged().principal } };
      },
    ],
    [
      'expired',
      () => new EnvelopeSigner(gatewayKeys(), { now: () => Date.now() - 120_000 }).sign(REVEAL, reveal()),
    ],
    ['wrong_subject', () => new EnvelopeSigner(gatewayKeys()).sign(REGISTER, reveal())],
    [
      'payload_mismatch',
      () => {
        const signed = new EnvelopeSigner(gatewayKeys()).sign(REVEAL, {
          ...reveal(),
          payload: { workerId: randomUUID(), purpose: '核对申领材料' },
        });
        return { ...signed, payload: reveal().payload };
      },
    ],
  ])(
    'refuses a forged disclosure (%s) before any handler: no clear data, nothing stored',
    async (reason, make) => {
      const before = await storeState();
      const answer = await publish(REVEAL, make());
      expect(answer.response).toBeUndefined();
      expect(answer.err).toMatchObject({
        code: 'MESSAGING.UNTRUSTED_REQUEST',
        details: { reason, subject: REVEAL },
      });
      expect(JSON.stringify(answer)).not.toContain(target.idNumber);
      expect(await storeState()).toEqual(before);
    },
  );

  it('refuses a forged registration, and registers nobody', async () => {
    const before = await storeState();
    const answer = await publish(REGISTER, { envelope: forged(), payload: worker({ name: '假冒' }) });
    expect(answer.err).toMatchObject({
      code: 'MESSAGING.UNTRUSTED_REQUEST',
      details: { reason: 'unsigned' },
    });
    expect(await storeState()).toEqual(before);
  });

  it('answers the same request signed by the gateway (the path above is a real one)', async () => {
    const envelope: Envelope = {
      ...forged(),
      principal: { userId: 'officer-int', roles: ['county_officer'], jurisdiction: '140802' },
    };
    const answer = await publish(
      REVEAL,
      new EnvelopeSigner(gatewayKeys()).sign(REVEAL, { envelope, payload: reveal().payload }),
    );
    expect(answer.err).toBeUndefined();
    expect(answer.response).toMatchObject({ workerId: target.id, idNumber: target.idNumber });
  });
});
