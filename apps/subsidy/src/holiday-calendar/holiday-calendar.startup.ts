// The calendar's read model runs on the runtime's lifecycle (readiness watches it, a poison event is
// parked, it stops before PostgreSQL closes); at start it catches up with the store first, so a ready
// service answers every year published before.
import type { ProjectionRunner } from '@jineng/event-store';
import { ServiceLifecycle } from '@jineng/service-runtime';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { holidayCalendarProjection } from './read-model/holiday-calendar.projection';
import { HOLIDAY_CALENDAR_DATA_SOURCE } from './read-model/holiday-calendar.read-model';

@Injectable()
export class HolidayCalendarStartup implements OnApplicationBootstrap {
  private readonly runner: ProjectionRunner;
  // a hybrid app (HTTP + NATS) runs the hooks once per part: catch up once
  private caughtUp?: Promise<void>;

  constructor(lifecycle: ServiceLifecycle, @Inject(HOLIDAY_CALENDAR_DATA_SOURCE) dataSource: DataSource) {
    this.runner = lifecycle.project(holidayCalendarProjection, dataSource);
  }

  onApplicationBootstrap(): Promise<void> {
    this.caughtUp ??= this.runner.catchUp().then(() => undefined);
    return this.caughtUp;
  }
}
