// At start the calendar's read model catches up with the store, then follows it; at stop it finishes
// its batch before the runtime closes PostgreSQL.
import type { PostgresEventStore } from '@jineng/event-store';
import { ProjectionRunner } from '@jineng/event-store';
import { JsonLogger } from '@jineng/observability';
import { EVENT_STORE } from '@jineng/service-runtime';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { holidayCalendarProjection } from './read-model/holiday-calendar.projection';
import { HOLIDAY_CALENDAR_DATA_SOURCE } from './read-model/holiday-calendar.read-model';

@Injectable()
export class HolidayCalendarStartup implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: ProjectionRunner;
  // a hybrid app (HTTP + NATS) runs the hooks once per part: start and stop once
  private started?: Promise<void>;
  private stopped?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) store: PostgresEventStore,
    @Inject(HOLIDAY_CALENDAR_DATA_SOURCE) private readonly dataSource: DataSource,
    logger: JsonLogger,
  ) {
    this.runner = new ProjectionRunner({
      store,
      dataSource,
      projection: holidayCalendarProjection,
      onError: (error) => logger.error(`holiday-calendar projection: ${String(error)}`, 'HolidayCalendar'),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    this.started ??= this.runner.catchUp().then(() => this.runner.start());
    return this.started;
  }

  beforeApplicationShutdown(): Promise<void> {
    this.stopped ??= (async () => {
      await this.runner.stop();
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    })();
    return this.stopped;
  }
}
