// The claims lists as files and the what-if as a job, over NATS against a real PostgreSQL and JetStream
// (the files through the service's JetStream object store): the officers' list with its filters, sort
// and scope; the public notice page without any trainee; a trainee's own claims with the amount in
// their name; the policy simulation started as a job, followed to the end, its file downloaded.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { commonV1, subsidyV1 } from '@jineng/contracts';
import type { Clock } from '@jineng/kernel';
import { FileStore, type Principal } from '@jineng/messaging';
import { SERVICE_CLOCK } from '@jineng/service-runtime';
import { connectTestNats, eventually, expectContract, setTestClock, UpstreamBus } from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Type } from '@nestjs/common';
import readXlsxFile from 'read-excel-file/node';
import { rejection, SubsidyTestService } from '../subsidy-service.fixture';
import { publishCompletedClass } from './claims-facts.fixture';
import { ClaimFactsReader } from './read-model/claim-facts.reader';

const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claim-exports-clock-')), 'clock.json');
async function at(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  if (!service) return;
  const clock = service.get<Clock>(SERVICE_CLOCK as unknown as Type<Clock>);
  await eventually(() => expect(Math.abs(clock.now().getTime() - Date.parse(iso))).toBeLessThan(60_000));
}

let service: SubsidyTestService;
let nc: NatsConnection;
let bus: UpstreamBus;
let files: FileStore;

const institutionId = randomUUID();
const jiyuanClerk: Principal = {
  userId: 'clerk-j',
  roles: ['institution'],
  jurisdiction: '419001',
  institutionId,
};
const yunchengClerk: Principal = {
  userId: 'clerk-y',
  roles: ['institution'],
  jurisdiction: '140802',
  institutionId,
};
const officerA: Principal = { userId: 'officer-a', roles: ['county_officer'], jurisdiction: '419001' };
const officerB: Principal = { userId: 'officer-b', roles: ['county_officer'], jurisdiction: '419001' };
const anonymous: Principal = { userId: 'anonymous', roles: ['anonymous'], jurisdiction: '419001' };
const admin: Principal = { userId: 'admin-140000', roles: ['admin'], jurisdiction: '140000' };
const otherAdmin: Principal = { userId: 'admin-140000-b', roles: ['admin'], jurisdiction: '140000' };
const tender = { reference: 'JY-ZB-2021-031', pricePerTraineeFen: 100_000 };
const trainees = [randomUUID(), randomUUID(), randomUUID()];
let onNotice: string;
let pending: string;

beforeAll(async () => {
  await at('2021-09-28T09:00:00+08:00');
  service = await SubsidyTestService.start('subsidy_claim_exports', {
    env: { JINENG_TEST_CLOCK_FILE: clockFile },
  });
  nc = await connectTestNats(service.nats.url);
  bus = new UpstreamBus(nc);
  files = new FileStore(nc, 'subsidy');

  // Jiyuan: one claim through both reviews onto the notice, another only submitted
  const reader = service.get(ClaimFactsReader);
  const first = await publishCompletedClass(bus, reader, {
    institutionId,
    jurisdictionCode: '419001',
    startDate: '2021-09-06',
    endDate: '2021-09-17',
    days: 10,
    workers: trainees,
  });
  const second = await publishCompletedClass(bus, reader, {
    institutionId,
    jurisdictionCode: '419001',
    startDate: '2021-09-07',
    endDate: '2021-09-18',
    days: 10,
    workers: [randomUUID()],
  });
  const freeTraining = (classId: string, requestedFen: number) =>
    service.command<subsidyV1.ClaimAccepted>('SubmitClaim', jiyuanClerk, {
      kind: 'free_training',
      tranche: 'whole',
      classId,
      claimantKind: 'institution',
      requestedFen,
      commitmentSigned: true,
      tender,
    });
  onNotice = (await freeTraining(first, 300_000)).id;
  pending = (await freeTraining(second, 100_000)).id;
  await at('2021-09-30T09:00:00+08:00');
  await service.command('FirstReview', officerA, { claimId: onNotice, decision: 'approve', reason: '齐全' });
  await service.command('SecondReview', officerB, { claimId: onNotice, decision: 'approve', reason: '同意' });
  await service.command('PublishNotice', officerB, { claimId: onNotice });

  // Yuncheng: a certificate tranche claimed for one completed class of 2019, another class unclaimed
  const yuncheng = (workers: string[], start: string, end: string) =>
    publishCompletedClass(bus, reader, {
      institutionId,
      jurisdictionCode: '140802',
      startDate: start,
      endDate: end,
      days: 12,
      workers,
    });
  const claimed = await yuncheng([randomUUID(), randomUUID()], '2019-09-02', '2019-09-13');
  await yuncheng([randomUUID()], '2019-10-08', '2019-10-19');
  await service.command('SubmitClaim', yunchengClerk, {
    kind: 'training_per_day',
    tranche: 'certificate',
    classId: claimed,
    claimantKind: 'institution',
    requestedFen: 272_000,
    commitmentSigned: true,
  });
}, 120_000);

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

async function bytesOf(fileId: string): Promise<Buffer> {
  const { data, verified } = await files.read(fileId);
  const chunks: Buffer[] = [];
  const reader = data.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
  }
  await verified;
  return Buffer.concat(chunks);
}

/** The sheet's two header rows and its data rows, each row as { English title: cell }. */
async function sheetOf(reply: commonV1.FileReply) {
  expect(reply.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const bytes = await bytesOf(reply.fileId);
  expect(reply.size).toBe(bytes.length);
  const [sheet] = await readXlsxFile(bytes);
  const [zh, en, ...rows] = sheet.data;
  return {
    name: sheet.sheet,
    zh,
    en,
    text: sheet.data.flat().map(String).join('|'),
    rows: rows.map((row) => Object.fromEntries(en.map((title, i) => [String(title), row[i]]))),
  };
}

async function jsonOf(reply: commonV1.FileReply) {
  expect(reply.contentType).toBe('application/json; charset=utf-8');
  return JSON.parse((await bytesOf(reply.fileId)).toString('utf8')) as {
    columns: { key: string; zh: string; en: string }[];
    rows: Record<string, unknown>[];
  };
}

describe('ExportClaims: the officers’ list, every row, with its filters, sort and scope', () => {
  it('exports .xlsx with titles in Chinese and English, sorted as asked, overdue computed on today', async () => {
    const reply = await service.query<commonV1.FileReply>('ExportClaims', officerA, {
      format: 'xlsx',
      sort: '-requestedFen',
    });
    expect(reply.fileName).toBe('补贴申领-419001-2021-09-30.xlsx');
    const sheet = await sheetOf(reply);
    expect(sheet.name).toBe('补贴申领');
    expect(sheet.zh.slice(0, 3)).toEqual(['申领编号', '补贴类型', '批次']);
    expect(sheet.en).toContain('overdue');
    // Jiyuan's two claims only (the Yuncheng claim is outside the officer's jurisdiction), largest first
    expect(sheet.rows.map((r) => [r.claim, r['requested (fen)'], r.status, r.overdue])).toEqual([
      [onNotice, 312_000 - 12_000, 'on_notice', false],
      [pending, 100_000, 'submitted', false],
    ]);
  });

  it('narrows by status as the page does, and in JSON; overdue once the review is past due', async () => {
    await at('2021-10-21T09:00:00+08:00');
    const json = await jsonOf(
      await service.query<commonV1.FileReply>('ExportClaims', officerA, {
        format: 'json',
        status: 'submitted',
      }),
    );
    expect(json.columns.map((c) => c.key)).toContain('overdue');
    expect(json.rows).toEqual([
      expect.objectContaining({ claimId: pending, status: 'submitted', dueOn: '2021-10-13', overdue: true }),
    ]);
    const overdue = await jsonOf(
      await service.query<commonV1.FileReply>('ExportClaims', officerA, { format: 'json', overdue: true }),
    );
    const page = await service.query<subsidyV1.ClaimList>('ListClaims', officerA, { overdue: true });
    expect(overdue.rows.map((r) => r.claimId)).toEqual(page.items.map((i) => i.claimId));
    expect(page.items.map((i) => i.claimId)).toEqual([pending]);
  });

  it('refuses another jurisdiction, an unknown sort and a bad format, naming the field', async () => {
    const outside = await rejection(
      service.query('ExportClaims', officerA, { format: 'xlsx', jurisdiction: '140802' }),
    );
    expect(outside.code).toBe('CLAIM.FORBIDDEN');
    const sort = await rejection(
      service.query('ExportClaims', officerA, { format: 'xlsx', sort: 'claimantId' }),
    );
    expect(sort.code).toBe('LIST.UNKNOWN_SORT');
    const format = await rejection(service.query('ExportClaims', officerA, { format: 'csv' }));
    expect(format.code).toBe('MESSAGING.INVALID_PAYLOAD');
    expect((format.details.violations as { path: string }[]).map((v) => v.path)).toEqual(['format']);
  });
});

describe('ListClaims and ExportClaims for a clerk: its own claims only, in whichever jurisdiction', () => {
  const otherClerk: Principal = { ...jiyuanClerk, userId: 'clerk-other', institutionId: randomUUID() };
  const worker: Principal = { userId: trainees[0]!, roles: ['worker'], jurisdiction: '419001' };

  it('lists and exports the institution’s three claims, filtered by status as the officers’ list is', async () => {
    const page = await service.query<subsidyV1.ClaimList>('ListClaims', jiyuanClerk, {});
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.claimId)).toEqual(expect.arrayContaining([onNotice, pending]));
    expect(new Set(page.items.map((i) => i.jurisdictionCode))).toEqual(new Set(['419001', '140802']));
    const noticed = await service.query<subsidyV1.ClaimList>('ListClaims', jiyuanClerk, {
      status: 'on_notice',
    });
    expect(noticed.items.map((i) => i.claimId)).toEqual([onNotice]);
    const file = await jsonOf(
      await service.query<commonV1.FileReply>('ExportClaims', yunchengClerk, { format: 'json' }),
    );
    expect(file.rows.map((r) => r.claimId).sort()).toEqual(page.items.map((i) => i.claimId).sort());
  });

  it('shows another institution’s clerk nothing, and refuses a worker', async () => {
    const page = await service.query<subsidyV1.ClaimList>('ListClaims', otherClerk, {});
    expect([page.total, page.items]).toEqual([0, []]);
    const refused = await rejection(service.query('ListClaims', worker, {}));
    expect(refused.code).toBe('CLAIM.FORBIDDEN');
  });
});

describe('ExportPublicNotices: the public page as a file, anonymous, without any trainee', () => {
  it('exports today’s notices with the page’s columns — no trainee id, no name', async () => {
    await at('2021-10-08T09:00:00+08:00');
    const reply = await service.query<commonV1.FileReply>('ExportPublicNotices', anonymous, {
      format: 'xlsx',
      jurisdiction: '410000',
    });
    expect(reply.fileName).toBe('补贴公示-410000-2021-10-08.xlsx');
    const sheet = await sheetOf(reply);
    expect(sheet.en).toEqual([
      'claim',
      'claimant kind',
      'claimant',
      'class',
      'occupation',
      'level',
      'kind',
      'headcount',
      'amount (fen)',
      'notice from',
      'notice until',
    ]);
    expect(sheet.rows).toEqual([
      expect.objectContaining({
        claim: onNotice,
        headcount: 3,
        'amount (fen)': 300_000,
        'notice until': '2021-10-09',
      }),
    ]);
    for (const trainee of trainees) expect(sheet.text).not.toContain(trainee);
    expect(sheet.text).not.toMatch(/王|\*{4}/);
    const page = await service.query<subsidyV1.PublicNoticeList>('ListPublicNotices', anonymous, {
      jurisdiction: '410000',
    });
    const json = await jsonOf(
      await service.query<commonV1.FileReply>('ExportPublicNotices', anonymous, {
        format: 'json',
        jurisdiction: '410000',
      }),
    );
    expect(json.rows).toEqual(page.items.map((item) => expect.objectContaining(item)));
  });

  it('after the notice ends the file is empty but for its headers', async () => {
    await at('2021-10-11T09:00:00+08:00');
    const json = await jsonOf(
      await service.query<commonV1.FileReply>('ExportPublicNotices', anonymous, {
        format: 'json',
        jurisdiction: '419001',
      }),
    );
    expect([json.columns.length, json.rows]).toEqual([11, []]);
  });
});

describe('ExportMyClaims: a trainee’s own claims with the amount in their name', () => {
  it('exports every claim that names the trainee, and nothing for someone named in none', async () => {
    const trainee: Principal = { userId: trainees[0], roles: ['worker'], jurisdiction: '419001' };
    const reply = await service.query<commonV1.FileReply>('ExportMyClaims', trainee, { format: 'xlsx' });
    expect(reply.fileName).toMatch(/^我的补贴申领-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await sheetOf(reply);
    expect(sheet.rows.map((r) => [r.claim, r['amount in my name (fen)']])).toEqual([[onNotice, 100_000]]);
    const stranger: Principal = { userId: randomUUID(), roles: ['worker'], jurisdiction: '419001' };
    expect((await jsonOf(await service.query('ExportMyClaims', stranger, { format: 'json' }))).rows).toEqual(
      [],
    );
    expect((await rejection(service.query('ExportMyClaims', officerA, { format: 'json' }))).code).toBe(
      'CLAIM.FORBIDDEN',
    );
  });
});

describe('ExportClaimVoucher: the payment voucher of an approved claim', () => {
  it('is refused before approval, then filed for officers, the finance officer and the claimant — not a trainee', async () => {
    await at('2021-10-11T09:00:00+08:00');
    const early = await rejection(
      service.query('ExportClaimVoucher', officerA, { claimId: onNotice, format: 'xlsx' }),
    );
    expect([early.code, early.details.status]).toEqual(['CLAIM.WRONG_STAGE', 'on_notice']);
    await service.command('ApproveClaim', officerB, { claimId: onNotice });

    const reply = await service.query<commonV1.FileReply>('ExportClaimVoucher', officerA, {
      claimId: onNotice,
      format: 'xlsx',
    });
    expect(reply.fileName).toBe(`拨付凭证-${onNotice}.xlsx`);
    const [sheet] = await readXlsxFile(await bytesOf(reply.fileId));
    const rows = sheet.data;
    const headOf = (en: string) => rows.find((r) => String(r[0]).endsWith(` ${en}`))?.[1];
    expect([headOf('claim'), headOf('status'), headOf('approved (fen)'), headOf('fund source')]).toEqual([
      onNotice,
      'approved',
      300_000,
      'employment_subsidy_fund',
    ]);
    expect([headOf('first review'), headOf('second review')]).toEqual([
      'officer-a 2021-09-30',
      'officer-b 2021-09-30',
    ]);
    const titles = rows.findIndex((r) => r[0] === 'trainee');
    const amount = rows[titles].indexOf('amount (fen)');
    const reference = rows[titles].indexOf('reference');
    const lines = rows.slice(titles + 1);
    expect(lines.map((r) => [r[0], r[amount], r[reference]])).toEqual([
      ...trainees.map((w) => [w, 100_000, tender.reference]),
      ['合计 Total', 300_000, null],
    ]);

    const finance: Principal = { userId: 'finance-1', roles: ['finance_officer'], jurisdiction: '419001' };
    const json = JSON.parse(
      (
        await bytesOf(
          (
            await service.query<commonV1.FileReply>('ExportClaimVoucher', finance, {
              claimId: onNotice,
              format: 'json',
            })
          ).fileId,
        )
      ).toString('utf8'),
    ) as { totalFen: number; lines: unknown[] };
    expect([json.totalFen, json.lines.length]).toEqual([300_000, 3]);
    await service.query('ExportClaimVoucher', jiyuanClerk, { claimId: onNotice, format: 'json' });

    const trainee: Principal = { userId: trainees[0], roles: ['worker'], jurisdiction: '419001' };
    const farFinance: Principal = { userId: 'finance-2', roles: ['finance_officer'], jurisdiction: '140802' };
    for (const principal of [trainee, farFinance])
      expect(
        (
          await rejection(
            service.query('ExportClaimVoucher', principal, { claimId: onNotice, format: 'json' }),
          )
        ).code,
      ).toBe('CLAIM.NOT_FOUND');
  });
});

describe('StartPolicySimulation: the what-if as a job with progress and a file', () => {
  let draftVersionId: string;
  const period = { jurisdiction: '140800', periodFrom: '2019-01-01', periodTo: '2019-12-31' };

  beforeAll(async () => {
    const drafted = await service.command<{ versionId: string }>('DraftPolicyVersion', admin, {
      jurisdiction: '140800',
      effectiveFrom: '2018-03-29',
      title: '运城市培训补贴标准（草案，测试用）',
      document: { title: '运城市培训补贴标准（草案）', issuer: '运城市人民政府', number: '草案' },
      parameters: {
        subsidies: {
          perDayTraining: {
            tiers: [
              { fromDay: 1, toDay: 10, amountFen: 16_000 },
              { fromDay: 11, toDay: 15, amountFen: 10_000 },
            ],
            maxDays: 15,
          },
          tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.2, employmentWithinMonths: 3 },
        },
      },
    });
    draftVersionId = drafted.versionId;
    // the policy's read model follows its events: wait until the draft is there
    await eventually(() => service.query('GetPolicyVersion', admin, { versionId: draftVersionId }));
  });

  it('runs as a job: done of total classes, the totals, then the .xlsx to whoever started it — nothing appended', async () => {
    // where the store stood: a deadline of an earlier test's clock move may still append meanwhile
    const before = await service.db.pool.query(
      `select coalesce(max(global_position), 0)::text as at from "${service.schema}".events`,
    );
    const commandId = randomUUID();
    const start = () =>
      service.command<commonV1.JobAccepted>(
        'StartPolicySimulation',
        admin,
        { draftVersionId, ...period, format: 'xlsx' },
        commandId,
      );
    const { jobId } = await start();
    expect(jobId).toBe(commandId);
    const job = await eventually(async () => {
      const view = await service.query<commonV1.JobView>('GetJob', admin, { jobId });
      expect(view.status).toBe('succeeded');
      return view;
    });
    expectContract('jineng.common.v1.JobView', job);
    // two completed classes in the period, one of them claimed
    // certificate tranche: 2 × (10 × 160 + 2 × 100) × 80 % = 2 880 ¥ under the draft; nothing paid yet
    expect(job).toMatchObject({
      kind: 'policy-simulation',
      done: 2,
      total: 2,
      result: { draftVersionId, classes: 1, rows: 1, paidFen: 0, draftFen: 288_000, differenceFen: 288_000 },
    });
    // a retry finds the same job and starts nothing
    expect(await start()).toEqual({ jobId });

    const file = await service.query<commonV1.FileReply>('GetJobFile', admin, { jobId });
    expect(file.fileName).toBe(`政策测算-${draftVersionId}-140800-2019-01-01-2019-12-31.xlsx`);
    const sheet = await sheetOf(file);
    expect(sheet.zh[0]).toBe('补贴类型');
    expect(sheet.rows).toEqual([
      expect.objectContaining({
        kind: 'training_per_day',
        county: '140802',
        classes: 1,
        'paid (fen)': 0,
        'under the draft (fen)': 288_000,
        'difference (fen)': 288_000,
        'trainees affected': 2,
      }),
    ]);
    // the job is its starter's only
    expect((await rejection(service.query('GetJob', otherAdmin, { jobId }))).code).toBe('JOB.NOT_FOUND');
    expect((await rejection(service.query('GetJobFile', otherAdmin, { jobId }))).code).toBe('JOB.NOT_FOUND');
    // nothing the simulation (its command, its job, its draft) caused is in the store
    const appended = await service.db.pool.query(
      `select type, stream_id, metadata::jsonb as metadata from "${service.schema}".events where global_position > $1`,
      [before.rows[0].at],
    );
    const caused = appended.rows.filter(
      (e: { stream_id: string; metadata: Record<string, unknown> }) =>
        [e.metadata['commandId'], e.metadata['correlationId'], e.metadata['causationId']].includes(
          commandId,
        ) || e.stream_id.includes(draftVersionId),
    );
    expect(caused).toEqual([]);
  });

  it('answers the same rows as the direct query, and JSON when asked', async () => {
    const { jobId } = await service.command<commonV1.JobAccepted>('StartPolicySimulation', admin, {
      draftVersionId,
      ...period,
      format: 'json',
    });
    await eventually(async () =>
      expect((await service.query<commonV1.JobView>('GetJob', admin, { jobId })).status).toBe('succeeded'),
    );
    const json = await jsonOf(await service.query<commonV1.FileReply>('GetJobFile', admin, { jobId }));
    const direct = await service.query<subsidyV1.PolicySimulation>('SimulatePolicy', admin, {
      draftVersionId,
      ...period,
    });
    expect(json.rows).toEqual(
      direct.rows.map((r) => ({ ...r, traineesAffectedCount: r.traineesAffected.length })),
    );
  });

  it('refuses at once, with no job, whoever may not run it or a version that is no draft', async () => {
    const jobsBefore = await service.db.pool.query(`select count(*)::int as n from "${service.schema}".jobs`);
    const officer: Principal = { userId: 'o', roles: ['county_officer'], jurisdiction: '140802' };
    expect(
      (
        await rejection(
          service.command('StartPolicySimulation', officer, { draftVersionId, ...period, format: 'xlsx' }),
        )
      ).category,
    ).toBe('forbidden');
    const unknown = await rejection(
      service.command('StartPolicySimulation', admin, {
        draftVersionId: randomUUID(),
        ...period,
        format: 'xlsx',
      }),
    );
    expect(unknown.code).toBe('POLICY.VERSION_NOT_FOUND');
    const bad = await rejection(
      service.command('StartPolicySimulation', admin, {
        draftVersionId,
        ...period,
        periodTo: '2019-13-01',
        format: 'xlsx',
      }),
    );
    expect((bad.details.violations as { path: string }[]).map((v) => v.path)).toEqual(['periodTo']);
    const jobsAfter = await service.db.pool.query(`select count(*)::int as n from "${service.schema}".jobs`);
    expect(jobsAfter.rows[0].n).toBe(jobsBefore.rows[0].n);
  });
});
