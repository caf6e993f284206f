// The holiday calendar as published data (issue 10): administrators publish a year's arrangement,
// every service learns it from HolidayCalendarPublished.v1; the query answers what is published.
import { SERVICE_CONFIG, createReadModelDataSource, type ServiceConfig } from '@jineng/service-runtime';
import { Module } from '@nestjs/common';
import { GetHolidayCalendarHandler } from './get-holiday-calendar/get-holiday-calendar.handler';
import { GetHolidayCalendarNatsController } from './get-holiday-calendar/get-holiday-calendar.nats.controller';
import { HolidayCalendarStartup } from './holiday-calendar.startup';
import { PublishHolidayCalendarHandler } from './publish-holiday-calendar/publish-holiday-calendar.handler';
import { PublishHolidayCalendarNatsController } from './publish-holiday-calendar/publish-holiday-calendar.nats.controller';
import { HolidayCalendarYearRow } from './read-model/holiday-calendar-year.entity';
import {
  HOLIDAY_CALENDAR_DATA_SOURCE,
  HolidayCalendarReadModel,
} from './read-model/holiday-calendar.read-model';

@Module({
  controllers: [PublishHolidayCalendarNatsController, GetHolidayCalendarNatsController],
  providers: [
    {
      provide: HOLIDAY_CALENDAR_DATA_SOURCE,
      inject: [SERVICE_CONFIG],
      // its table is made by subsidyMigrations; a few rows a year: a small pool
      useFactory: (config: ServiceConfig) =>
        createReadModelDataSource(config, { entities: [HolidayCalendarYearRow], poolSize: 2 }),
    },
    HolidayCalendarReadModel,
    PublishHolidayCalendarHandler,
    GetHolidayCalendarHandler,
    HolidayCalendarStartup,
  ],
  // claims count working days on the published calendar
  exports: [HolidayCalendarReadModel],
})
export class HolidayCalendarModule {}
