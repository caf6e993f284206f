// The rules run on a schedule (issue 15: detective rules over the stream): a deadline of the service's
// scheduler, driven by the service clock, every JINENG_AUDIT_FRAUD_SCAN_MINUTES (default 15). The
// deadline of each slot has an id of its own derived from the slot's start, so replicas schedule the
// same one; each firing schedules the next slot before it scans.
import type { Clock } from '@jineng/kernel';
import { DeadlineScheduler, PG_POOL, SERVICE_CLOCK, type DueDeadline } from '@jineng/service-runtime';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { FraudScanner } from './fraud-scanner';

export const FRAUD_SCAN_DEADLINE = 'audit-fraud-scan';

export function fraudScanMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.JINENG_AUDIT_FRAUD_SCAN_MINUTES;
  if (raw === undefined || raw === '') return 15;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 24 * 60)
    throw new Error(`JINENG_AUDIT_FRAUD_SCAN_MINUTES must be an integer from 1 to 1440 (got '${raw}')`);
  return value;
}

/** The start of the first slot after `at`. */
export function nextSlot(at: Date, minutes: number): Date {
  const size = minutes * 60_000;
  return new Date((Math.floor(at.getTime() / size) + 1) * size);
}

@Injectable()
export class FraudScanSchedule implements OnModuleInit, OnApplicationBootstrap {
  private readonly minutes = fraudScanMinutes();

  constructor(
    private readonly deadlines: DeadlineScheduler,
    private readonly scanner: FraudScanner,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  onModuleInit(): void {
    this.deadlines.handle(FRAUD_SCAN_DEADLINE, (deadline) => this.fire(deadline));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleAfter(this.pool, this.clock.now());
  }

  private async fire(deadline: DueDeadline): Promise<void> {
    // the next slot first, on its own: a scan that fails (retried, then parked) does not stop the schedule
    await this.scheduleAfter(this.pool, deadline.firedAt);
    await this.scanner.scan();
  }

  private async scheduleAfter(on: Pool | PoolClient, at: Date): Promise<void> {
    const dueAt = nextSlot(at, this.minutes);
    await this.deadlines.schedule(on, {
      id: `${FRAUD_SCAN_DEADLINE}:${dueAt.toISOString()}`,
      kind: FRAUD_SCAN_DEADLINE,
      dueAt,
      data: {},
    });
  }
}
