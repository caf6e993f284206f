// At start the calendar's read model catches up with the store, then follows it; at stop it finishes
// its batch before the runtime closes PostgreSQL.
import type { PostgresEventStore } from '@jineng/event-store';
import { JsonLogger } from '@jineng/observability';
import { EVENT_STORE } from '@jineng/service-runtime';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReadModelLifecycle } from '../read-model-lifecycle';
import { holidayCalendarProjection } from './read-model/holiday-calendar.projection';
import { HOLIDAY_CALENDAR_DATA_SOURCE } from './read-model/holiday-calendar.read-model';

@Injectable()
export class HolidayCalendarStartup implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly readModel: ReadModelLifecycle;

  constructor(
    @Inject(EVENT_STORE) store: PostgresEventStore,
    @Inject(HOLIDAY_CALENDAR_DATA_SOURCE) dataSource: DataSource,
    logger: JsonLogger,
  ) {
    this.readModel = new ReadModelLifecycle(store, dataSource, holidayCalendarProjection, logger);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.readModel.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.readModel.stop();
  }
}
