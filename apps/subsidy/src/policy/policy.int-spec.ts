// The policy area of the subsidy service as it runs (SubsidyTestService: a fresh schema, a nats-server
// of its own): commands and queries over NATS request/reply, events on JetStream.
import { randomUUID } from 'node:crypto';
import type { subsidyV1 } from '@jineng/contracts';
import { PostgresEventStore } from '@jineng/event-store';
import { EVENTS_STREAM, type Principal } from '@jineng/messaging';
import { connectTestNats, eventually } from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { admin, expectContract, rejection, SubsidyTestService } from '../subsidy-service.fixture';
import { PolicySeedLoader } from './seeds/policy-seed.loader';
import { POLICY_SEEDS } from './seeds/policy-seeds';
import { seedVersionId } from './seeds/seed-ids';

let service: SubsidyTestService;

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

beforeAll(async () => {
  service = await SubsidyTestService.start('subsidy_policy');
});

afterAll(async () => {
  await service?.dispose();
});

const command = <R = subsidyV1.PolicyVersion>(name: string, principal: Principal, payload: object) =>
  service.command<R>(name, principal, payload);
const query = <R>(name: string, principal: Principal, payload: object) =>
  service.query<R>(name, principal, payload);

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
        clauses: seed.clauses,
        assumptions: seed.assumptions,
        publishedBy: 'system:policy-seeds',
      });
      expect(versions[i]!.effectiveUntil).toBe(seed.effectiveUntil);
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
      quotes: [expect.stringContaining('先给予培训机构80%的培训补贴')],
    });
    expect(policy.notSet).toContain('subsidies.jobReferralAwardFen');
  });

  it('are loaded once: a restart appends nothing', async () => {
    const store = await PostgresEventStore.create({ pool: service.db.pool, schema: service.schema });
    const before = await store.countEvents();
    expect(before).toBeGreaterThanOrEqual(2 * POLICY_SEEDS.length);
    await service.restart();
    expect(await store.countEvents()).toBe(before);
    for (const seed of POLICY_SEEDS) {
      const { version } = await store.readStream(`policy-version-${seedVersionId(seed.key)}`);
      expect({ seed: seed.key, version }).toEqual({ seed: seed.key, version: 2 });
    }
  });
});

describe('a seed edited after it was published', () => {
  it('is not applied again: its commands are the first ones under their ids with another request', async () => {
    const store = await PostgresEventStore.create({ pool: service.db.pool, schema: service.schema });
    const before = await store.countEvents();
    const [seed] = POLICY_SEEDS;
    const report = await service.get(PolicySeedLoader).load([{ ...seed, title: `${seed.title}（改）` }]);
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

    const nc = await connectTestNats(service.nats.url);
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

    // the county's own version is in force from its date; Yuncheng's plan (2018–2022) has long ended
    const policy = await eventually(async () => {
      const p = await effective(SHANXI_ADMIN, '140802', '2091-06-01');
      expect(p.versionIdsUsed).toEqual([drafted.versionId]);
      return p;
    });
    expect(policy.parameters).toEqual({
      classOpening: { maxClassSize: 40 },
      claims: { reviewWorkingDays: 5 },
    });
    expect(policy.ended.map((v) => v.versionId)).toEqual([seedVersionId('yuncheng-2018')]);
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
      subsidies: { livingAllowance: { rates: [{ perDayFen: -6_000, eligibleCategories: ['poor_labour'] }] } },
    });
    expect([error.code, error.category]).toEqual(['MESSAGING.INVALID_PAYLOAD', 'validation']);
    const violations = (error.details.violations as { path: string }[]).map((v) => v.path).sort();
    expect(violations).toEqual([
      'parameters.classOpening.maxClasSize',
      'parameters.classOpening.minPracticalShare',
      'parameters.subsidies.livingAllowance.rates[0].perDayFen',
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
  it('takes each parameter from the nearest of three levels, following effective dates and windows', async () => {
    // 广西 (province) → 贵港市 (a city version of 2095 only) → 港北区 (county)
    const allowance = (perDayFen: number) => ({
      livingAllowance: { rates: [{ perDayFen, eligibleCategories: ['poor_labour' as const] }] },
    });
    const province = await draftAndPublish(GUANGXI_ADMIN, {
      jurisdiction: '450000',
      effectiveFrom: '2095-01-01',
      parameters: {
        classOpening: { maxClassSize: 60, minLessonMinutes: 45 },
        subsidies: allowance(3_000),
      },
    });
    const city = await draftAndPublish(GUANGXI_ADMIN, {
      jurisdiction: '450800',
      effectiveFrom: '2095-01-01',
      effectiveUntil: '2095-12-31',
      parameters: { subsidies: allowance(5_000), claims: { reviewWorkingDays: 7 } },
    });
    const county = await draftAndPublish(GUANGXI_ADMIN, {
      jurisdiction: '450802',
      effectiveFrom: '2095-07-01',
      parameters: { classOpening: { maxClassSize: 40 } },
    });

    const spring = await eventually(async () => {
      const p = await effective(GANGBEI_OFFICER, '450802', '2095-03-01');
      expect(p.versionIdsUsed).toEqual([city.versionId, province.versionId]);
      return p;
    });
    expect(spring.parameters.classOpening).toEqual({ maxClassSize: 60, minLessonMinutes: 45 });
    // the city's 50 ¥/day wins over the province's 30 ¥/day
    expect(spring.parameters.subsidies?.livingAllowance?.rates[0]?.perDayFen).toBe(5_000);

    const summer = await eventually(async () => {
      const p = await effective(GANGBEI_OFFICER, '450802', '2095-07-01');
      expect(p.versionIdsUsed).toEqual([county.versionId, city.versionId, province.versionId]);
      return p;
    });
    expect(summer.parameters.classOpening).toEqual({ maxClassSize: 40, minLessonMinutes: 45 });
    expect(summer.sources.find((s) => s.parameter === 'classOpening.minLessonMinutes')).toEqual({
      parameter: 'classOpening.minLessonMinutes',
      versionId: province.versionId,
      jurisdiction: '450000',
    });
    expect(summer.versions.map((v) => [v.jurisdiction, v.used, v.effectiveUntil])).toEqual([
      ['450802', true, undefined],
      ['450800', true, '2095-12-31'],
      ['450000', true, undefined],
    ]);

    // after the city's window: the province's allowance, the city's review deadline no longer set
    const next = await effective(GANGBEI_OFFICER, '450802', '2096-01-01');
    expectContract('jineng.subsidy.v1.EffectivePolicy', next);
    expect(next.versionIdsUsed).toEqual([county.versionId, province.versionId]);
    expect(next.parameters.subsidies?.livingAllowance?.rates[0]?.perDayFen).toBe(3_000);
    expect(next.notSet).toContain('claims.reviewWorkingDays');
    expect(next.ended).toEqual([
      expect.objectContaining({
        versionId: city.versionId,
        jurisdiction: '450800',
        effectiveUntil: '2095-12-31',
      }),
    ]);
  });

  it("follows the Guigang seed's window: 2019-11-01 to 2021-12-31, with its words and what it names", async () => {
    const guigang = seedVersionId('guigang-2019');
    const on = (date: string) => effective(GANGBEI_OFFICER, '450802', date);
    expect((await on('2019-10-31')).versionIdsUsed).toEqual([]);
    const inside = await on('2019-11-01');
    expectContract('jineng.subsidy.v1.EffectivePolicy', inside);
    expect(inside.versionIdsUsed).toEqual([guigang]);
    expect(inside.sources.find((s) => s.parameter === 'reporting.monthlyReportDueDay')).toEqual({
      parameter: 'reporting.monthlyReportDueDay',
      versionId: guigang,
      jurisdiction: '450800',
      quotes: ['月报表由当地人力资源社会保障局于次月5日前报送市人力资源社会保障局'],
    });
    expect(inside.namedWithoutValue).toContainEqual({
      parameter: 'subsidies.trainingVouchers',
      versionId: guigang,
      jurisdiction: '450800',
      quotes: ['推广职业培训券制度'],
    });
    expect((await on('2021-12-31')).versionIdsUsed).toEqual([guigang]);
    const after = await on('2022-01-01');
    expect(after.versionIdsUsed).toEqual([]);
    expect(after.ended.map((v) => v.versionId)).toEqual([guigang]);
  });

  it("shows Jincheng's assumed start in the sources", async () => {
    // before 2020-06-01, when a test above publishes another Jincheng version
    const policy = await effective(SHANXI_ADMIN, '140500', '2020-03-01');
    expectContract('jineng.subsidy.v1.EffectivePolicy', policy);
    const source = policy.sources.find((s) => s.parameter === 'assessment.ownEvaluationBody');
    expect(source?.assumptions).toEqual([
      expect.objectContaining({
        about: 'effectiveFrom',
        assumed: '2020-01-01',
        reason: expect.stringContaining('近日'),
      }),
    ]);
    expect(policy.versions[0]?.assumptions).toHaveLength(1);
  });

  it('lists the versions that apply, with supersession, and diffs two of them', async () => {
    const later = await draftAndPublish(GUANGXI_ADMIN, {
      jurisdiction: '450800',
      effectiveFrom: '2094-01-01',
      parameters: {
        subsidies: {
          livingAllowance: { rates: [{ perDayFen: 6_000, eligibleCategories: ['poor_labour'] }] },
        },
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
      effectiveUntil: '2021-12-31',
      supersededFrom: '2094-01-01',
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
      before: {
        rates: [expect.objectContaining({ perDayFen: 5_000 }), expect.objectContaining({ rateOf: '450000' })],
      },
      after: { rates: [{ perDayFen: 6_000, eligibleCategories: ['poor_labour'] }] },
    });
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ parameter: 'reporting.monthlyReportDueDay', change: 'removed', before: 5 }),
    );
    expect(diff.otherDifferences).toEqual(
      expect.arrayContaining(['effectiveFrom', 'effectiveUntil', 'title', 'document', 'targets', 'clauses']),
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
    const updated = await service.command<subsidyV1.PolicyVersion>(
      'UpdateDraft',
      SHANXI_ADMIN,
      { versionId: x.versionId, title: '版本甲（修订）' },
      commandId,
    );
    expect(updated).toMatchObject({ versionId: x.versionId, title: '版本甲（修订）' });

    const error = await rejection(
      service.command(
        'UpdateDraft',
        SHANXI_ADMIN,
        { versionId: y.versionId, title: '版本乙（修订）' },
        commandId,
      ),
    );
    expect(error.code).toBe('COMMAND.ID_REUSED');
    expect(error.category).toBe('illegal_state');
    const store = await PostgresEventStore.create({ pool: service.db.pool, schema: service.schema });
    const { events } = await store.readStream(`policy-version-${y.versionId}`);
    expect(events.map((e) => e.type)).toEqual(['PolicyVersionDrafted.v1']);
  });
});
