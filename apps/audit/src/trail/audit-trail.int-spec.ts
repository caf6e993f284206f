// The audit trail on real PostgreSQL and NATS: other services' events — published by their own stores'
// relays as those services will publish them (docs/contracts.md fields, real metadata, versions and
// chain hashes) — reach the audit copy once, indexed by every id they name; auditors page, filter and
// export an entity's timeline within their jurisdiction; the copy refuses to be changed.
import { randomUUID } from 'node:crypto';
import type { auditV1, commonV1 } from '@jineng/contracts';
import type { ReceivedDomainError } from '@jineng/ddd';
import type { RecordedEvent } from '@jineng/event-store';
import { FileStore, type Principal } from '@jineng/messaging';
import { eventually } from '@jineng/testing';
import { jetstream } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { Pool } from 'pg';
import readXlsxFile from 'read-excel-file/node';
import { AuditTestService, type SourceService } from '../audit-service.fixture';

const AUDITOR_YUNCHENG: Principal = { userId: 'auditor-yc', roles: ['auditor'], jurisdiction: '140800' };
const AUDITOR_SHANXI: Principal = { userId: 'auditor-sx', roles: ['auditor'], jurisdiction: '140000' };
const AUDITOR_TAIYUAN: Principal = { userId: 'auditor-ty', roles: ['auditor'], jurisdiction: '140100' };
const OFFICER: Principal = { userId: 'officer-yc', roles: ['county_officer'], jurisdiction: '140800' };

const officer = { userId: 'officer-yc', roles: ['county_officer'] };
const institutionUser = { userId: 'inst-user-1', roles: ['institution'], institutionId: '' };
const system = (service: string) => ({ userId: `system:${service}`, roles: ['system'] });

let audit: AuditTestService;
let classOps: SourceService;
let subsidy: SourceService;
let ledger: SourceService;

const classId = randomUUID();
const otherClassId = randomUUID();
const institutionId = randomUUID();
const [w1, w2, w3] = [randomUUID(), randomUUID(), randomUUID()];
const policyVersionId = randomUUID();
const claimId = randomUUID();
const commitmentId = randomUUID();
const paymentId = randomUUID();
const batchId = randomUUID();
const correlationId = `corr-${randomUUID()}`;
const published: RecordedEvent[] = [];

beforeAll(async () => {
  audit = await AuditTestService.start('audit_trail');
  classOps = await audit.source('class-ops');
  subsidy = await audit.source('subsidy');
  ledger = await audit.source('fund-ledger');
  const inYuncheng = { jurisdiction: '140802', correlationId };
  const classPlan = {
    classId,
    institutionId,
    jurisdictionCode: '140802',
    occupationCode: '4-03-02-01',
    level: 'level_5',
    trainingType: 'employment_skills',
    startDate: '2026-03-02',
    endDate: '2026-03-11',
    totalHours: 80,
    theoryHours: 24,
    practicalHours: 56,
    mode: 'self_run',
    keyGroup: false,
    fundSource: 'skills_account',
    plannedHeadcount: 2,
    workerIds: [w1, w2],
    policyVersionIds: [policyVersionId],
  };
  published.push(
    ...(await classOps.append(
      `class-${classId}`,
      [{ type: 'ClassApplied.v1', data: { ...classPlan, warnings: [] } }],
      {
        ...inYuncheng,
        actor: { ...institutionUser, institutionId },
      },
    )),
    ...(await classOps.append(
      `class-${classId}`,
      [{ type: 'ClassApproved.v1', data: { ...classPlan, approvedBy: officer.userId } }],
      { ...inYuncheng, actor: officer },
    )),
    ...(await classOps.append(
      `class-${classId}`,
      [
        {
          type: 'RosterAmended.v1',
          data: { classId, workerIds: [w1, w2, w3], addedWorkerIds: [w3], removedWorkerIds: [] },
        },
      ],
      { ...inYuncheng, actor: { ...institutionUser, institutionId } },
    )),
    ...(await classOps.append(
      `class-${classId}`,
      [
        {
          type: 'ClassCompleted.v1',
          data: {
            ...classPlan,
            daysDelivered: 10,
            hoursDelivered: 80,
            sessionsTotal: 20,
            openingDayHeadcount: 3,
            averageRuleApplies: false,
            trainees: [
              { workerId: w1, sessionsAttended: 20, sessionsTotal: 20, daysAttended: 10 },
              { workerId: w2, sessionsAttended: 18, sessionsTotal: 20, daysAttended: 9 },
              { workerId: w3, sessionsAttended: 20, sessionsTotal: 20, daysAttended: 10 },
            ],
            videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
          },
        },
      ],
      { ...inYuncheng, actor: system('class-ops') },
    )),
    ...(await subsidy.append(
      `claim-${claimId}`,
      [
        {
          type: 'ClaimApproved.v1',
          data: {
            claimId,
            classId,
            claimantId: institutionId,
            claimantKind: 'institution',
            jurisdictionCode: '140802',
            fundSource: 'skills_account',
            amountFen: 360_000,
            breakdownTotalFen: 360_000,
            policyVersionIds: [policyVersionId],
            approvedBy: 'approver-yc',
          },
        },
      ],
      { ...inYuncheng, actor: { userId: 'approver-yc', roles: ['city_approver'] } },
    )),
    ...(await ledger.append(
      `commitment-${claimId}`,
      [
        {
          type: 'CommitmentMade.v1',
          data: {
            claimId,
            commitmentId,
            classId,
            jurisdictionCode: '140802',
            fundSource: 'skills_account',
            amountFen: 360_000,
          },
        },
      ],
      { ...inYuncheng, actor: system('fund-ledger') },
    )),
    ...(await ledger.append(
      `payment-${paymentId}`,
      [
        {
          type: 'PaymentBatchIssued.v1',
          data: {
            batchId,
            fundSource: 'skills_account',
            lines: [{ paymentId, claimId, reference: 'JN20260320-0001', amountFen: 360_000 }],
          },
        },
        {
          type: 'PaymentSettled.v1',
          data: {
            paymentId,
            claimId,
            reference: 'JN20260320-0001',
            amountFen: 360_000,
            settledOn: '2026-03-21',
          },
        },
      ],
      { ...inYuncheng, actor: { userId: 'finance-yc', roles: ['finance_officer'] } },
    )),
    // the same worker in a class of another city (Taiyuan): outside a Yuncheng auditor's view
    ...(await classOps.append(
      `class-${otherClassId}`,
      [
        {
          type: 'ClassApplied.v1',
          data: {
            ...classPlan,
            classId: otherClassId,
            jurisdictionCode: '140105',
            workerIds: [w1],
            warnings: [],
          },
        },
      ],
      { jurisdiction: '140105', actor: { ...institutionUser, institutionId } },
    )),
  );
  await eventually(
    async () => {
      const { rows } = await audit.db.pool.query(
        `select count(*)::int as n from "${audit.schema}".audit_events`,
      );
      expect(rows[0].n).toBe(published.length);
    },
    { timeoutMs: 30_000 },
  );
}, 90_000);

afterAll(async () => {
  await audit?.dispose();
});

const timeline = (principal: Principal, payload: Partial<auditV1.ListEntityTimeline>) =>
  audit.query<auditV1.TimelinePage>('ListEntityTimeline', principal, payload);

const rejection = async (promise: Promise<unknown>): Promise<ReceivedDomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as ReceivedDomainError;
  }
  throw new Error('expected a rejection');
};

it("a worker's timeline: every event naming the worker, across services, in order, as recorded at the source", async () => {
  const page = await timeline(AUDITOR_YUNCHENG, { entityId: w1 });
  expect(page.items.map((e) => e.type)).toEqual([
    'ClassApplied.v1',
    'ClassApproved.v1',
    'RosterAmended.v1',
    'ClassCompleted.v1',
  ]);
  expect(page.total).toBe(4);
  for (const entry of page.items) {
    const source = published.find((e) => e.id === entry.eventId)!;
    expect(entry).toMatchObject({
      service: 'class-ops',
      streamId: source.streamId,
      streamVersion: source.version,
      recordedAt: source.recordedAt.toISOString(),
      hash: source.hash,
      jurisdiction: '140802',
      correlationId,
      kinds: ['worker'],
    });
    expect(entry.data).toEqual(source.data);
  }
  expect(page.items[1]).toMatchObject({
    actorUserId: 'officer-yc',
    actorRoles: ['county_officer'],
    fields: ['workerIds'],
  });
  expect(page.items[3].fields).toEqual(['trainees[].workerId', 'workerIds']);
  // the worker added to the roster later: from the amendment on, under both of its fields
  const added = await timeline(AUDITOR_YUNCHENG, { entityId: w3 });
  expect(added.items.map((e) => e.type)).toEqual(['RosterAmended.v1', 'ClassCompleted.v1']);
  expect(added.items[0]).toMatchObject({
    kinds: ['addedWorker', 'worker'],
    fields: ['addedWorkerIds', 'workerIds'],
  });
});

it("a claim's timeline reaches the ledger's events (commitment, the payment batch's lines, settlement)", async () => {
  const page = await timeline(AUDITOR_YUNCHENG, { entityId: claimId });
  expect(page.items.map((e) => [e.service, e.type])).toEqual([
    ['subsidy', 'ClaimApproved.v1'],
    ['fund-ledger', 'CommitmentMade.v1'],
    ['fund-ledger', 'PaymentBatchIssued.v1'],
    ['fund-ledger', 'PaymentSettled.v1'],
  ]);
  expect(page.items[2].fields).toEqual(['lines[].claimId']);
  const payment = await timeline(AUDITOR_YUNCHENG, { entityId: paymentId });
  expect(payment.items.map((e) => e.type)).toEqual(['PaymentBatchIssued.v1', 'PaymentSettled.v1']);
  const policy = await timeline(AUDITOR_YUNCHENG, { entityId: policyVersionId, kind: 'policyVersion' });
  expect(policy.items.map((e) => e.type)).toEqual([
    'ClassApplied.v1',
    'ClassApproved.v1',
    'ClassCompleted.v1',
    'ClaimApproved.v1',
  ]);
  // the institution as claimant and as the class's institution
  const institution = await timeline(AUDITOR_YUNCHENG, { entityId: institutionId, type: 'ClaimApproved.v1' });
  expect(institution.items.map((e) => e.kinds)).toEqual([['claimant']]);
});

it('the correlation id and the actor are indexed too', async () => {
  const correlated = await timeline(AUDITOR_YUNCHENG, { entityId: correlationId, kind: 'correlation' });
  expect(correlated.total).toBe(8);
  const byFinance = await timeline(AUDITOR_YUNCHENG, { entityId: 'finance-yc', kind: 'actor' });
  expect(byFinance.items.map((e) => e.type)).toEqual(['PaymentBatchIssued.v1', 'PaymentSettled.v1']);
});

it('filters by type, service and time, pages, and sorts only on whitelisted columns', async () => {
  const byType = await timeline(AUDITOR_YUNCHENG, { entityId: classId, type: 'ClassApproved.v1' });
  expect(byType.items.map((e) => e.type)).toEqual(['ClassApproved.v1']);
  const byService = await timeline(AUDITOR_YUNCHENG, { entityId: classId, service: 'fund-ledger' });
  expect(byService.items.map((e) => e.type)).toEqual(['CommitmentMade.v1']);
  const all = await timeline(AUDITOR_YUNCHENG, { entityId: classId });
  expect(all.total).toBe(6);
  const [, second, third] = all.items;
  const window = await timeline(AUDITOR_YUNCHENG, {
    entityId: classId,
    recordedFrom: second.recordedAt,
    recordedTo: third.recordedAt,
  });
  expect(window.items.map((e) => e.eventId)).toEqual(
    all.items
      .filter((e) => e.recordedAt >= second.recordedAt && e.recordedAt <= third.recordedAt)
      .map((e) => e.eventId),
  );
  const pages = [1, 2, 3].map((p) => timeline(AUDITOR_YUNCHENG, { entityId: classId, page: p, pageSize: 2 }));
  const paged = (await Promise.all(pages)).flatMap((p) => p.items.map((e) => e.eventId));
  expect(paged).toEqual(all.items.map((e) => e.eventId));
  const newestFirst = await timeline(AUDITOR_YUNCHENG, { entityId: classId, sort: '-recordedAt' });
  expect(newestFirst.items.map((e) => e.eventId)).toEqual(all.items.map((e) => e.eventId).reverse());
  const badSort = await rejection(timeline(AUDITOR_YUNCHENG, { entityId: classId, sort: 'hash' }));
  expect(badSort.code).toBe('LIST.UNKNOWN_SORT');
});

it('auditors only, within their jurisdiction; a bad request names its field', async () => {
  // Yuncheng sees its own class; Taiyuan's application of the same worker only Taiyuan and the province see
  expect((await timeline(AUDITOR_YUNCHENG, { entityId: w1 })).items.map((e) => e.jurisdiction)).not.toContain(
    '140105',
  );
  expect((await timeline(AUDITOR_TAIYUAN, { entityId: w1 })).items.map((e) => e.jurisdiction)).toEqual([
    '140105',
  ]);
  expect((await timeline(AUDITOR_SHANXI, { entityId: w1 })).total).toBe(5);
  const foreign = await rejection(timeline(AUDITOR_TAIYUAN, { entityId: w1, jurisdiction: '140800' }));
  expect([foreign.code, foreign.category]).toEqual(['AUDIT.FOREIGN_JURISDICTION', 'forbidden']);
  const officerAsks = await rejection(timeline(OFFICER, { entityId: w1 }));
  expect([officerAsks.code, officerAsks.category]).toEqual(['AUDIT.ROLE_NOT_ALLOWED', 'forbidden']);
  const bad = await rejection(timeline(AUDITOR_YUNCHENG, { entityId: w1, recordedFrom: 'yesterday' }));
  expect(bad.code).toBe('MESSAGING.INVALID_PAYLOAD');
  expect((bad.details.violations as { path: string }[]).map((v) => v.path)).toEqual(['recordedFrom']);
});

it('exports the timeline as .xlsx (titles in Chinese and English) and JSON through the file store', async () => {
  const files = new FileStore(audit.nc, 'audit');
  const xlsx = await audit.query<commonV1.FileReply>('ExportEntityTimeline', AUDITOR_YUNCHENG, {
    format: 'xlsx',
    entityId: claimId,
  });
  expect(xlsx.fileName).toMatch(new RegExp(`^审计时间线-${claimId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const sheets = await readXlsxFile(await bytesOf(files, xlsx.fileId));
  const rows = sheets[0].data;
  expect(rows[0]).toContain('事件类型');
  expect(rows[1]).toContain('Event type');
  const typeColumn = rows[1].indexOf('Event type');
  const hashColumn = rows[1].indexOf('Chain hash');
  expect(rows.slice(2).map((r) => r[typeColumn])).toEqual([
    'ClaimApproved.v1',
    'CommitmentMade.v1',
    'PaymentBatchIssued.v1',
    'PaymentSettled.v1',
  ]);
  expect(rows[2][hashColumn]).toBe(published.find((e) => e.type === 'ClaimApproved.v1')!.hash);
  const json = await audit.query<commonV1.FileReply>('ExportEntityTimeline', AUDITOR_YUNCHENG, {
    format: 'json',
    entityId: claimId,
    service: 'fund-ledger',
  });
  const document = JSON.parse((await bytesOf(files, json.fileId)).toString('utf8')) as {
    rows: { type: string; dataText: string }[];
  };
  expect(document.rows.map((r) => r.type)).toEqual([
    'CommitmentMade.v1',
    'PaymentBatchIssued.v1',
    'PaymentSettled.v1',
  ]);
  expect(JSON.parse(document.rows[0].dataText)).toMatchObject({ claimId, commitmentId, amountFen: 360_000 });
});

it('copies a redelivered event once, and the copy refuses UPDATE, DELETE and TRUNCATE by the service role', async () => {
  // the same event again under another message id (so JetStream's de-duplication does not hide it)
  const again = published.find((e) => e.type === 'PaymentSettled.v1')!;
  const js = jetstream(audit.nc);
  const h = headers();
  h.set('Nats-Msg-Id', `again-${again.id}`);
  await js.publish(
    'jineng.evt.fund-ledger.PaymentSettled.v1',
    JSON.stringify({
      id: again.id,
      type: again.type,
      service: 'fund-ledger',
      streamId: again.streamId,
      streamVersion: again.version,
      recordedAt: again.recordedAt.toISOString(),
      hash: again.hash,
      data: again.data,
      metadata: again.metadata,
    }),
    { headers: h },
  );
  const marker = await ledger.append(
    `payment-${randomUUID()}`,
    [
      {
        type: 'PaymentFailed.v1',
        data: {
          paymentId: randomUUID(),
          claimId: randomUUID(),
          reference: 'X',
          amountFen: 1,
          reason: 'closed',
        },
      },
    ],
    { jurisdiction: '140802', actor: system('fund-ledger') },
  );
  await eventually(
    async () => {
      const { rows } = await audit.db.pool.query(
        `select count(*)::int as n from "${audit.schema}".audit_events where event_id = $1`,
        [marker[0].id],
      );
      expect(rows[0].n).toBe(1);
    },
    { timeoutMs: 15_000 },
  );
  const { rows } = await audit.db.pool.query(
    `select count(*)::int as n from "${audit.schema}".audit_events where event_id = $1`,
    [again.id],
  );
  expect(rows[0].n).toBe(1);
  expect((await timeline(AUDITOR_YUNCHENG, { entityId: paymentId })).total).toBe(2);

  const asService = new Pool({ connectionString: audit.runtimeRole.url, max: 1 });
  try {
    const S = `"${audit.schema}"`;
    for (const statement of [
      `update ${S}.audit_events set hash = repeat('0', 64)`,
      `delete from ${S}.audit_events`,
      `truncate ${S}.audit_events cascade`,
      `update ${S}.audit_entity_refs set entity_id = 'x'`,
      `delete from ${S}.audit_entity_refs`,
      `truncate ${S}.audit_entity_refs`,
    ]) {
      await expect(asService.query(statement)).rejects.toMatchObject({ code: 'JN002' });
    }
    await expect(
      asService.query(`drop trigger audit_events_are_immutable on ${S}.audit_events`),
    ).rejects.toMatchObject({
      code: '42501',
    });
  } finally {
    await asService.end();
  }
  // nothing changed: the claim's timeline still shows the hashes its sources computed
  const after = await timeline(AUDITOR_YUNCHENG, { entityId: claimId });
  const claimEvents = ['ClaimApproved.v1', 'CommitmentMade.v1', 'PaymentBatchIssued.v1', 'PaymentSettled.v1'];
  expect(after.items.map((e) => e.hash)).toEqual(
    claimEvents.map((type) => published.find((e) => e.type === type)!.hash),
  );
});

async function bytesOf(files: FileStore, fileId: string): Promise<Buffer> {
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

it("verifies the copy's hash chains against the sources' hashes, and finds a row changed behind the trigger", async () => {
  const verify = (payload: object = {}) =>
    audit.query<auditV1.AuditChainReport>('VerifyAuditCopy', AUDITOR_SHANXI, payload);
  const whole = await verify();
  expect(whole).toMatchObject({ ok: true, broken: [] });
  const { rows } = await audit.db.pool.query<{ n: number; s: number }>(
    `select count(*)::int as n, count(distinct (service, stream_id))::int as s from "${audit.schema}".audit_events`,
  );
  expect([whole.events, whole.streams]).toEqual([rows[0].n, rows[0].s]);
  expect(await verify({ service: 'subsidy' })).toMatchObject({ ok: true, streams: 1, events: 1 });

  // someone with the owner's rights switches the trigger off and edits an amount in the copy
  const approved = published.find((e) => e.type === 'ClaimApproved.v1')!;
  const S = `"${audit.schema}"`;
  await audit.db.pool.query(`alter table ${S}.audit_events disable trigger audit_events_are_immutable`);
  try {
    await audit.db.pool.query(`update ${S}.audit_events set data = $2::json where event_id = $1`, [
      approved.id,
      JSON.stringify({ ...approved.data, amountFen: 3_600_000 }),
    ]);
  } finally {
    await audit.db.pool.query(`alter table ${S}.audit_events enable trigger audit_events_are_immutable`);
  }
  const after = await verify();
  expect(after.ok).toBe(false);
  expect(after.broken).toEqual([
    expect.objectContaining({
      service: 'subsidy',
      streamId: `claim-${claimId}`,
      version: 1,
      reason: 'hash_mismatch',
    }),
  ]);
  const refused = await rejection(audit.query('VerifyAuditCopy', OFFICER, {}));
  expect(refused.code).toBe('AUDIT.ROLE_NOT_ALLOWED');
});
