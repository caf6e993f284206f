// Progress per assignee (承担单位) on the real bus and PostgreSQL: a policy version assigning trainings
// to named institutions (as Jiyuan's 2021 plan does) and completed classes reach the report-facts read
// model; once finance maps an assignee to an institution (MapTargetAssignee), that institution's
// trainings count toward it and another's do not; an assignee not mapped is reported as such; the
// .xlsx export has the section as a sheet.
import { randomUUID } from 'node:crypto';
import type { fundLedgerV1 } from '@jineng/contracts';
import { eventSubject, FileStore, type IntegrationEvent, type Principal } from '@jineng/messaging';
import { connectTestNats, eventually } from '@jineng/testing';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import readXlsxFile from 'read-excel-file/node';
import { expectContract, FundLedgerTestService, rejection } from '../fund-ledger-service.fixture';

let service: FundLedgerTestService;
let nc: NatsConnection;
let js: JetStreamClient;

beforeAll(async () => {
  service = await FundLedgerTestService.start('fund_ledger_assignees');
  nc = await connectTestNats(service.nats.url);
  js = jetstream(nc);
});

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

const JIYUAN = '419001';
const FINANCE: Principal = { userId: 'finance-419001', roles: ['finance_officer'], jurisdiction: JIYUAN };
const OTHER_FINANCE: Principal = {
  userId: 'finance-410100',
  roles: ['finance_officer'],
  jurisdiction: '410100',
};
const POLYTECHNIC = '济源职业技术学院';
const TECHNICIAN = '济源技师学院';
const PLAN_TITLE = '2021年职业技能提升培训计划表';

function event(
  source: string,
  type: string,
  streamId: string,
  data: Record<string, unknown>,
): IntegrationEvent {
  const id = randomUUID();
  const recordedAt = new Date().toISOString();
  return {
    id,
    type,
    service: source,
    streamId,
    streamVersion: 1,
    recordedAt,
    hash: '0'.repeat(64),
    data: data as IntegrationEvent['data'],
    metadata: {
      commandId: randomUUID(),
      commandType: 'Test',
      requestDigest: '0'.repeat(64),
      correlationId: id,
      causationId: id,
      actor: { userId: 'officer-1', roles: ['county_officer'] },
      jurisdiction: JIYUAN,
      occurredAt: recordedAt,
    },
  };
}

const publish = (e: IntegrationEvent) =>
  js.publish(eventSubject(e.service, e.type), JSON.stringify(e), { msgID: e.id });

function completed(classId: string, institutionId: string, endDate: string, trainees: number) {
  return event('class-ops', 'ClassCompleted.v1', `class-${classId}`, {
    classId,
    institutionId,
    jurisdictionCode: JIYUAN,
    occupationCode: '4-10-01-02',
    level: 4,
    trainingType: 'pre_job',
    mode: 'self_run',
    keyGroup: false,
    fundSource: 'skills_upgrading_account',
    startDate: '2021-03-01',
    endDate,
    daysDelivered: 10,
    hoursDelivered: 80,
    sessionsTotal: 10,
    plannedHeadcount: trainees,
    openingDayHeadcount: trainees,
    averageRuleApplies: false,
    trainees: Array.from({ length: trainees }, () => ({
      workerId: randomUUID(),
      sessionsAttended: 10,
      sessionsTotal: 10,
      daysAttended: 10,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
    policyVersionIds: [],
  });
}

const policy = event('subsidy', 'PolicyVersionPublished.v1', `policy-${JIYUAN}`, {
  versionId: randomUUID(),
  jurisdiction: JIYUAN,
  effectiveFrom: '2021-01-01',
  effectiveUntil: '2021-12-31',
  title: '2021年济源示范区人力资源和社会保障局职业技能提升行动工作方案',
  parameters: {},
  targets: [
    {
      title: PLAN_TITLE,
      fromYear: 2021,
      toYear: 2021,
      lines: [
        {
          jurisdiction: JIYUAN,
          year: 2021,
          programme: '企业职工技能提升',
          trainingType: '岗前培训',
          assignee: POLYTECHNIC,
          trainees: 800,
        },
        {
          jurisdiction: JIYUAN,
          year: 2021,
          programme: '企业职工技能提升',
          trainingType: '岗前培训',
          assignee: TECHNICIAN,
          trainees: 800,
        },
        {
          jurisdiction: JIYUAN,
          year: 2021,
          programme: '技师培训',
          trainingType: '技师培训',
          assignee: POLYTECHNIC,
          trainees: 120,
        },
      ],
    },
  ],
  revision: 1,
  publishedAt: '2021-01-02T00:00:00Z',
  publishedBy: 'officer-419001',
});

it('counts a mapped assignee’s institution’s trainings against its target, another’s not, and says which are not mapped', async () => {
  const [polytechnic, technician] = [randomUUID(), randomUUID()];
  const [class1, class2, class3] = [randomUUID(), randomUUID(), randomUUID()];
  await publish(policy);
  await publish(completed(class1, polytechnic, '2021-04-10', 3));
  await publish(completed(class2, polytechnic, '2021-06-20', 2));
  // another institution's class: not the polytechnic's
  await publish(completed(class3, technician, '2021-05-15', 4));
  await eventually(
    async () => {
      const { rows } = await service.db.pool.query(
        `select class_id, institution_id from "${service.schema}".report_classes where class_id = any($1)`,
        [[class1, class2, class3]],
      );
      expect(rows).toHaveLength(3);
      expect(rows.find((r) => r.class_id === class3)?.institution_id).toBe(technician);
      const plans = await service.db.pool.query(`select 1 from "${service.schema}".report_target_plans`);
      expect(plans.rows).toHaveLength(1);
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
  const report = () =>
    service.query<fundLedgerV1.FundReport>('GetFundReport', FINANCE, {
      jurisdictionCode: JIYUAN,
      year: 2021,
      period: 'year',
    });

  // nothing mapped: every assignee says so, none reads as a zero achieved
  const before = await report();
  expectContract('jineng.fund_ledger.v1.FundReport', before);
  expect(
    before.assigneeTargets.map((a) => [a.assignee, a.targetTrainees, a.status, a.progressShare]),
  ).toEqual([
    [TECHNICIAN, 800, 'not_mapped', ''],
    [POLYTECHNIC, 920, 'not_mapped', ''],
  ]);

  const map = (payload: object, principal = FINANCE, commandId?: string) =>
    service.command<fundLedgerV1.TargetAssigneeMapping>(
      'MapTargetAssignee',
      principal,
      { jurisdictionCode: JIYUAN, assignee: POLYTECHNIC, institutionIds: [polytechnic], ...payload },
      commandId,
    );
  const unknown = await rejection(map({ assignee: '济源职院' }));
  expect(unknown).toMatchObject({ code: 'REPORT.ASSIGNEE_NOT_IN_TARGETS' });
  expect(JSON.stringify(unknown)).toContain('assignee');
  expect((await rejection(map({}, OTHER_FINANCE))).code).toBe('LEDGER.OUTSIDE_JURISDICTION');
  expect((await rejection(map({ institutionIds: [polytechnic, polytechnic] }))).code).toBe(
    'REPORT.INSTITUTION_REPEATED',
  );
  const none = await service.db.pool.query(`select 1 from "${service.schema}".report_assignee_mappings`);
  expect(none.rows).toHaveLength(0);

  const commandId = randomUUID();
  const mapping = await map({}, FINANCE, commandId);
  expectContract('jineng.fund_ledger.v1.TargetAssigneeMapping', mapping);
  expect(mapping).toEqual({
    jurisdictionCode: JIYUAN,
    assignee: POLYTECHNIC,
    institutionIds: [polytechnic],
    idempotent: false,
  });
  expect((await map({}, FINANCE, commandId)).idempotent).toBe(true);

  const after = await report();
  expect(after.assigneeTargets).toEqual([
    expect.objectContaining({ assignee: TECHNICIAN, status: 'not_mapped', actual: 0, progressShare: '' }),
    {
      planTitle: PLAN_TITLE,
      jurisdictionCode: JIYUAN,
      ownLevel: false,
      span: '2021',
      assignee: POLYTECHNIC,
      targetTrainees: 920,
      status: 'mapped',
      institutionIds: [polytechnic],
      actual: 5,
      progressShare: '0.0054',
    },
  ]);
  // the whole line still counts every institution's trainings
  expect(after.targets.map((t) => [t.targetTrainees, t.actual])).toEqual([[1_720, 9]]);

  // the export: the section as a sheet of its own
  const exported = await service.query<{ fileId: string }>('ExportFundReport', FINANCE, {
    jurisdictionCode: JIYUAN,
    year: 2021,
    period: 'year',
    format: 'xlsx',
  });
  const { data, verified } = await new FileStore(nc, 'fund-ledger').read(exported.fileId);
  const chunks: Buffer[] = [];
  const reader = data.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    chunks.push(Buffer.from(read.value));
  await verified;
  const sheets = await readXlsxFile(Buffer.concat(chunks));
  const sheet = sheets.find((s) => s.sheet === '承担单位目标进度')!.data;
  expect(sheet[1]).toContain('Assignee');
  expect(sheet.slice(2).map((r) => [r[4], r[5], r[6], r[7], r[8], r[9]])).toEqual([
    [TECHNICIAN, 800, 'not_mapped', 0, null, null],
    [POLYTECHNIC, 920, 'mapped', 5, '0.0054', polytechnic],
  ]);
});
