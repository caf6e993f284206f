// Seals each Asia/Shanghai day once it is over (issue 15): a deadline of the service's scheduler
// (libs/service-runtime DeadlineScheduler, driven by the service clock) fires `graceMinutes` after the
// day's end — events of the day still on their way through the bus get in — and seals every day not
// sealed yet whose own due time has passed when it fires (a scheduler that was down, or a clock moved
// on by many days, seals the days it missed in that one firing, each once, in order), then schedules
// the deadline of the first day not due yet in the same transaction as the seals.
import { quoteSchema } from '@jineng/event-store';
import { shanghaiDate, type Clock } from '@jineng/kernel';
import {
  DeadlineScheduler,
  PG_POOL,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  type DueDeadline,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { makeSeal } from '../domain/daily-seal';
import { nextDay, sealDayBounds, serviceRootsOf } from '../domain/seal-leaves';
import { SEAL_KEYS, type SealKeys } from '../seal-key.config';
import { eventsOfDay, firstEventDay, insertSeal, lastSeal } from './seal-store';

export const DAILY_SEAL_DEADLINE = 'audit-daily-seal';
/** minutes after a day's end before it is sealed (JINENG_AUDIT_SEAL_GRACE_MINUTES) */
export const DEFAULT_SEAL_GRACE_MINUTES = 60;

export const sealDeadlineId = (day: string): string => `audit-seal:${day}`;

export function sealDueAt(day: string, graceMinutes: number): Date {
  return new Date(sealDayBounds(day).endMs + graceMinutes * 60_000);
}

export function sealGraceMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.JINENG_AUDIT_SEAL_GRACE_MINUTES;
  if (raw === undefined || raw === '') return DEFAULT_SEAL_GRACE_MINUTES;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 24 * 60)
    throw new Error(`JINENG_AUDIT_SEAL_GRACE_MINUTES must be an integer from 0 to 1440 (got '${raw}')`);
  return value;
}

@Injectable()
export class DailySealer implements OnModuleInit, OnApplicationBootstrap {
  private readonly S: string;
  private readonly graceMinutes = sealGraceMinutes();

  constructor(
    private readonly deadlines: DeadlineScheduler,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    @Inject(SEAL_KEYS) private readonly keys: SealKeys,
  ) {
    this.S = quoteSchema(config.schema);
  }

  onModuleInit(): void {
    this.deadlines.handle(DAILY_SEAL_DEADLINE, (deadline, tx) => this.sealUpTo(deadline, tx));
  }

  /** Makes sure the next day to seal has its deadline (several replicas schedule the same one). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.keys.signing) return; // no key outside production: no seals (seal-key.config.ts)
    const day = await this.nextDayToSeal(this.pool, shanghaiDate(this.clock.now()));
    await this.deadlines.schedule(this.pool, {
      id: sealDeadlineId(day),
      kind: DAILY_SEAL_DEADLINE,
      dueAt: sealDueAt(day, this.graceMinutes),
      data: { day },
    });
  }

  /** The day after the last seal; before the first seal, the earliest event's day or else `fallback`. */
  private async nextDayToSeal(on: Pool | PoolClient, fallback: string): Promise<string> {
    const last = await lastSeal(on, this.S);
    if (last) return nextDay(last.day);
    const first = await firstEventDay(on, this.S);
    return first !== undefined && first < fallback ? first : fallback;
  }

  private async sealUpTo(deadline: DueDeadline, tx: PoolClient): Promise<void> {
    const key = this.keys.signing;
    if (!key) throw new Error('AUDIT.SEAL_KEY_MISSING: JINENG_AUDIT_SEAL_KEY_FILE is not set');
    const upTo = String(deadline.data.day);
    // every day due by the firing, not only the deadline's own: a clock moved on by 67 days seals 67 days now
    const isDue = (day: string): boolean =>
      day <= upTo || sealDueAt(day, this.graceMinutes).getTime() <= deadline.firedAt.getTime();
    // one sealer at a time, whatever deadlines fire at once
    await tx.query(`lock table ${this.S}.audit_seals in share row exclusive mode`);
    let previous = await lastSeal(tx, this.S);
    let day = await this.nextDayToSeal(tx, upTo);
    while (isDue(day)) {
      const seal = makeSeal({
        day,
        ...(previous ? { previous } : {}),
        services: serviceRootsOf(await eventsOfDay(tx, this.S, day)),
        sealedAt: deadline.firedAt.toISOString(),
        key,
      });
      await insertSeal(tx, this.S, seal);
      previous = seal;
      day = nextDay(day);
    }
    await this.deadlines.schedule(tx, {
      id: sealDeadlineId(day),
      kind: DAILY_SEAL_DEADLINE,
      dueAt: sealDueAt(day, this.graceMinutes),
      data: { day },
    });
  }
}
