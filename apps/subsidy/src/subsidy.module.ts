// The subsidy service (ARCHITECTURE §1): policy versions per jurisdiction and the published holiday
// calendar; subsidy claims (their computation, local read models and the class estimate).
import { Module } from '@nestjs/common';
import { ClaimsModule } from './claims/claims.module';
import { HolidayCalendarModule } from './holiday-calendar/holiday-calendar.module';
import { ListJurisdictionsNatsController } from './jurisdictions/list-jurisdictions/list-jurisdictions.nats.controller';
import { PolicyModule } from './policy/policy.module';

@Module({
  imports: [PolicyModule, HolidayCalendarModule, ClaimsModule],
  controllers: [ListJurisdictionsNatsController],
})
export class SubsidyModule {}
