// Prometheus series of what was given up on: a counter per subscriber of events parked (projections,
// local read models) and a gauge of the parked events still waiting for an operator, read from the
// service's `parked_events` at each scrape — so it is right across replicas and restarts.
import { ParkedEvents } from '@jineng/event-store';
import type { Metrics } from '@jineng/observability';
import type { Pool } from 'pg';
import { Counter, Gauge } from 'prom-client';

export class ParkingMetrics {
  readonly parked: Counter<'subscriber'>;

  constructor(metrics: Metrics, pool: Pool, schema: string) {
    const registers = [metrics.registry];
    const parking = new ParkedEvents(schema);
    this.parked = new Counter({
      name: 'jineng_events_parked_total',
      help: 'Events a projection or local read model parked after its last attempt (alert on any increase)',
      labelNames: ['subscriber'],
      registers,
    });
    new Gauge({
      name: 'jineng_parked_events',
      help: 'Parked events and dead letters asked for replay that still wait (npm run ops -- parked list)',
      labelNames: ['subscriber'],
      registers,
      async collect() {
        this.reset();
        const counts = await parking.countOpen(pool).catch(() => new Map<string, number>());
        for (const [subscriber, n] of counts) this.set({ subscriber }, n);
      },
    });
  }
}
