// Faults for the end-to-end setting, with real processes: a service killed with SIGKILL and started
// again, the platform's own nats-server killed and started again (its store kept; never the machine's
// shared server), every PostgreSQL connection of a service's role terminated, one of two replicas
// killed. A fault is injected while the flow moves the clock (scripts/demo/whole-flow.ts), and the
// recovery runs in the background while the flow goes on: the flow's client sends a request again while
// its service is away, with the same Idempotency-Key.
import { Pool } from 'pg';
import { databaseUrl, type WholePlatform } from '@jineng/testing';

export type FaultKind = 'kill-service' | 'restart-nats' | 'drop-connections' | 'kill-replica';
export const FAULT_KINDS: readonly FaultKind[] = [
  'kill-service',
  'restart-nats',
  'drop-connections',
  'kill-replica',
];
/** the services a fault may hit (the gateway is stateless and every request goes through it) */
export const FAULT_TARGETS = [
  'registry',
  'subsidy',
  'class-ops',
  'certification',
  'fund-ledger',
  'audit',
] as const;

export interface Fault {
  readonly kind: FaultKind;
  /** the service (kill-service, drop-connections) or the replica's label (kill-replica) */
  readonly target?: string;
  /** how long the service or the bus stays away before the recovery starts */
  readonly downMs: number;
}

export const describeFault = (fault: Fault) =>
  `${fault.kind}${fault.target ? ` ${fault.target}` : ''} (${fault.downMs} ms down)`;

/** Injects one fault; returns the recovery, already running (await it before checking). */
export async function inject(whole: WholePlatform, fault: Fault): Promise<{ recovery: Promise<void> }> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, fault.downMs));
  switch (fault.kind) {
    case 'kill-service':
    case 'kill-replica': {
      await whole.platform.kill(fault.target!, 'SIGKILL');
      return { recovery: pause().then(() => whole.platform.restart(fault.target!)) };
    }
    case 'restart-nats': {
      await whole.platform.bus.server.kill('SIGKILL');
      return { recovery: pause().then(() => whole.platform.bus.server.restart()) };
    }
    case 'drop-connections': {
      await terminateConnectionsOf(whole.platform.databaseRoles[fault.target!]!);
      return { recovery: Promise.resolve() };
    }
  }
}

/** pg_terminate_backend on every connection of one role (a service's), as a database failover would. */
export async function terminateConnectionsOf(role: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl(), max: 1 });
  try {
    const { rows } = await pool.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where usename = $1`,
      [role],
    );
    return rows[0]!.n;
  } finally {
    await pool.end();
  }
}

/** Mulberry32: a small seeded generator, so a run is repeated from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
