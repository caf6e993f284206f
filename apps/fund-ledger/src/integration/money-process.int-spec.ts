// The money process on the real bus: subsidy's events (published here as subsidy's relay publishes
// them) earmark classes and commit claims through the fund-ledger-money consumer; the outcomes go out
// as the ledger's events; a redelivered event changes nothing; the ledger verifies.
import { randomUUID } from 'node:crypto';
import type { fundLedgerV1 } from '@jineng/contracts';
import { EVENTS_STREAM, eventSubject, type IntegrationEvent, type Principal } from '@jineng/messaging';
import { connectTestNats, eventually } from '@jineng/testing';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { expectContract, FundLedgerTestService } from '../fund-ledger-service.fixture';

let service: FundLedgerTestService;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;

beforeAll(async () => {
  service = await FundLedgerTestService.start('fund_ledger_money');
  nc = await connectTestNats(service.nats.url);
  js = jetstream(nc);
  jsm = await jetstreamManager(nc);
});

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

const COUNTY = '530302';
const SOURCE = 'skills_upgrading_account';
const FINANCE: Principal = { userId: 'finance-530302', roles: ['finance_officer'], jurisdiction: COUNTY };

function subsidyEvent(
  type: string,
  streamId: string,
  data: Record<string, unknown>,
  streamVersion = 1,
): IntegrationEvent {
  const id = randomUUID();
  return {
    id,
    type,
    service: 'subsidy',
    streamId,
    streamVersion,
    recordedAt: new Date().toISOString(),
    hash: '0'.repeat(64),
    data: data as IntegrationEvent['data'],
    metadata: {
      commandId: randomUUID(),
      commandType: 'Test',
      requestDigest: '0'.repeat(64),
      correlationId: id,
      causationId: id,
      actor: { userId: 'officer-1', roles: ['county_officer'] },
      jurisdiction: COUNTY,
      occurredAt: new Date().toISOString(),
    },
  };
}

async function publish(event: IntegrationEvent, msgID = event.id): Promise<void> {
  await js.publish(eventSubject('subsidy', event.type), JSON.stringify(event), { msgID });
}

/** The ledger's events of `type` on the bus whose data has `key` = `value`. */
async function ledgerEvents(type: string, key: string, value: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const info = await jsm.streams.info(EVENTS_STREAM);
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const msg = await jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => null);
    if (!msg || msg.subject !== `jineng.evt.fund-ledger.${type}.v1`) continue;
    const data = msg.json<{ data: Record<string, unknown> }>().data;
    if (data[key] === value) found.push(data);
  }
  return found;
}

const balances = async () =>
  (await service.query<fundLedgerV1.FundBalances>('GetFundBalances', FINANCE, { jurisdictionCode: COUNTY }))
    .sources[0];

/** The one event of `type` whose data has `key` = `value`, once the ledger has published it. */
async function theLedgerEvent(
  type: string,
  key: string,
  value: string,
  timeoutMs?: number,
): Promise<Record<string, unknown>> {
  const [event] = await eventually(
    async () => {
      const events = await ledgerEvents(type, key, value);
      expect(events).toHaveLength(1);
      return events;
    },
    timeoutMs === undefined ? undefined : { timeoutMs },
  );
  return event!;
}

/** subsidy's estimate of a class's maximum subsidy: what the ledger earmarks */
const estimate = (classId: string, amountFen: number) =>
  subsidyEvent('ClassSubsidyEstimated.v1', `class-subsidy-${classId}`, {
    classId,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen,
    policyVersionIds: [randomUUID()],
    basis: { headcount: 40, days: 12, ratePerDayFen: 1_000 },
  });

it('earmarks estimated classes, commits approved claims, refuses what the county cannot pay', async () => {
  await service.command('RecordFundInflow', FINANCE, {
    inflowId: randomUUID(),
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 1_000_000,
    documentReference: '富财社〔2026〕8号',
    receivedOn: '2026-11-02',
  });

  const classA = randomUUID();
  const classB = randomUUID();
  const estimatedA = estimate(classA, 500_000);
  await publish(estimatedA);
  const earmarked = await theLedgerEvent('ClassEarmarked', 'classId', classA);
  expectContract('jineng.fund_ledger.v1.ClassEarmarked', earmarked);
  expect(earmarked).toMatchObject({ amountFen: 500_000, jurisdictionCode: COUNTY, fundSource: SOURCE });

  await publish(estimate(classB, 600_000));
  const refused = await theLedgerEvent('EarmarkRefused', 'classId', classB);
  expect(refused).toMatchObject({ requestedFen: 600_000, availableFen: 500_000 });

  // a claim approved before the ledger has seen it submitted waits for ClaimSubmitted
  const claimId = randomUUID();
  const claimantId = randomUUID();
  const claimFields = {
    claimId,
    classId: classA,
    claimantId,
    claimantKind: 'institution',
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
  };
  const approved = subsidyEvent(
    'ClaimApproved.v1',
    `claim-${claimId}`,
    {
      ...claimFields,
      amountFen: 450_000,
      breakdownTotalFen: 450_000,
      policyVersionIds: [randomUUID()],
      approvedBy: 'officer-2',
    },
    2,
  );
  await publish(approved);
  await publish(
    subsidyEvent(
      'ClaimSubmitted.v1',
      `claim-${claimId}`,
      {
        ...claimFields,
        kind: 'training',
        requestedFen: 450_000,
        computedFen: 450_000,
        breakdownDigest: 'd'.repeat(64),
      },
      1,
    ),
  );
  const committed = await theLedgerEvent('CommitmentMade', 'claimId', claimId, 20_000);
  expectContract('jineng.fund_ledger.v1.CommitmentMade', committed);
  expect(committed).toMatchObject({ classId: classA, amountFen: 450_000 });

  // the same events delivered again (new messages, same event ids): nothing new
  await publish(approved, randomUUID());
  await publish(estimatedA, randomUUID());
  const late = randomUUID();
  await publish(estimate(late, 1)); // a marker: once it is earmarked, the repeats before it were handled
  await eventually(async () => expect(await ledgerEvents('ClassEarmarked', 'classId', late)).toHaveLength(1));
  expect(await ledgerEvents('CommitmentMade', 'claimId', claimId)).toHaveLength(1);
  expect(await ledgerEvents('ClassEarmarked', 'classId', classA)).toHaveLength(1);

  expect(await balances()).toEqual({
    fundSource: SOURCE,
    availableFen: 499_999,
    earmarkedFen: 50_001,
    committedFen: 450_000,
    payableFen: 450_000,
    expenseFen: 450_000,
  });

  const verification = await service.query<fundLedgerV1.LedgerVerification>('VerifyLedger', FINANCE, {});
  expect(verification).toMatchObject({ ok: true, problems: [] });
});

it('reconciles the ledger against the approved claims: a claim refused for short funds is named', async () => {
  const claimId = randomUUID();
  const fields = {
    claimId,
    claimantId: randomUUID(),
    claimantKind: 'worker',
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
  };
  await publish(
    subsidyEvent(
      'ClaimSubmitted.v1',
      `claim-${claimId}`,
      {
        ...fields,
        kind: 'training',
        requestedFen: 2_000_000,
        computedFen: 2_000_000,
        breakdownDigest: 'e'.repeat(64),
      },
      1,
    ),
  );
  await publish(
    subsidyEvent(
      'ClaimApproved.v1',
      `claim-${claimId}`,
      {
        ...fields,
        amountFen: 2_000_000,
        breakdownTotalFen: 2_000_000,
        policyVersionIds: [randomUUID()],
        approvedBy: 'officer-2',
      },
      2,
    ),
  );
  await eventually(
    async () => expect(await ledgerEvents('CommitmentRefused', 'claimId', claimId)).toHaveLength(1),
    {
      timeoutMs: 20_000,
    },
  );
  const reconciliation = await eventually(async () => {
    const r = await service.query<fundLedgerV1.ClaimsReconciliation>('ReconcileClaims', FINANCE, {
      jurisdictionCode: COUNTY,
    });
    expect(r.problemCount).toBe(1);
    return r;
  });
  expectContract('jineng.fund_ledger.v1.ClaimsReconciliation', reconciliation);
  expect(reconciliation).toMatchObject({
    ok: false,
    problems: [{ claimId, problem: 'approved_not_committed', approvedFen: 2_000_000 }],
    totals: [
      {
        jurisdictionCode: COUNTY,
        fundSource: SOURCE,
        approvedCount: 2,
        approvedFen: 2_450_000,
        committedCount: 1,
        committedFen: 450_000,
        differenceFen: 2_000_000,
      },
    ],
  });
  // another county's finance cannot read it
  const elsewhere: Principal = {
    userId: 'finance-530321',
    roles: ['finance_officer'],
    jurisdiction: '530321',
  };
  await expect(
    service.query('ReconcileClaims', elsewhere, { jurisdictionCode: COUNTY }),
  ).rejects.toMatchObject({
    code: 'LEDGER.OUTSIDE_JURISDICTION',
  });
});

it('an approval that carries its kind is committed without the submission: the payable is booked under that kind', async () => {
  // the class's earmark first, as the flow has it; the claim's ClaimSubmitted.v1 is never published here
  const classId = randomUUID();
  await publish(estimate(classId, 100_000));
  await theLedgerEvent('ClassEarmarked', 'classId', classId);
  const claimId = randomUUID();
  await publish(
    subsidyEvent(
      'ClaimApproved.v1',
      `claim-${claimId}`,
      {
        claimId,
        classId,
        claimantId: randomUUID(),
        claimantKind: 'institution',
        jurisdictionCode: COUNTY,
        fundSource: SOURCE,
        amountFen: 80_000,
        breakdownTotalFen: 80_000,
        policyVersionIds: [randomUUID()],
        approvedBy: 'officer-2',
        kind: 'training_per_day',
      },
      5,
    ),
  );
  // without the kind on the approval, this claim would wait for a submission that never comes
  const committed = await theLedgerEvent('CommitmentMade', 'claimId', claimId, 20_000);
  expect(committed).toMatchObject({ classId, amountFen: 80_000 });
  const { rows } = await service.db.pool.query<{ subsidy_kind: string }>(
    `select subsidy_kind from "${service.schema}".payables where claim_id = $1`,
    [claimId],
  );
  expect(rows).toEqual([{ subsidy_kind: 'training_per_day' }]);
});
