// The subsidy service (ARCHITECTURE §1): policy versions per jurisdiction and the published holiday
// calendar now; subsidy computation and the claim workflow come with their issues.
import { Module } from '@nestjs/common';
import { HolidayCalendarModule } from './holiday-calendar/holiday-calendar.module';
import { ListJurisdictionsNatsController } from './jurisdictions/list-jurisdictions/list-jurisdictions.nats.controller';
import { PolicyModule } from './policy/policy.module';

@Module({
  imports: [PolicyModule, HolidayCalendarModule],
  controllers: [ListJurisdictionsNatsController],
})
export class SubsidyModule {}
