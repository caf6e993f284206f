/**
 * Issue #9's last figure: what signed envelopes cost the gateway's throughput (target: ≤ 10 %).
 * Run: `npm run bench:gateway-signing`. Real NATS (`NATS_URL`) and, for the `pg` handler, real
 * PostgreSQL (`DATABASE_URL`). Progress on stderr; the last line on stdout is one JSON object.
 *
 * This process plays the gateway's request leg: the same @nestjs/microservices NATS ClientProxy and
 * RpcClient the gateway uses, `BENCH_SIGNING_CONCURRENCY` (64) requests in flight. Two service
 * processes (service.process.ts) answer the same query on two subjects: one behind the services'
 * SignedEnvelopeGuard and called by a client that signs (the platform as it runs), one with no guard
 * called by a client that does not (the platform before issue #9). Rounds of
 * `BENCH_SIGNING_ROUND_SECONDS` (4) alternate between the two, `BENCH_SIGNING_ROUNDS` (5) each, so a
 * machine that speeds up or slows down during the run weighs on both alike; each mode's figure is its
 * median round. Handlers: `echo` (answers at once — the worst case for signing's share) and `pg` (one
 * PostgreSQL round trip, a typical query). The HTTP half of the gateway (parsing, token check,
 * validation) is left out: it adds work that signing does not, so the share measured here is an
 * upper bound of signing's share of the whole gateway's throughput.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  EnvelopeSigner,
  gatewayKeysFromJwks,
  generateEnvelopeMacKeys,
  RpcClient,
  type RpcRequest,
} from '@jineng/messaging';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const concurrency = Number(process.env.BENCH_SIGNING_CONCURRENCY ?? 64);
const roundMs = Number(process.env.BENCH_SIGNING_ROUND_SECONDS ?? 4) * 1_000;
const rounds = Number(process.env.BENCH_SIGNING_ROUNDS ?? 5);
const handlers = (process.env.BENCH_SIGNING_HANDLERS ?? 'echo,pg').split(',') as ('echo' | 'pg')[];
const log = (message: string) => process.stderr.write(`${message}\n`);

type Mode = 'signed' | 'unsigned';

/** The child's CPU time so far, in µs. */
const childCpu = (child: ChildProcess) =>
  new Promise<number>((resolve) => {
    child.once('message', (message: { cpuMicros: number }) => resolve(message.cpuMicros));
    child.send('cpu');
  });
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

function startService(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'service.process.ts'), [], {
    env: { ...process.env, ...env },
    execArgv: ['-r', path.join(__dirname, '../../scripts/ts-register.cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bench service exited (${code}) before it was ready`)));
  });
}

const stopService = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send('stop');
  });

const request = (): RpcRequest<{ workerId: string }> => ({
  envelope: {
    principal: {
      userId: '0b6e1f2a-0004-4a00-8000-000000000004',
      roles: ['county_officer'],
      jurisdiction: '140802',
    },
    correlationId: randomUUID(),
    commandId: randomUUID(),
    sentAt: new Date().toISOString(),
  },
  payload: { workerId: randomUUID() },
});

/**
 * `concurrency` loops, each sending the next request when its answer arrives, for `ms`; with the CPU
 * time the gateway side and the service spent per answered request (robust to a busy machine: other
 * processes slow a round down but do not add to these two processes' CPU time).
 */
async function round(
  client: RpcClient,
  target: { service: string; name: string },
  ms: number,
  service: ChildProcess,
) {
  const cpuBefore = ownCpu() + (await childCpu(service));
  const latencies: number[] = [];
  const until = performance.now() + ms;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          await client.send({ kind: 'query', ...target }, request(), { timeoutMs: 10_000 });
          latencies.push(performance.now() - started);
        } catch {
          failed += 1;
        }
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} requests failed in a round`);
  const cpuMicros = ownCpu() + (await childCpu(service)) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    cpuMicrosPerRequest: Math.round(cpuMicros / latencies.length),
    perSec: Math.round((latencies.length / ms) * 1_000),
    p50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]! * 100) / 100,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  // the signed service's own key; the gateway's file holds it (ADR 0022)
  const keys = generateEnvelopeMacKeys(['benchsigningsigned']);
  const proxy = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { servers: NATS_URL.split(','), name: 'bench-gateway' },
  });
  await proxy.connect();
  const clients: Record<Mode, RpcClient> = {
    signed: new RpcClient(proxy, { signer: new EnvelopeSigner(gatewayKeysFromJwks(keys.gateway)) }),
    unsigned: new RpcClient(proxy),
  };
  const results: Record<string, unknown> = {};
  for (const handler of handlers) {
    const services = {} as Record<Mode, { child: ChildProcess; target: { service: string; name: string } }>;
    for (const mode of ['signed', 'unsigned'] as const) {
      const target = { service: `benchsigning${mode}`, name: 'Lookup' };
      const child = await startService({
        SUBJECT: `jineng.qry.${target.service}.${target.name}`,
        SIGNED: mode === 'signed' ? '1' : '0',
        SERVICE: target.service,
        VERIFY_JWKS: JSON.stringify(keys.services[target.service] ?? { keys: [] }),
        HANDLER: handler,
        NATS_URL,
        DATABASE_URL,
      });
      services[mode] = { child, target };
    }
    // warm-up: JIT, connections, pools
    for (const mode of ['signed', 'unsigned'] as const)
      await round(clients[mode], services[mode].target, 1_500, services[mode].child);
    const measured: Record<Mode, { perSec: number; p50Ms: number; cpuMicrosPerRequest: number }[]> = {
      signed: [],
      unsigned: [],
    };
    for (let i = 0; i < rounds; i++)
      for (const mode of i % 2 === 0
        ? (['signed', 'unsigned'] as const)
        : (['unsigned', 'signed'] as const)) {
        const result = await round(clients[mode], services[mode].target, roundMs, services[mode].child);
        measured[mode].push(result);
        log(
          `${handler} round ${i + 1}/${rounds} ${mode}: ${result.perSec} requests/s, p50 ${result.p50Ms} ms`,
        );
      }
    const signed = median(measured.signed.map((r) => r.perSec));
    const unsigned = median(measured.unsigned.map((r) => r.perSec));
    results[handler] = {
      signedRequestsPerSec: signed,
      unsignedRequestsPerSec: unsigned,
      signedToUnsigned: Math.round((signed / unsigned) * 1000) / 1000,
      throughputCostPercent: Math.round((1 - signed / unsigned) * 1000) / 10,
      // CPU per request of both sides (the gateway leg and the service): on a CPU-bound machine the
      // throughput is cores / CPU per request, so this ratio is the throughput cost a busy machine hides
      signedCpuMicrosPerRequest: median(measured.signed.map((r) => r.cpuMicrosPerRequest)),
      unsignedCpuMicrosPerRequest: median(measured.unsigned.map((r) => r.cpuMicrosPerRequest)),
      cpuCostPercent:
        Math.round(
          (1 -
            median(measured.unsigned.map((r) => r.cpuMicrosPerRequest)) /
              median(measured.signed.map((r) => r.cpuMicrosPerRequest))) *
            1000,
        ) / 10,
      signedP50Ms: median(measured.signed.map((r) => r.p50Ms)),
      unsignedP50Ms: median(measured.unsigned.map((r) => r.p50Ms)),
      rounds: {
        signed: measured.signed.map((r) => r.perSec),
        unsigned: measured.unsigned.map((r) => r.perSec),
      },
    };
    for (const { child } of Object.values(services)) await stopService(child);
  }
  await proxy.close();
  process.stdout.write(
    `${JSON.stringify({ concurrency, roundSeconds: roundMs / 1_000, rounds, ...results })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
