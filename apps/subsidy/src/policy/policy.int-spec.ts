// The policy area of the subsidy service as it runs: the Nest app on the service runtime, a real
// PostgreSQL schema of its own and a nats-server of its own (its queue group must not meet another
// test file's), commands and queries over NATS request/reply, events on JetStream.
import { randomUUID } from 'node:crypto';
import { validateContract, type subsidyV1 } from '@jineng/contracts';
import { ReceivedDomainError } from '@jineng/ddd';
import { PostgresEventStore } from '@jineng/event-store';
import { EVENTS_STREAM, type Envelope, type Principal, type RpcClient } from '@jineng/messaging';
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
import { jetstreamManager } from '@nats-io/jetstream';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { subsidyMigrations } from '../subsidy.migrations';
import { SubsidyModule } from '../subsidy.module';
import { PolicySeedLoader } from './seeds/policy-seed.loader';
import { POLICY_SEEDS } from './seeds/policy-seeds';
import { seedVersionId } from './seeds/seed-ids';

let db: TestDatabase;
let nats: DedicatedNatsServer;
let schema: string;
let runtimeUrl: string;
let app: INestApplication | undefined;
let proxy: ClientProxy;
let client: RpcClient;

const admin = (jurisdiction: string): Principal => ({
  userId: `admin-${jurisdiction}`,
  roles: ['admin'],
  jurisdiction,
});
const SHANXI_ADMIN = admin('140000');
const GUANGXI_ADMIN = admin('450000');
const GANGBEI_OFFICER: Principal = {
  userId: 'officer-450802',
  roles: ['county_officer'],
  jurisdiction: '450802',
};
const YANHU_INSTITUTION: Principal = {
  userId: 'clerk-140802',
  roles: ['institution'],
  jurisdiction: '140802',
  institutionId: '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f',
};

async function startService(): Promise<void> {
  const config = serviceConfigFromEnv(
    'subsidy',
    { port: 0 },
    {
      // as its own role, migrated by the superuser as the migrator
      DATABASE_URL: runtimeUrl,
      JINENG_MIGRATOR_DATABASE_URL: db.url,
      NATS_URL: nats.url,
      JINENG_SCHEMA: schema,
      LOG_LEVEL: 'error',
      ...envelopeKeyEnv(),
    },
  );
  app = await createServiceApp(
    SubsidyModule,
    config,
    new JsonLogger({ service: 'subsidy', level: 'error' }),
    {
      migrations: subsidyMigrations,
    },
  );
  await app.listen(0, '127.0.0.1');
}

beforeAll(async () => {
  db = await connectTestDatabase('subsidy_policy');
  schema = await db.freshSchema();
  runtimeUrl = db.runtimeRole().url;
  nats = await DedicatedNatsServer.start();
  await startService();
  proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
  await proxy.connect();
  client = signingRpcClient(proxy, { defaultTimeoutMs: 10_000 });
});

afterAll(async () => {
  await proxy?.close();
  await app?.close();
  await nats?.dispose();
  await db?.dispose();
});

const envelope = (principal: Principal, command: boolean): Envelope => ({
  principal,
  correlationId: randomUUID(),
  ...(command ? { commandId: randomUUID() } : {}),
  sentAt: new Date().toISOString(),
});

function command<R = subsidyV1.PolicyVersion>(
  name: string,
  principal: Principal,
  payload: object,
): Promise<R> {
  return client.send<R>(
    { kind: 'command', service: 'subsidy', name },
    { envelope: envelope(principal, true), payload },
  );
}

function query<R>(name: string, principal: Principal, payload: object): Promise<R> {
  return client.send<R>(
    { kind: 'query', service: 'subsidy', name },
    { envelope: envelope(principal, false), payload },
  );
}

async function rejection(promise: Promise<unknown>): Promise<ReceivedDomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReceivedDomainError);
  return error as ReceivedDomainError;
}

/** Every reply is what its contract says. */
function expectContract(typeName: string, value: unknown): void {
  const result = validateContract(typeName, value);
  expect(result.ok ? [] : result.violations).toEqual([]);
}

const document = { title: '关于职业技能提升的通知', issuer: '测试人民政府', number: '测政发〔2090〕1号' };

async function draftAndPublish(
  principal: Principal,
  draft: Partial<subsidyV1.DraftPolicyVersion> & Pick<subsidyV1.DraftPolicyVersion, 'jurisdiction'>,
): Promise<subsidyV1.PolicyVersion> {
  const drafted = await command('DraftPolicyVersion', principal, {
    effectiveFrom: '2090-01-01',
    title: '测试政策版本',
    document,
    ...draft,
  });
  return command('PublishPolicyVersion', principal, { versionId: drafted.versionId });
}

const effective = (principal: Principal, jurisdiction: string, date: string) =>
  query<subsidyV1.EffectivePolicy>('GetEffectivePolicy', principal, { jurisdiction, date });

describe('the seed versions', () => {
  it('are published at start, each as its document says', async () => {
    const versions = await eventually(async () => {
      const all = await Promise.all(
        POLICY_SEEDS.map((seed) =>
          query<subsidyV1.PolicyVersion>('GetPolicyVersion', admin(seed.jurisdiction.slice(0, 2) + '0000'), {
            versionId: seedVersionId(seed.key),
          }),
        ),
      );
      return all;
    });
    for (const [i, seed] of POLICY_SEEDS.entries()) {
      expectContract('jineng.subsidy.v1.PolicyVersion', versions[i]);
      expect(versions[i]).toMatchObject({
        status: 'published',
        jurisdiction: seed.jurisdiction,
        effectiveFrom: seed.effectiveFrom,
        parameters: seed.parameters,
        targets: seed.targets,
        publishedBy: 'system:policy-seeds',
      });
      expect(versions[i]!.pastEffectiveReason).toContain(seed.source);
    }
  });

  it('give a Yuncheng county the Yuncheng tiers on a date, with the version they come from', async () => {
    const policy = await effective(YANHU_INSTITUTION, '140802', '2019-06-01');
    expectContract('jineng.subsidy.v1.EffectivePolicy', policy);
    expect(policy.jurisdictionName).toBe('盐湖区');
    expect(policy.parameters.subsidies?.perDayTraining).toEqual({
      tiers: [
        { fromDay: 1, toDay: 10, amountFen: 15_000 },
        { fromDay: 11, toDay: 15, amountFen: 10_000 },
      ],
      maxDays: 15,
    });
    expect(policy.versionIdsUsed).toEqual([seedVersionId('yuncheng-2018')]);
    expect(policy.sources).toContainEqual({
      parameter: 'subsidies.tranches',
      versionId: seedVersionId('yuncheng-2018'),
      jurisdiction: '140800',
    });
    expect(policy.notSet).toContain('subsidies.jobReferralAwardFen');
  });

  it('are loaded once: a restart appends nothing', async () => {
    const store = await PostgresEventStore.create({ pool: db.pool, schema });
    const before = await store.countEvents();
    expect(before).toBeGreaterThanOrEqual(2 * POLICY_SEEDS.length);
    await app!.close();
    app = undefined;
    await startService();
    expect(await store.countEvents()).toBe(before);
    for (const seed of POLICY_SEEDS) {
      const { version } = await store.readStream(`policy-version-${seedVersionId(seed.key)}`);
      expect({ seed: seed.key, version }).toEqual({ seed: seed.key, version: 2 });
    }
  });
});

describe('a seed edited after it was published', () => {
  it('is not applied again: its commands are the first ones under their ids with another request', async () => {
    const store = await PostgresEventStore.create({ pool: db.pool, schema });
    const before = await store.countEvents();
    const [seed] = POLICY_SEEDS;
    const report = await app!.get(PolicySeedLoader).load([{ ...seed, title: `${seed.title}（改）` }]);
    expect(report).toEqual({ published: [], unchanged: [seed.key] });
    expect(await store.countEvents()).toBe(before);
  });
});

describe('a policy version over NATS', () => {
  it('is drafted, updated and published by an admin; the event carries the full parameter set', async () => {
    const drafted = await command('DraftPolicyVersion', SHANXI_ADMIN, {
      jurisdiction: '140802',
      effectiveFrom: '2091-01-01',
      title: '盐湖区补充政策（草稿）',
      document,
      parameters: { classOpening: { maxClassSize: 45 } },
    });
    expectContract('jineng.subsidy.v1.PolicyVersion', drafted);
    expect(drafted).toMatchObject({ status: 'draft', revision: 1, jurisdictionName: '盐湖区' });

    const updated = await command('UpdateDraft', SHANXI_ADMIN, {
      versionId: drafted.versionId,
      expectedRevision: 1,
      title: '盐湖区补充政策',
      parameters: { classOpening: { maxClassSize: 40 }, claims: { reviewWorkingDays: 5 } },
    });
    expect(updated).toMatchObject({ status: 'draft', revision: 2, title: '盐湖区补充政策' });

    const published = await command('PublishPolicyVersion', SHANXI_ADMIN, {
      versionId: drafted.versionId,
      expectedRevision: 2,
    });
    expect(published).toMatchObject({ status: 'published', revision: 2, publishedBy: 'admin-140000' });

    const nc = await connectTestNats(nats.url);
    try {
      const jsm = await jetstreamManager(nc);
      const message = await eventually(async () => {
        const found = await jsm.streams.getMessage(EVENTS_STREAM, {
          last_by_subj: 'jineng.evt.subsidy.PolicyVersionPublished.v1',
        });
        const event = found?.json<{
          data: subsidyV1.PolicyVersionPublished;
          metadata: { jurisdiction: string; actor: { userId: string } };
        }>();
        expect(event?.data.versionId).toBe(drafted.versionId);
        return event!;
      });
      expectContract('jineng.subsidy.v1.PolicyVersionPublished', message.data);
      expect(message.data.parameters).toEqual({
        classOpening: { maxClassSize: 40 },
        claims: { reviewWorkingDays: 5 },
      });
    } finally {
      await nc.close();
    }

    // the county's own version overrides the city's where it sets something, from its date on
    const policy = await eventually(async () => {
      const p = await effective(SHANXI_ADMIN, '140802', '2091-06-01');
      expect(p.versionIdsUsed).toEqual([drafted.versionId, seedVersionId('yuncheng-2018')]);
      return p;
    });
    expect(policy.parameters.classOpening).toMatchObject({ maxClassSize: 40, maxDurationDays: 15 });
  });

  it('is immutable once published', async () => {
    const published = await draftAndPublish(SHANXI_ADMIN, {
      jurisdiction: '140800',
      effectiveFrom: '2092-01-01',
    });
    const changed = await rejection(
      command('UpdateDraft', SHANXI_ADMIN, {
        versionId: published.versionId,
        parameters: { classOpening: { maxClassSize: 1 } },
      }),
    );
    expect(changed.code).toBe('POLICY.PUBLISHED_VERSION_IMMUTABLE');
    expect(changed.category).toBe('illegal_state');
    expect(changed.messageZh).toContain('已发布的版本不可修改');
    const again = await rejection(
      command('PublishPolicyVersion', SHANXI_ADMIN, { versionId: published.versionId }),
    );
    expect(again.code).toBe('POLICY.PUBLISHED_VERSION_IMMUTABLE');
  });

  it('needs a reason to be published with an effective date already past', async () => {
    const drafted = await command('DraftPolicyVersion', SHANXI_ADMIN, {
      jurisdiction: '140500',
      effectiveFrom: '2020-06-01',
      title: '晋城市补录政策',
      document,
    });
    const refused = await rejection(
      command('PublishPolicyVersion', SHANXI_ADMIN, { versionId: drafted.versionId }),
    );
    expect(refused.code).toBe('POLICY.EFFECTIVE_DATE_IN_PAST');
    expect(refused.details).toMatchObject({ effectiveFrom: '2020-06-01' });
    const published = await command('PublishPolicyVersion', SHANXI_ADMIN, {
      versionId: drafted.versionId,
      pastEffectiveReason: '补录 2020 年已执行的文件',
    });
    expect(published.pastEffectiveReason).toBe('补录 2020 年已执行的文件');
  });

  it('is refused to an admin of another province, and to a non-admin', async () => {
    const drafted = await command('DraftPolicyVersion', GUANGXI_ADMIN, {
      jurisdiction: '450800',
      effectiveFrom: '2093-01-01',
      title: '贵港市政策（草稿）',
      document,
    });
    const foreign = await rejection(
      command('PublishPolicyVersion', SHANXI_ADMIN, { versionId: drafted.versionId }),
    );
    expect([foreign.code, foreign.category]).toEqual(['POLICY.FOREIGN_JURISDICTION', 'forbidden']);
    const officer = await rejection(
      command('PublishPolicyVersion', GANGBEI_OFFICER, { versionId: drafted.versionId }),
    );
    expect(officer.code).toBe('POLICY.ADMIN_ROLE_REQUIRED');
    // a draft is not shown outside those who may edit it
    const hidden = await rejection(
      query('GetPolicyVersion', GANGBEI_OFFICER, { versionId: drafted.versionId }),
    );
    expect(hidden.code).toBe('POLICY.VERSION_NOT_FOUND');
  });
});

describe('validation', () => {
  const draft = (parameters: object) =>
    rejection(
      command('DraftPolicyVersion', SHANXI_ADMIN, {
        jurisdiction: '140800',
        effectiveFrom: '2094-01-01',
        title: '无效参数',
        document,
        parameters,
      }),
    );

  it('names the path of a share above 1, a negative amount and an unknown parameter', async () => {
    const error = await draft({
      classOpening: { minPracticalShare: 1.2, maxClasSize: 50 },
      subsidies: { livingAllowance: { perDayFen: -6_000, eligibleCategories: ['poor_labour'] } },
    });
    expect([error.code, error.category]).toEqual(['MESSAGING.INVALID_PAYLOAD', 'validation']);
    const violations = (error.details.violations as { path: string }[]).map((v) => v.path).sort();
    expect(violations).toEqual([
      'parameters.classOpening.maxClasSize',
      'parameters.classOpening.minPracticalShare',
      'parameters.subsidies.livingAllowance.perDayFen',
    ]);
  });

  it('names the path of a broken rule the contract cannot see (overlapping tiers)', async () => {
    const error = await draft({
      subsidies: {
        perDayTraining: {
          tiers: [
            { fromDay: 1, toDay: 10, amountFen: 15_000 },
            { fromDay: 10, toDay: 15, amountFen: 10_000 },
          ],
        },
      },
    });
    expect(error.code).toBe('POLICY.INVALID_PARAMETERS');
    expect(error.details.violations).toEqual([
      expect.objectContaining({ path: 'parameters.subsidies.perDayTraining.tiers[1].fromDay' }),
    ]);
  });
});

describe('resolution through the service', () => {
  it('takes each parameter from the nearest of three levels, and follows effective dates', async () => {
    // 广西 (province) → 贵港市 (the Guigang seed, 2019-09-30) → 港北区 (county)
    const province = await draftAndPublish(GUANGXI_ADMIN, {
      jurisdiction: '450000',
      effectiveFrom: '2095-01-01',
      parameters: {
        classOpening: { maxClassSize: 60, minLessonMinutes: 45 },
        subsidies: { livingAllowance: { perDayFen: 3_000, eligibleCategories: ['poor_labour'] } },
      },
    });
    const county = await draftAndPublish(GUANGXI_ADMIN, {
      jurisdiction: '450802',
      effectiveFrom: '2095-07-01',
      parameters: { classOpening: { maxClassSize: 40 } },
    });
    const guigang = seedVersionId('guigang-2019');

    const spring = await eventually(async () => {
      const p = await effective(GANGBEI_OFFICER, '450802', '2095-03-01');
      expect(p.versionIdsUsed).toEqual([guigang, province.versionId]);
      return p;
    });
    expect(spring.parameters.classOpening).toEqual({ maxClassSize: 60, minLessonMinutes: 45 });
    // the city's 50 ¥/day wins over the province's 30 ¥/day
    expect(spring.parameters.subsidies?.livingAllowance?.perDayFen).toBe(5_000);

    const summer = await eventually(async () => {
      const p = await effective(GANGBEI_OFFICER, '450802', '2095-07-01');
      expect(p.versionIdsUsed).toEqual([county.versionId, guigang, province.versionId]);
      return p;
    });
    expect(summer.parameters.classOpening).toEqual({ maxClassSize: 40, minLessonMinutes: 45 });
    expect(summer.sources.find((s) => s.parameter === 'classOpening.minLessonMinutes')).toEqual({
      parameter: 'classOpening.minLessonMinutes',
      versionId: province.versionId,
      jurisdiction: '450000',
    });
    expect(summer.versions.map((v) => [v.jurisdiction, v.used])).toEqual([
      ['450802', true],
      ['450800', true],
      ['450000', true],
    ]);

    // before any of them: only the seed, and before the seed nothing at all
    expect((await effective(GANGBEI_OFFICER, '450802', '2019-10-01')).versionIdsUsed).toEqual([guigang]);
    expect((await effective(GANGBEI_OFFICER, '450802', '2019-09-29')).versionIdsUsed).toEqual([]);
  });

  it('lists the versions that apply, with supersession, and diffs two of them', async () => {
    const later = await draftAndPublish(GUANGXI_ADMIN, {
      jurisdiction: '450800',
      effectiveFrom: '2096-01-01',
      parameters: {
        subsidies: { livingAllowance: { perDayFen: 6_000, eligibleCategories: ['poor_labour'] } },
      },
    });
    const list = await eventually(async () => {
      const l = await query<subsidyV1.PolicyVersionList>('ListPolicyVersions', GANGBEI_OFFICER, {
        jurisdiction: '450802',
        status: 'published',
      });
      expect(l.versions.some((v) => v.versionId === later.versionId)).toBe(true);
      return l;
    });
    expectContract('jineng.subsidy.v1.PolicyVersionList', list);
    expect(list.versions.find((v) => v.versionId === seedVersionId('guigang-2019'))).toMatchObject({
      supersededFrom: '2096-01-01',
      supersededBy: later.versionId,
    });
    expect(list.versions.every((v) => ['450000', '450800', '450802'].includes(v.jurisdiction))).toBe(true);

    const diff = await query<subsidyV1.PolicyVersionDiff>('DiffPolicyVersions', GANGBEI_OFFICER, {
      fromVersionId: seedVersionId('guigang-2019'),
      toVersionId: later.versionId,
    });
    expectContract('jineng.subsidy.v1.PolicyVersionDiff', diff);
    expect(diff.changes).toContainEqual({
      parameter: 'subsidies.livingAllowance',
      change: 'changed',
      before: expect.objectContaining({ perDayFen: 5_000 }),
      after: { perDayFen: 6_000, eligibleCategories: ['poor_labour'] },
    });
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ parameter: 'reporting.monthlyReportDueDay', change: 'removed', before: 5 }),
    );
    expect(diff.otherDifferences).toEqual(
      expect.arrayContaining(['effectiveFrom', 'title', 'document', 'targets']),
    );
  });

  it('answers the jurisdiction tree', async () => {
    const list = await query<subsidyV1.JurisdictionList>('ListJurisdictions', GANGBEI_OFFICER, {
      within: '450800',
    });
    expectContract('jineng.subsidy.v1.JurisdictionList', list);
    expect(list.jurisdictions.map((j) => j.name)).toEqual([
      '贵港市',
      '港北区',
      '港南区',
      '覃塘区',
      '平南县',
      '桂平市',
    ]);
  });
});

describe('command identity', () => {
  it('refuses a used command id on another version, and changes nothing', async () => {
    const draft = (title: string) =>
      command('DraftPolicyVersion', SHANXI_ADMIN, {
        jurisdiction: '140802',
        effectiveFrom: '2091-01-01',
        title,
        document,
      });
    const x = await draft('版本甲');
    const y = await draft('版本乙');
    const commandId = randomUUID();
    const updated = await client.send<subsidyV1.PolicyVersion>(
      { kind: 'command', service: 'subsidy', name: 'UpdateDraft' },
      {
        envelope: { ...envelope(SHANXI_ADMIN, true), commandId },
        payload: { versionId: x.versionId, title: '版本甲（修订）' },
      },
    );
    expect(updated).toMatchObject({ versionId: x.versionId, title: '版本甲（修订）' });

    const error = await rejection(
      client.send(
        { kind: 'command', service: 'subsidy', name: 'UpdateDraft' },
        {
          envelope: { ...envelope(SHANXI_ADMIN, true), commandId },
          payload: { versionId: y.versionId, title: '版本乙（修订）' },
        },
      ),
    );
    expect(error.code).toBe('COMMAND.ID_REUSED');
    expect(error.category).toBe('illegal_state');
    const store = await PostgresEventStore.create({ pool: db.pool, schema });
    const { events } = await store.readStream(`policy-version-${y.versionId}`);
    expect(events.map((e) => e.type)).toEqual(['PolicyVersionDrafted.v1']);
  });
});
