// The holiday calendar as published data (issue 10): administrators publish a year's arrangement,
// every service learns it from HolidayCalendarPublished.v1; the query answers what is published.
import { systemClock } from '@jineng/kernel';
import { EVENT_STORE, PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { createReadModelDataSource } from '../read-model-data-source';
import { SUBSIDY_CLOCK } from '../subsidy.tokens';
import { GetHolidayCalendarHandler } from './get-holiday-calendar/get-holiday-calendar.handler';
import { GetHolidayCalendarNatsController } from './get-holiday-calendar/get-holiday-calendar.nats.controller';
import { HolidayCalendarCommandRunner } from './holiday-calendar.command-runner';
import { HolidayCalendarStartup } from './holiday-calendar.startup';
import { PublishHolidayCalendarNatsController } from './publish-holiday-calendar/publish-holiday-calendar.nats.controller';
import { HolidayCalendarYearRow, holidayCalendarDdl } from './read-model/holiday-calendar-year.entity';
import {
  HOLIDAY_CALENDAR_DATA_SOURCE,
  HolidayCalendarReadModel,
} from './read-model/holiday-calendar.read-model';

@Module({
  controllers: [PublishHolidayCalendarNatsController, GetHolidayCalendarNatsController],
  providers: [
    { provide: SUBSIDY_CLOCK, useValue: systemClock },
    {
      provide: HOLIDAY_CALENDAR_DATA_SOURCE,
      // after the event store, which creates the schema
      inject: [SERVICE_CONFIG, PG_POOL, EVENT_STORE],
      useFactory: (config: ServiceConfig, pool: Pool) =>
        createReadModelDataSource(config, pool, {
          name: 'holiday_calendar_years',
          ddl: holidayCalendarDdl,
          entities: [HolidayCalendarYearRow],
        }),
    },
    HolidayCalendarReadModel,
    HolidayCalendarCommandRunner,
    GetHolidayCalendarHandler,
    HolidayCalendarStartup,
  ],
})
export class HolidayCalendarModule {}
