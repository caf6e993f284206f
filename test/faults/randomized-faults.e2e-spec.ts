// A seeded randomized run: faults of every kind (./fault-injection.ts) at random moments of a class's
// flow to its paid claim, for random times. A fixed seed in CI; any seed by hand:
//   JINENG_FAULT_SEED=12345 npx jest test/faults/randomized-faults.e2e-spec.ts --selectProjects integration
// A failure prints the seed that reproduces it. After the recovery every effect happened exactly once.
import { startWholePlatform, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../../scripts/demo/gateway-client';
import { prepareGround, runClass, type FlowContext } from '../../scripts/demo/whole-flow';
import { expectExactlyOnce } from './exactly-once';
import {
  describeFault,
  FAULT_KINDS,
  FAULT_TARGETS,
  inject,
  seededRandom,
  type Fault,
} from './fault-injection';

const CI_SEED = 20_261_130;
const seed = process.env.JINENG_FAULT_SEED ? Number(process.env.JINENG_FAULT_SEED) : CI_SEED;
/** a class of 10 days to its paid claim moves the clock 20 times (scripts/demo/whole-flow.ts) */
const CLOCK_MOVES = 20;

let whole: WholePlatform;
let client: GatewayClient;

beforeAll(async () => {
  if (!Number.isInteger(seed))
    throw new Error(`JINENG_FAULT_SEED must be an integer (got ${process.env.JINENG_FAULT_SEED})`);
  whole = await startWholePlatform('randomized_faults_e2e', '2019-08-01T09:00:00+08:00', {
    replicas: { 'fund-ledger': 2 },
  });
  client = new GatewayClient(
    whole.platform.urls.gateway!,
    `randomized-faults-${seed}-${whole.db.schema}`,
    60_000,
  );
}, 240_000);

afterAll(async () => {
  await whole?.dispose();
});

/** The run's faults, from the seed alone: every kind once, in a random order, at random moves. */
function plan(random: () => number): Map<number, Fault> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const kinds = [...FAULT_KINDS];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const faults = new Map<number, Fault>();
  for (const kind of kinds) {
    let at = 1 + Math.floor(random() * CLOCK_MOVES);
    while (faults.has(at)) at = 1 + (at % CLOCK_MOVES);
    const target =
      kind === 'kill-replica'
        ? pick(['fund-ledger', 'fund-ledger#2'])
        : kind === 'restart-nats'
          ? undefined
          : pick(FAULT_TARGETS);
    faults.set(at, { kind, target, downMs: Math.floor(random() * 1_500) });
  }
  return faults;
}

it(`interleaves seeded faults with the flow (seed ${seed}); every effect exactly once`, async () => {
  const faults = plan(seededRandom(seed));
  console.log(
    `JINENG_FAULT_SEED=${seed}: ${[...faults.entries()]
      .sort(([a], [b]) => a - b)
      .map(([at, fault]) => `move ${at}: ${describeFault(fault)}`)
      .join('; ')}`,
  );
  let pending: Promise<void> = Promise.resolve();
  let moves = 0;
  const ctx: FlowContext = {
    client,
    moveClock: async (iso) => {
      await whole.moveClock(iso);
      moves += 1;
      const fault = faults.get(moves);
      if (!fault) return;
      // one fault at a time: the previous recovery has ended before the next fault
      await pending;
      pending = (await inject(whole, fault)).recovery;
    },
  };
  const started = Date.now();
  try {
    const ground = await prepareGround({ client, moveClock: (iso) => whole.moveClock(iso) }, '2019-08-01');
    const outcome = await runClass(
      ctx,
      ground,
      { key: 'random', startDate: '2019-08-12', days: 10, trainees: 2, employed: 0, until: 'claim-paid' },
      '2019-08-01',
    );
    await pending;
    await expectExactlyOnce(whole, client, [outcome.claimIds.certificate!]);
  } catch (error) {
    console.error(`the randomized fault run failed; reproduce it with JINENG_FAULT_SEED=${seed}`);
    throw error;
  }
  console.log(
    `seed ${seed}: ${moves} clock moves, ${client.retries} requests sent again, ${Date.now() - started} ms`,
  );
}, 90_000);
