// The fund ledger as it runs: finance records an inflow and allocates to a county over NATS, a class is
// earmarked (and another refused), a claim committed (and another refused with its shortfall), every
// event goes out on JetStream as docs/contracts.md has it, and the ledger verifies.
import { randomUUID } from 'node:crypto';
import type { fundLedgerV1 } from '@jineng/contracts';
import { EVENTS_STREAM, type Principal } from '@jineng/messaging';
import { connectTestNats, eventually } from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { expectContract, FundLedgerTestService, rejection } from './fund-ledger-service.fixture';

let service: FundLedgerTestService;

beforeAll(async () => {
  service = await FundLedgerTestService.start('fund_ledger_service');
});

afterAll(async () => {
  await service?.dispose();
});

const CITY = '530300';
const COUNTY = '530302';
const SOURCE = 'skills_upgrading_account';
const FINANCE: Principal = { userId: 'finance-530300', roles: ['finance_officer'], jurisdiction: CITY };
const OTHER_CITY_FINANCE: Principal = {
  userId: 'finance-140800',
  roles: ['finance_officer'],
  jurisdiction: '140800',
};
const INSTITUTION: Principal = { userId: 'inst-1', roles: ['institution'], jurisdiction: COUNTY };

const command = (name: string, payload: object, principal = FINANCE, commandId?: string) =>
  service.command<fundLedgerV1.LedgerOutcome>(name, principal, payload, commandId);
const balances = (jurisdictionCode: string) =>
  service.query<fundLedgerV1.FundBalances>('GetFundBalances', FINANCE, { jurisdictionCode });
const sourceOf = async (jurisdictionCode: string) =>
  (await balances(jurisdictionCode)).sources.find((s) => s.fundSource === SOURCE);

const inflow = {
  inflowId: randomUUID(),
  jurisdictionCode: CITY,
  fundSource: SOURCE,
  amountFen: 1_000_000,
  documentReference: '曲人社发〔2019〕12号',
  receivedOn: '2026-11-02',
};

it('records an inflow once: the same request answers the same, another request under its id is refused', async () => {
  const commandId = randomUUID();
  const first = await command('RecordFundInflow', inflow, FINANCE, commandId);
  expectContract('jineng.fund_ledger.v1.LedgerOutcome', first);
  expect(first).toEqual({
    id: inflow.inflowId,
    outcome: 'recorded',
    amountFen: 1_000_000,
    events: ['FundInflowRecorded.v1'],
    idempotent: false,
  });
  expect(await command('RecordFundInflow', inflow, FINANCE, commandId)).toMatchObject({ idempotent: true });
  const reused = await rejection(
    command('RecordFundInflow', { ...inflow, amountFen: 5 }, FINANCE, commandId),
  );
  expect(reused.code).toBe('COMMAND.ID_REUSED');
  // the same inflow id under another command with other content: refused by the account's stream
  const idReused = await rejection(command('RecordFundInflow', { ...inflow, amountFen: 5 }));
  expect(idReused.code).toBe('LEDGER.ID_REUSED');
  expect(await sourceOf(CITY)).toMatchObject({ availableFen: 1_000_000 });
});

it('refuses bad input with the field, another jurisdiction and a role that is not finance', async () => {
  const bad = await rejection(
    command('RecordFundInflow', { ...inflow, inflowId: randomUUID(), amountFen: -3 }),
  );
  expect(bad.category).toBe('validation');
  expect(JSON.stringify(bad.details)).toContain('amountFen');
  const outside = await rejection(
    command('RecordFundInflow', { ...inflow, inflowId: randomUUID() }, OTHER_CITY_FINANCE),
  );
  expect([outside.code, outside.category]).toEqual(['LEDGER.OUTSIDE_JURISDICTION', 'forbidden']);
  const role = await rejection(
    command('RecordFundInflow', { ...inflow, inflowId: randomUUID() }, INSTITUTION),
  );
  expect(role.code).toBe('LEDGER.FINANCE_ROLE_REQUIRED');
  expect(await sourceOf(CITY)).toMatchObject({ availableFen: 1_000_000 });
});

it('allocates to a county within the available balance, and refuses beyond it', async () => {
  const allocation = {
    allocationId: randomUUID(),
    fromJurisdictionCode: CITY,
    countyCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 600_000,
    documentReference: '曲财社〔2019〕3号',
  };
  expect(await command('AllocateToCounty', allocation)).toMatchObject({ outcome: 'recorded' });
  const short = await rejection(
    command('AllocateToCounty', { ...allocation, allocationId: randomUUID(), amountFen: 400_001 }),
  );
  expect(short.code).toBe('LEDGER.INSUFFICIENT_FUNDS');
  expect(short.details).toMatchObject({ availableFen: 400_000, shortfallFen: 1 });
  const notCounty = await rejection(
    command('AllocateToCounty', { ...allocation, allocationId: randomUUID(), countyCode: '140802' }),
  );
  expect(notCounty.code).toBe('LEDGER.NOT_A_COUNTY_OF');
  expect(await sourceOf(CITY)).toMatchObject({ availableFen: 400_000 });
  expect(await sourceOf(COUNTY)).toMatchObject({ availableFen: 600_000 });
});

it('earmarks a class, refuses one the county cannot pay, commits claims and refuses one with its shortfall', async () => {
  const classA = randomUUID();
  const earmark = { classId: classA, jurisdictionCode: COUNTY, fundSource: SOURCE, amountFen: 500_000 };
  const made = await command('EarmarkForClass', earmark);
  expect(made).toMatchObject({ outcome: 'earmarked', amountFen: 500_000, events: ['ClassEarmarked.v1'] });
  expect(await command('EarmarkForClass', earmark)).toMatchObject({ outcome: 'earmarked', events: [] });
  const again = await rejection(command('EarmarkForClass', { ...earmark, amountFen: 1 }));
  expect(again.code).toBe('EARMARK.ALREADY_MADE');

  const classB = randomUUID();
  const refusedCommand = randomUUID();
  const refused = await command(
    'EarmarkForClass',
    { ...earmark, classId: classB, amountFen: 100_001 },
    FINANCE,
    refusedCommand,
  );
  expect(refused).toMatchObject({ outcome: 'refused', availableFen: 100_000, events: ['EarmarkRefused.v1'] });
  // the same request again answers the refusal, records nothing
  expect(
    await command(
      'EarmarkForClass',
      { ...earmark, classId: classB, amountFen: 100_001 },
      FINANCE,
      refusedCommand,
    ),
  ).toMatchObject({ outcome: 'refused', idempotent: true });

  const claim = {
    claimId: randomUUID(),
    classId: classA,
    claimantId: randomUUID(),
    claimantKind: 'institution',
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 520_000,
    subsidyKind: 'training',
  };
  // 500 000 from the earmark, 20 000 from what the county has available
  expect(await command('CommitForClaim', claim)).toMatchObject({ outcome: 'committed', amountFen: 520_000 });
  expect(await sourceOf(COUNTY)).toEqual({
    fundSource: SOURCE,
    availableFen: 80_000,
    earmarkedFen: 0,
    committedFen: 520_000,
    payableFen: 520_000,
    expenseFen: 520_000,
  });
  const shortClaim = { ...claim, claimId: randomUUID(), classId: classB, amountFen: 90_000 };
  expect(await command('CommitForClaim', shortClaim)).toMatchObject({
    outcome: 'refused',
    availableFen: 80_000,
    events: ['CommitmentRefused.v1'],
  });

  const verification = await service.query<fundLedgerV1.LedgerVerification>('VerifyLedger', FINANCE, {});
  expectContract('jineng.fund_ledger.v1.LedgerVerification', verification);
  expect(verification).toMatchObject({ ok: true, trialBalanceFen: 0, problems: [] });

  // the events as other services read them
  const nc = await connectTestNats(service.nats.url);
  try {
    const jsm = await jetstreamManager(nc);
    const last = (name: string) =>
      eventually(async () => {
        const found = await jsm.streams.getMessage(EVENTS_STREAM, {
          last_by_subj: `jineng.evt.fund-ledger.${name}.v1`,
        });
        expect(found).toBeTruthy();
        return found!.json<{ data: Record<string, unknown> }>().data;
      });
    const earmarked = await last('ClassEarmarked');
    expectContract('jineng.fund_ledger.v1.ClassEarmarked', earmarked);
    expect(earmarked).toMatchObject({
      classId: classA,
      jurisdictionCode: COUNTY,
      fundSource: SOURCE,
      amountFen: 500_000,
    });
    const refusal = await last('EarmarkRefused');
    expectContract('jineng.fund_ledger.v1.EarmarkRefused', refusal);
    expect(refusal).toMatchObject({
      classId: classB,
      requestedFen: 100_001,
      availableFen: 100_000,
      reason: 'LEDGER.INSUFFICIENT_FUNDS',
    });
    const committed = await last('CommitmentMade');
    expectContract('jineng.fund_ledger.v1.CommitmentMade', committed);
    expect(committed).toMatchObject({ claimId: claim.claimId, classId: classA, amountFen: 520_000 });
    const commitmentRefused = await last('CommitmentRefused');
    expectContract('jineng.fund_ledger.v1.CommitmentRefused', commitmentRefused);
    expect(commitmentRefused).toMatchObject({
      claimId: shortClaim.claimId,
      requestedFen: 90_000,
      availableFen: 80_000,
      shortfallFen: 10_000,
    });
  } finally {
    await nc.close();
  }
});

it('lets only finance, auditors and administrators read the ledger', async () => {
  const denied = await rejection(service.query('VerifyLedger', INSTITUTION, {}));
  expect(denied.code).toBe('LEDGER.READER_ROLE_REQUIRED');
  const outside = await rejection(
    service.query('GetFundBalances', OTHER_CITY_FINANCE, { jurisdictionCode: CITY }),
  );
  expect(outside.code).toBe('LEDGER.OUTSIDE_JURISDICTION');
});
