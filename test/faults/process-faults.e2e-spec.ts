// Faults in the end-to-end setting, each in the middle of a class's flow to its paid claim: a service
// killed with SIGKILL and started again; the platform's nats-server killed and started again; every
// PostgreSQL connection of services' roles terminated; one of the fund ledger's two replicas killed.
// After the recovery every effect happened exactly once (./exactly-once.ts).
import { startWholePlatform, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../../scripts/demo/gateway-client';
import { prepareGround, runClass, type FlowContext } from '../../scripts/demo/whole-flow';
import { expectExactlyOnce } from './exactly-once';
import { describeFault, inject, type Fault } from './fault-injection';

let whole: WholePlatform;
let client: GatewayClient;
let ground: { teacherId: string; deviceId: string };
const paid: string[] = [];

beforeAll(async () => {
  whole = await startWholePlatform('process_faults_e2e', '2019-08-01T09:00:00+08:00', {
    replicas: { 'fund-ledger': 2 },
  });
  client = new GatewayClient(whole.platform.urls.gateway!, `process-faults-${whole.db.schema}`, 60_000);
  ground = await prepareGround({ client, moveClock: (iso) => whole.moveClock(iso) }, '2019-08-01');
}, 240_000);

afterAll(async () => {
  await whole?.dispose();
});

/** Runs one class to its paid claim, injecting `faults` at the given clock moves (counted from 1). */
async function classWithFaults(
  key: string,
  startDate: string,
  applyOn: string,
  faults: Record<number, Fault>,
) {
  const recoveries: Promise<void>[] = [];
  let moves = 0;
  const ctx: FlowContext = {
    client,
    moveClock: async (iso) => {
      await whole.moveClock(iso);
      moves += 1;
      const fault = faults[moves];
      if (fault) {
        console.log(`${key}: ${describeFault(fault)} at clock move ${moves} (${iso})`);
        recoveries.push((await inject(whole, fault)).recovery);
      }
    },
  };
  const started = Date.now();
  const retriedBefore = client.retries;
  const outcome = await runClass(
    ctx,
    ground,
    { key, startDate, days: 10, trainees: 2, employed: 0, until: 'claim-paid' },
    applyOn,
  );
  await Promise.all(recoveries);
  paid.push(outcome.claimIds.certificate!);
  await expectExactlyOnce(whole, client, paid);
  console.log(
    `${key}: ${moves} clock moves, ${client.retries - retriedBefore} requests sent again, ${Date.now() - started} ms`,
  );
  return outcome;
}

it('a service killed with SIGKILL mid-flow and started again: the claim is paid once', async () => {
  // the subsidy service dies on the day the claim is submitted, the fund ledger on the day of the approval
  await classWithFaults('kill', '2019-08-12', '2019-08-01', {
    15: { kind: 'kill-service', target: 'subsidy', downMs: 500 },
    17: { kind: 'kill-service', target: 'fund-ledger', downMs: 500 },
  });
}, 90_000);

it('two replicas of the fund ledger, one killed mid-flow: the other carries on', async () => {
  await classWithFaults('replica', '2019-09-09', '2019-09-02', {
    // killed on the day of the approval: the commitment, the payment file and the statement are the other's
    17: { kind: 'kill-replica', target: 'fund-ledger#2', downMs: 3_000 },
  });
}, 90_000);

it('the nats-server killed mid-flow and started again on its store: nothing lost, nothing twice', async () => {
  await classWithFaults('nats', '2019-10-21', '2019-10-08', {
    4: { kind: 'restart-nats', downMs: 1_000 },
    16: { kind: 'restart-nats', downMs: 1_000 },
  });
}, 90_000);

it('every PostgreSQL connection of the services’ roles terminated mid-flow', async () => {
  await classWithFaults('pg', '2019-12-09', '2019-12-02', {
    3: { kind: 'drop-connections', target: 'class-ops', downMs: 0 },
    12: { kind: 'drop-connections', target: 'certification', downMs: 0 },
    16: { kind: 'drop-connections', target: 'subsidy', downMs: 0 },
    18: { kind: 'drop-connections', target: 'fund-ledger', downMs: 0 },
    19: { kind: 'drop-connections', target: 'audit', downMs: 0 },
  });
}, 90_000);
