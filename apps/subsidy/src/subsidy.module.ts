// The subsidy service (ARCHITECTURE §1): policy versions per jurisdiction now; subsidy computation and
// the claim workflow come with their issues.
import { Module } from '@nestjs/common';
import { ListJurisdictionsNatsController } from './jurisdictions/list-jurisdictions/list-jurisdictions.nats.controller';
import { PolicyModule } from './policy/policy.module';

@Module({
  imports: [PolicyModule],
  controllers: [ListJurisdictionsNatsController],
})
export class SubsidyModule {}
