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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
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
const handlers = (process.env.BENCH_SIGNING_HANDLERS ?? 'echo,pg,http').split(',') as Handler[];
const log = (message: string) => process.stderr.write(`${message}\n`);

type Mode = 'signed' | 'unsigned';
/** echo and pg: the gateway's NATS leg only; http: the whole gateway over HTTP, services echoing */
type Handler = 'echo' | 'pg' | 'http';

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

/** One request of a round: resolves when answered, rejects when not. */
type Send = () => Promise<unknown>;

/**
 * `concurrency` loops, each sending the next request when its answer arrives, for `ms`; with the CPU
 * time the gateway side and the service spent per answered request (robust to a busy machine: other
 * processes slow a round down but do not add to these processes' CPU time). `selfCounts`: whether
 * this process is the gateway side (the NATS-leg handlers) or only the load generator (http).
 */
async function round(send: Send, ms: number, children: ChildProcess[], selfCounts: boolean) {
  const cpuNow = async () => {
    let total = selfCounts ? ownCpu() : 0;
    for (const child of children) total += await childCpu(child);
    return total;
  };
  const cpuBefore = await cpuNow();
  const latencies: number[] = [];
  const until = performance.now() + ms;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          await send();
          latencies.push(performance.now() - started);
        } catch {
          failed += 1;
        }
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} requests failed in a round`);
  const cpuMicros = (await cpuNow()) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    cpuMicrosPerRequest: Math.round(cpuMicros / latencies.length),
    perSec: Math.round((latencies.length / ms) * 1_000),
    p50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]! * 100) / 100,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The whole gateway (gateway.process.ts) with the keys of both bench services; answers its port. */
async function startGateway(keys: ReturnType<typeof generateEnvelopeMacKeys>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-gateway-'));
  const keyFile = path.join(dir, 'gateway-envelope-keys.json');
  writeFileSync(keyFile, JSON.stringify(keys.gateway), { mode: 0o600 });
  const child = fork(
    path.join(__dirname, '../../apps/gateway/src/bench/signing-bench-gateway.process.ts'),
    [],
    {
      env: {
        ...process.env,
        NATS_URL,
        JINENG_DEV_AUTH: 'enabled',
        JINENG_ENVELOPE_SIGNING_KEY_FILE: keyFile,
        // the bench is one caller on one route: the per-caller and per-route limits would answer 429
        JINENG_RATE_LIMIT_CALLER: '100000000/1',
        JINENG_RATE_LIMIT_ROUTE: '100000000/1',
        JINENG_RPC_TIMEOUT_MS: '10000',
      },
      execArgv: ['-r', path.join(__dirname, '../../scripts/ts-register.cjs')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`bench gateway exited (${code}) before it was ready`)));
  });
  return { child, port, dir };
}

async function httpSender(port: number): Promise<Record<Mode, Send>> {
  const base = `http://127.0.0.1:${port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const issued = await fetch(`${base}/api/v1/dev/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'county_officer' }),
  });
  if (!issued.ok) throw new Error(`the development issuer answered ${issued.status}`);
  const { accessToken } = (await issued.json()) as { accessToken: string };
  const get = (mode: Mode) => () =>
    new Promise<void>((resolve, reject) => {
      const request = http.get(
        `${base}/api/v1/bench/${mode}/${randomUUID()}`,
        { agent, headers: { authorization: `Bearer ${accessToken}` } },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`)),
          );
        },
      );
      request.on('error', reject);
    });
  return { signed: get('signed'), unsigned: get('unsigned') };
}

async function main() {
  // each service's own key; the gateway's file holds both (ADR 0022); the gateway of the http
  // handler MACs for the unsigned service too, but its process skips signing on that route
  const keys = generateEnvelopeMacKeys(['benchsigningsigned', 'benchsigningunsigned']);
  const proxy = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { servers: NATS_URL.split(','), name: 'bench-gateway' },
  });
  await proxy.connect();
  const clients: Record<Mode, RpcClient> = {
    signed: new RpcClient(proxy, {
      signer: new EnvelopeSigner(gatewayKeysFromJwks({ keys: keys.gateway.keys.slice(0, 1) })),
    }),
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
        VERIFY_JWKS: JSON.stringify(keys.services[target.service]),
        HANDLER: handler === 'http' ? 'echo' : handler,
        NATS_URL,
        DATABASE_URL,
      });
      services[mode] = { child, target };
    }
    const gateway = handler === 'http' ? await startGateway(keys) : undefined;
    const send: Record<Mode, Send> = gateway
      ? await httpSender(gateway.port)
      : {
          signed: () =>
            clients.signed.send({ kind: 'query', ...services.signed.target }, request(), {
              timeoutMs: 10_000,
            }),
          unsigned: () =>
            clients.unsigned.send({ kind: 'query', ...services.unsigned.target }, request(), {
              timeoutMs: 10_000,
            }),
        };
    const run = (mode: Mode, ms: number) =>
      round(send[mode], ms, [services[mode].child, ...(gateway ? [gateway.child] : [])], !gateway);
    // warm-up: JIT, connections, pools
    for (const mode of ['signed', 'unsigned'] as const) await run(mode, 1_500);
    const measured: Record<Mode, { perSec: number; p50Ms: number; cpuMicrosPerRequest: number }[]> = {
      signed: [],
      unsigned: [],
    };
    for (let i = 0; i < rounds; i++)
      for (const mode of i % 2 === 0
        ? (['signed', 'unsigned'] as const)
        : (['unsigned', 'signed'] as const)) {
        const result = await run(mode, roundMs);
        measured[mode].push(result);
        log(
          `${handler} round ${i + 1}/${rounds} ${mode}: ${result.perSec} requests/s, p50 ${result.p50Ms} ms, ${result.cpuMicrosPerRequest} CPU µs/request`,
        );
      }
    const signed = median(measured.signed.map((r) => r.perSec));
    const unsigned = median(measured.unsigned.map((r) => r.perSec));
    const signedCpu = median(measured.signed.map((r) => r.cpuMicrosPerRequest));
    const unsignedCpu = median(measured.unsigned.map((r) => r.cpuMicrosPerRequest));
    results[handler] = {
      signedRequestsPerSec: signed,
      unsignedRequestsPerSec: unsigned,
      signedToUnsigned: Math.round((signed / unsigned) * 1000) / 1000,
      throughputCostPercent: Math.round((1 - signed / unsigned) * 1000) / 10,
      // CPU per request of the gateway side and the service: on a CPU-bound machine the throughput is
      // cores / CPU per request, so this ratio is the throughput cost a busy machine hides
      signedCpuMicrosPerRequest: signedCpu,
      unsignedCpuMicrosPerRequest: unsignedCpu,
      cpuCostPercent: Math.round((1 - unsignedCpu / signedCpu) * 1000) / 10,
      signedP50Ms: median(measured.signed.map((r) => r.p50Ms)),
      unsignedP50Ms: median(measured.unsigned.map((r) => r.p50Ms)),
      rounds: {
        signed: measured.signed.map((r) => r.perSec),
        unsigned: measured.unsigned.map((r) => r.perSec),
      },
    };
    for (const { child } of Object.values(services)) await stopService(child);
    if (gateway) {
      await stopService(gateway.child);
      rmSync(gateway.dir, { recursive: true, force: true });
    }
  }
  await proxy.close();
  process.stdout.write(
    `${JSON.stringify({ concurrency, roundSeconds: roundMs / 1_000, rounds, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10), ...results })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
