// Money in three steps through the gateway (issue 14): finance funds the dedicated account and
// allocates to a county; subsidy's events (published here under subsidy's own bus identity, as its
// relay would) earmark a class at its approval and commit approved claims; finance issues the bank
// payment file, records a statement with one payment missing and one unexpected line, reads the
// reconciliation, reverses a clawback and closes the year; the ledger verifies.
import { randomUUID } from 'node:crypto';
import { eventSubject } from '@jineng/messaging';

import {
  connectTestDatabase,
  devToken,
  eventually,
  payeeAccountSealedEvent,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

let platform: RunningPlatform;
let db: TestDatabase;
let subsidyBus: NatsConnection;
let registryBus: NatsConnection;
let classOpsBus: NatsConnection;
let token: string;

beforeAll(async () => {
  db = await connectTestDatabase('fund_ledger_e2e');
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
    { name: 'fund-ledger', env: { JINENG_SCHEMA: db.schema } },
  ]);
  token = await devToken(platform.urls.gateway!, 'finance_officer');
  subsidyBus = await platform.bus.connect('subsidy');
  registryBus = await platform.bus.connect('registry');
  classOpsBus = await platform.bus.connect('class-ops');
});

afterAll(async () => {
  await subsidyBus?.close();
  await registryBus?.close();
  await classOpsBus?.close();
  await platform?.stop();
  await db?.dispose();
});

/** the claims and claimants of the money flow: the public disclosure must name none of them */
const personal: string[] = [];

const CITY = '140800';
const COUNTY = '140802';
const SOURCE = 'skills_upgrading_account';

interface Answer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
  readonly body: Record<string, any>;
  readonly text: string;
}

async function api(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Answer['body'] = {};
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = {};
  }
  return { status: response.status, body: parsed, text };
}

const balances = async () =>
  (await api('GET', `/api/v1/fund-ledger/balances/${COUNTY}`)).body.sources.find(
    (s: { fundSource: string }) => s.fundSource === SOURCE,
  );

async function publishAsSubsidy(type: string, streamId: string, streamVersion: number, data: object) {
  await publishAs(subsidyBus, 'subsidy', type, streamId, streamVersion, data);
}

async function publishAs(
  bus: NatsConnection,
  service: string,
  type: string,
  streamId: string,
  streamVersion: number,
  data: object,
) {
  const id = randomUUID();
  const event = {
    id,
    type,
    service,
    streamId,
    streamVersion,
    recordedAt: new Date().toISOString(),
    hash: '0'.repeat(64),
    data,
    metadata: {
      commandId: randomUUID(),
      commandType: 'E2E',
      requestDigest: '0'.repeat(64),
      correlationId: id,
      causationId: id,
      actor: { userId: 'officer-e2e', roles: ['county_officer'] },
      jurisdiction: COUNTY,
      occurredAt: new Date().toISOString(),
    },
  };
  await jetstream(bus).publish(eventSubject(service, type), JSON.stringify(event), { msgID: id });
}

it('funds, allocates, earmarks, commits, pays, reconciles, reverses and closes the year', async () => {
  // fund and allocate
  const inflow = {
    inflowId: randomUUID(),
    jurisdictionCode: CITY,
    fundSource: SOURCE,
    amountFen: 2_000_000,
    documentReference: '运人社发〔2026〕21号',
    receivedOn: '2026-11-02',
  };
  const key = randomUUID();
  const funded = await api('POST', '/api/v1/fund-ledger/inflows', inflow, key);
  expect(funded.status).toBe(200);
  expect(funded.body).toMatchObject({ outcome: 'recorded', idempotent: false });
  expect((await api('POST', '/api/v1/fund-ledger/inflows', inflow, key)).body).toMatchObject({
    idempotent: true,
  });
  const reused = await api('POST', '/api/v1/fund-ledger/inflows', { ...inflow, amountFen: 1 }, key);
  expect([reused.status, reused.body.code]).toEqual([409, 'COMMAND.ID_REUSED']);
  const bad = await api('POST', '/api/v1/fund-ledger/inflows', {
    ...inflow,
    inflowId: randomUUID(),
    amountFen: 'lots',
  });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('amountFen');
  const allocated = await api('POST', '/api/v1/fund-ledger/allocations', {
    allocationId: randomUUID(),
    fromJurisdictionCode: CITY,
    countyCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 1_500_000,
    documentReference: '运财社〔2026〕4号',
  });
  expect(allocated.status).toBe(200);

  // the class is approved: subsidy estimates it, the ledger earmarks it
  const classId = randomUUID();
  await publishAsSubsidy('ClassSubsidyEstimated.v1', `class-subsidy-${classId}`, 1, {
    classId,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 800_000,
    policyVersionIds: [randomUUID()],
    basis: { headcount: 40, days: 20, ratePerDayFen: 1_000 },
  });
  await eventually(
    async () => expect(await balances()).toMatchObject({ earmarkedFen: 800_000, availableFen: 700_000 }),
    {
      timeoutMs: 20_000,
    },
  );

  // claims are approved: the ledger commits them
  const claims = [
    { name: 'paid', classId, amountFen: 300_000 },
    { name: 'missing', classId, amountFen: 200_000 },
    { name: 'no-class', amountFen: 50_000 },
  ].map((c) => ({ ...c, claimId: randomUUID(), claimantId: randomUUID() }));
  personal.push(classId, ...claims.flatMap((c) => [c.claimId, c.claimantId]));
  for (const claim of claims) {
    const fields = {
      claimId: claim.claimId,
      ...(claim.classId ? { classId: claim.classId } : {}),
      claimantId: claim.claimantId,
      claimantKind: 'institution',
      jurisdictionCode: COUNTY,
      fundSource: SOURCE,
    };
    await publishAsSubsidy('ClaimSubmitted.v1', `claim-${claim.claimId}`, 1, {
      ...fields,
      kind: 'training',
      requestedFen: claim.amountFen,
      computedFen: claim.amountFen,
      breakdownDigest: 'b'.repeat(64),
    });
    await publishAsSubsidy('ClaimApproved.v1', `claim-${claim.claimId}`, 2, {
      ...fields,
      amountFen: claim.amountFen,
      breakdownTotalFen: claim.amountFen,
      policyVersionIds: [randomUUID()],
      approvedBy: 'approver-e2e',
    });
  }
  await eventually(
    async () => expect(await balances()).toMatchObject({ committedFen: 550_000, payableFen: 550_000 }),
    {
      timeoutMs: 30_000,
    },
  );
  // 500 000 drawn from the class's earmark, 50 000 (no class) from what was available
  expect(await balances()).toMatchObject({ earmarkedFen: 300_000, availableFen: 650_000 });

  // the payees' bank accounts, sealed by the registry to the ledger's key (published as its relay would)
  for (const [i, claim] of claims.entries()) {
    const event = payeeAccountSealedEvent(claim.claimantId, 'institution', {
      accountName: `培训学校${i}`,
      accountNumber: `622202020011223344${i}`,
    });
    await jetstream(registryBus).publish(eventSubject('registry', event.type), JSON.stringify(event), {
      msgID: event.id,
    });
  }

  // pay: the bank payment file
  const batchId = randomUUID();
  // the ledger's local read model has the three accounts
  await eventually(async () => {
    const { rows } = await db.pool.query(
      `select count(*)::int as n from "${db.schema}".payee_accounts where payee_id = any($1::text[])`,
      [claims.map((c) => c.claimantId)],
    );
    expect(rows[0].n).toBe(3);
  });
  const batch = await api('POST', '/api/v1/fund-ledger/payment-batches', {
    batchId,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
  });
  expect(batch.status).toBe(201);
  expect(batch.body).toMatchObject({ lines: 3, totalFen: 550_000, heldBack: [] });
  const file = await api('GET', `/api/v1/fund-ledger/payment-batches/${batchId}/file`);
  expect(file.status).toBe(200);
  const rows = file.text
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  expect(rows[0]![0]).toBe('reference');
  expect(rows).toHaveLength(4);
  expect(rows.map((r) => r.slice(9, 11))).toContainEqual(['培训学校0', '6222020200112233440']);
  const referenceOf = (name: string) =>
    rows.find((r) => r[2] === claims.find((c) => c.name === name)!.claimId)![0]!;

  // the statement: one payment missing, one line the ledger never issued
  const statement = [
    'reference,amount_fen,value_date,status,reason',
    `${referenceOf('paid')},300000,2026-11-30,paid,`,
    `${referenceOf('no-class')},50000,2026-11-30,paid,`,
    'JNNOTOURS000000001,12345,2026-11-30,paid,',
  ].join('\n');
  const started = await api('POST', '/api/v1/fund-ledger/bank-statements', {
    statementId: randomUUID(),
    jurisdictionCode: COUNTY,
    csv: statement,
  });
  expect(started.status).toBe(202);
  const job = await eventually(
    async () => {
      const view = await api('GET', `/api/v1/fund-ledger/jobs/${started.body.jobId}`);
      expect([view.status, view.body.status, view.body.error]).toEqual([200, 'succeeded', undefined]);
      return view.body;
    },
    { intervalMs: 500, timeoutMs: 20_000 },
  );
  expect(job.result).toMatchObject({
    lines: 3,
    matched: 2,
    settled: 2,
    unmatchedLineCount: 1,
    unmatchedLines: [{ reference: 'JNNOTOURS000000001', amountFen: 12_345 }],
    unmatchedPaymentCount: 1,
    unmatchedPayments: [{ reference: referenceOf('missing'), amountFen: 200_000 }],
    amountDifferenceCount: 0,
  });
  expect(await balances()).toMatchObject({ payableFen: 200_000, expenseFen: 550_000 });

  // a clawback of the paid claim
  const paid = claims.find((c) => c.name === 'paid')!;
  const reversed = await api('POST', '/api/v1/fund-ledger/reversals', {
    recoveryId: randomUUID(),
    claimId: paid.claimId,
    amountFen: 100_000,
    reason: '证书撤销追回',
  });
  expect(reversed.status).toBe(200);
  expect(reversed.body).toMatchObject({ claimId: paid.claimId, amountFen: 100_000 });
  expect(await balances()).toMatchObject({ availableFen: 750_000, expenseFen: 450_000 });

  // close the year
  const closed = await api('POST', '/api/v1/fund-ledger/year-closes', {
    year: 2026,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
  });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ year: 2026, closedExpenseFen: 450_000, releasedFen: 0 });
  expect(await balances()).toMatchObject({
    committedFen: 0,
    expenseFen: 0,
    payableFen: 200_000,
    earmarkedFen: 300_000,
  });

  const verification = await api('GET', '/api/v1/fund-ledger/verification');
  expect(verification.body).toMatchObject({ ok: true, trialBalanceFen: 0, problems: [] });

  // the ledger against the approved claims: every one committed once, paid at most once
  // (the approvals reach the ledger's claims read model on their own consumer: probed until there)
  const claimsCheck = await eventually(
    async () => {
      const answer = await api('GET', `/api/v1/fund-ledger/claims-reconciliation/${COUNTY}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ jurisdictionCode: COUNTY, ok: true, problemCount: 0 });
      return answer;
    },
    { intervalMs: 250, timeoutMs: 20_000 },
  );
  expect(claimsCheck.body.totals).toEqual([
    expect.objectContaining({ fundSource: SOURCE, approvedCount: claims.length, differenceFen: 0 }),
  ]);

  // the same check as the list a user sees: a row per claim, paged, filtered, exported
  const rowsPath = `/api/v1/fund-ledger/claims-reconciliation/${COUNTY}`;
  const firstRow = await api('GET', `${rowsPath}/rows?pageSize=1&sort=claimId`);
  expect(firstRow.status).toBe(200);
  expect(firstRow.body).toMatchObject({ total: claims.length, page: 1, pageSize: 1 });
  expect(firstRow.body.items).toEqual([
    expect.objectContaining({ jurisdictionCode: COUNTY, fundSource: SOURCE, problem: 'none' }),
  ]);
  const onlyProblems = await api('GET', `${rowsPath}/rows?problemsOnly=true`);
  expect(onlyProblems.body).toMatchObject({ total: 0, items: [] });
  const badProblem = await api('GET', `${rowsPath}/rows?problem=lost`);
  expect(badProblem.status).toBe(400);
  expect(JSON.stringify(badProblem.body)).toContain('problem');
  const sheet = await fetch(`${platform.urls.gateway}${rowsPath}/export?format=xlsx`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(sheet.status).toBe(200);
  expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
  expect(
    Buffer.from(await sheet.arrayBuffer())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');
});

it('discloses the fund usage to anyone, without a token and without claimant-level data', async () => {
  expect(personal).toHaveLength(7);
  const url = (path: string) => `${platform.urls.gateway}/api/v1/public/fund-disclosure/${path}`;
  const response = await fetch(url(`${COUNTY}?year=2026&period=year`));
  const text = await response.text();
  expect(response.status).toBe(200);
  const disclosure = JSON.parse(text) as Record<string, unknown>;
  // the county received its allocation; 550 000 committed, 350 000 paid, 100 000 clawed back
  expect(disclosure).toEqual({
    jurisdictionCode: COUNTY,
    year: 2026,
    period: 'year',
    rows: [
      {
        period: '2026',
        fundSource: SOURCE,
        receivedFen: 1_500_000,
        committedFen: 550_000,
        paidFen: 350_000,
        returnedFen: 100_000,
      },
    ],
    byKind: [
      {
        period: '2026',
        fundSource: SOURCE,
        subsidyKind: 'training',
        committedFen: 550_000,
        returnedFen: 100_000,
      },
    ],
  });
  // the city's scope holds the county: the allocation nets out, the inflow is what it received
  const city = (await (await fetch(url(`${CITY}?year=2026&period=quarter`))).json()) as {
    rows: { period: string }[];
  };
  expect(city.rows.find((r: { period: string }) => r.period === '2026-Q4')).toMatchObject({
    receivedFen: 2_000_000,
    committedFen: 550_000,
  });

  const exportedJson = await fetch(url(`${COUNTY}/export?year=2026&period=month&format=json`));
  expect(exportedJson.status).toBe(200);
  const jsonText = await exportedJson.text();
  expect(jsonText).toContain('1500000');
  const xlsx = await fetch(url(`${COUNTY}/export?year=2026&period=month&format=xlsx`));
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  for (const answer of [text, JSON.stringify(city), jsonText]) {
    for (const id of personal) expect(answer).not.toContain(id);
    expect(answer).not.toMatch(/claim|payee|class/i);
  }

  const bad = await fetch(url(`${COUNTY}?year=2026&period=week`));
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('period');
  // the finance routes still need a token
  expect(
    (await fetch(`${platform.urls.gateway}/api/v1/fund-ledger/reports/${COUNTY}?year=2026&period=year`))
      .status,
  ).toBe(401);
});

it("reports a county's trainings against the city's published targets, once finance maps the programme", async () => {
  await publishAs(subsidyBus, 'subsidy', 'PolicyVersionPublished.v1', `policy-e2e-${CITY}`, 1, {
    versionId: randomUUID(),
    jurisdiction: CITY,
    effectiveFrom: '2026-01-01',
    title: '运城市职业技能提升行动',
    parameters: { reporting: { monthlyReportDueDay: 5 } },
    targets: [
      {
        title: '运城市2026年培训目标',
        fromYear: 2026,
        toYear: 2026,
        lines: [{ jurisdiction: COUNTY, year: 2026, programme: '企业职工技能提升培训', trainees: 20 }],
        constraints: [
          { programme: '企业职工技能提升培训', minShare: 0.5, description: '企业职工占比不低于50%' },
        ],
      },
    ],
    revision: 1,
    publishedAt: '2026-01-02T00:00:00Z',
    publishedBy: 'officer-140800',
  });
  const classId = randomUUID();
  await publishAs(classOpsBus, 'class-ops', 'ClassCompleted.v1', `class-${classId}`, 1, {
    classId,
    institutionId: randomUUID(),
    jurisdictionCode: COUNTY,
    occupationCode: '4-10-01-02',
    level: 5,
    trainingType: 'skill_upgrading',
    mode: 'self_run',
    keyGroup: false,
    fundSource: SOURCE,
    startDate: '2026-05-04',
    endDate: '2026-05-20',
    daysDelivered: 12,
    hoursDelivered: 96,
    sessionsTotal: 12,
    plannedHeadcount: 4,
    openingDayHeadcount: 4,
    averageRuleApplies: false,
    trainees: [1, 2, 3, 4].map(() => ({
      workerId: randomUUID(),
      sessionsAttended: 12,
      sessionsTotal: 12,
      daysAttended: 12,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
    policyVersionIds: [],
  });
  const report = async () =>
    (await api('GET', `/api/v1/fund-ledger/reports/${COUNTY}?year=2026&period=month`)).body;
  const before = await eventually(
    async () => {
      const r = await report();
      expect(r.activity.find((a: { period: string }) => a.period === '2026-05')).toMatchObject({
        trainings: 4,
      });
      expect(r.targets).toHaveLength(1);
      return r;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  expect(before.targets[0]).toMatchObject({ targetTrainees: 20, actual: 4, progressShare: '0.2000' });
  expect(before.targetConstraints[0]).toMatchObject({ status: 'not_mapped' });
  expect(before.dueDates.find((d: { period: string }) => d.period === '2026-05')).toMatchObject({
    dueOn: '2026-06-05',
  });

  // bad input: 400 naming the field, nothing changed
  const unknown = await api('POST', '/api/v1/fund-ledger/target-programmes', {
    jurisdictionCode: CITY,
    programme: '没有这个项目',
    trainingTypes: ['skill_upgrading'],
  });
  expect([unknown.status, unknown.body.code]).toEqual([400, 'REPORT.PROGRAMME_NOT_IN_TARGETS']);
  expect(unknown.text).toContain('programme');
  const badType = await api('POST', '/api/v1/fund-ledger/target-programmes', {
    jurisdictionCode: CITY,
    programme: '企业职工技能提升培训',
    trainingTypes: ['knitting'],
  });
  expect(badType.status).toBe(400);
  expect(badType.text).toContain('trainingTypes');
  // an assignee (承担单位) the tables do not name, or an institution id that is not one: 400 naming the field
  const unknownAssignee = await api('POST', '/api/v1/fund-ledger/target-assignees', {
    jurisdictionCode: CITY,
    assignee: '没有这个单位',
    institutionIds: [randomUUID()],
  });
  expect([unknownAssignee.status, unknownAssignee.body.code]).toEqual([
    400,
    'REPORT.ASSIGNEE_NOT_IN_TARGETS',
  ]);
  expect(unknownAssignee.text).toContain('assignee');
  const badInstitution = await api('POST', '/api/v1/fund-ledger/target-assignees', {
    jurisdictionCode: CITY,
    assignee: '没有这个单位',
    institutionIds: ['not-an-id'],
  });
  expect(badInstitution.status).toBe(400);
  expect(badInstitution.text).toContain('institutionIds');
  expect((await report()).targetConstraints[0]).toMatchObject({ status: 'not_mapped' });

  const mapped = await api('POST', '/api/v1/fund-ledger/target-programmes', {
    jurisdictionCode: CITY,
    programme: '企业职工技能提升培训',
    trainingTypes: ['skill_upgrading', 'job_transfer'],
  });
  expect(mapped.status).toBe(200);
  expect(mapped.body).toMatchObject({
    trainingTypes: ['job_transfer', 'skill_upgrading'],
    keyGroupOnly: false,
  });
  const after = await report();
  expect(after.programmeTargets[0]).toMatchObject({
    programme: '企业职工技能提升培训',
    measured: true,
    actual: 4,
  });
  expect(after.targetConstraints[0]).toMatchObject({
    jurisdictionCode: COUNTY,
    actualShare: '1.0000',
    status: 'met',
  });

  const xlsx = await fetch(
    `${platform.urls.gateway}/api/v1/fund-ledger/reports/${COUNTY}/export?year=2026&period=month&format=xlsx`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  expect(xlsx.status).toBe(200);
  const text = Buffer.from(await xlsx.arrayBuffer());
  // a zip whose workbook lists the eight sections
  expect(text.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(text.toString('latin1')).toContain('xl/worksheets/sheet8.xml');
});

it('takes a bank statement in parts through the gateway, resumable, and reconciles it as a job', async () => {
  const statementId = randomUUID();
  const reference = () => `JN${randomUUID().replace(/-/g, '').toUpperCase()}`;
  const text = [
    'reference,amount_fen,value_date,status,reason',
    ...[1, 2, 3, 4].map(() => `${reference()},5000,2026-11-30,paid,`),
  ].join('\n');
  const cut = Math.floor(text.length / 2) + 3; // in the middle of a line
  const part = (partNumber: number, csv: string) =>
    api('POST', '/api/v1/fund-ledger/bank-statement-parts', {
      statementId,
      jurisdictionCode: COUNTY,
      partNumber,
      csv,
    });

  const bad = await part(0, text.slice(0, cut));
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('partNumber');
  expect((await part(1, text.slice(0, cut))).status).toBe(200);
  const early = await api('POST', '/api/v1/fund-ledger/bank-statements/from-parts', {
    statementId,
    jurisdictionCode: COUNTY,
    partCount: 2,
  });
  expect([early.status, early.body.code]).toEqual([400, 'STATEMENT.PARTS_MISSING']);
  const received = await api('GET', `/api/v1/fund-ledger/bank-statement-parts/${statementId}`);
  expect(received.body.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([1]);
  expect((await part(2, text.slice(cut))).body).toMatchObject({ partNumber: 2, idempotent: false });
  expect((await part(2, text.slice(cut))).body).toMatchObject({ idempotent: true });

  const started = await api('POST', '/api/v1/fund-ledger/bank-statements/from-parts', {
    statementId,
    jurisdictionCode: COUNTY,
    partCount: 2,
  });
  expect(started.status).toBe(202);
  const job = await eventually(
    async () => {
      const view = await api('GET', `/api/v1/fund-ledger/jobs/${started.body.jobId}`);
      expect([view.status, view.body.status, view.body.error]).toEqual([200, 'succeeded', undefined]);
      return view.body;
    },
    { intervalMs: 500, timeoutMs: 20_000 },
  );
  expect(job.done).toBe(4);
  expect(job.result).toMatchObject({
    statementId,
    lines: 4,
    invalidLines: 0,
    matched: 0,
    unmatchedLineCount: 4,
  });
});
