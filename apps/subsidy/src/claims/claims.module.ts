// Subsidy claims (issue 13): local read models of the facts other services publish, the class
// estimate behind the fund ledger's earmark.
import { SERVICE_CONFIG, ServiceLifecycle, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { ClassEstimateConsumer } from './class-estimate/class-estimate.consumer';
import { claimFactsReadModel } from './read-model/claim-facts.read-model';
import { ClaimFactsReader } from './read-model/claim-facts.reader';

@Injectable()
export class ClaimFactsStartup implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.readModel(claimFactsReadModel(this.config.schema));
  }
}

@Module({
  imports: [PolicyModule],
  providers: [ClaimFactsStartup, ClaimFactsReader, ClassEstimateConsumer],
  exports: [ClaimFactsReader],
})
export class ClaimsModule {}
