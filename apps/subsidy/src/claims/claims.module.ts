// Subsidy claims (issue 13): local read models of the facts other services publish, the class
// estimate behind the fund ledger's earmark, the claim workflow and its queries, the ledger's outcomes.
import { SERVICE_CONFIG, ServiceLifecycle, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HolidayCalendarModule } from '../holiday-calendar/holiday-calendar.module';
import { PolicyModule } from '../policy/policy.module';
import { ApproveClaimHandler } from './approve-claim/approve-claim.handler';
import { ApproveClaimNatsController } from './approve-claim/approve-claim.nats.controller';
import { ClaimsContext } from './claims-context';
import { ClawbackConsumer } from './clawback/clawback.consumer';
import { PrepaymentClawbackConsumer } from './clawback/prepayment-clawback.consumer';
import { ClassEstimateConsumer } from './class-estimate/class-estimate.consumer';
import { ConfirmClaimHandler } from './confirm-claim/confirm-claim.handler';
import { ConfirmClaimNatsController } from './confirm-claim/confirm-claim.nats.controller';
import { ExportClaimVoucherHandler } from './export-claim-voucher/export-claim-voucher.handler';
import { ExportClaimVoucherNatsController } from './export-claim-voucher/export-claim-voucher.nats.controller';
import { ExportClaimsHandler } from './export-claims/export-claims.handler';
import { ExportClaimsNatsController } from './export-claims/export-claims.nats.controller';
import { EmploymentTranches } from './employment-tranche/employment-tranches';
import { GetClaimHandler } from './get-claim/get-claim.handler';
import { GetClaimNatsController } from './get-claim/get-claim.nats.controller';
import { LedgerOutcomesConsumer } from './ledger-outcomes/ledger-outcomes.consumer';
import { ListClaimsHandler } from './list-claims/list-claims.handler';
import { ListClaimsNatsController } from './list-claims/list-claims.nats.controller';
import { ListWorkerSubsidiesHandler } from './list-worker-subsidies/list-worker-subsidies.handler';
import { ListWorkerSubsidiesNatsController } from './list-worker-subsidies/list-worker-subsidies.nats.controller';
import { PublishNoticeHandler } from './publish-notice/publish-notice.handler';
import { PublishNoticeNatsController } from './publish-notice/publish-notice.nats.controller';
import { RaiseObjectionHandler } from './raise-objection/raise-objection.handler';
import { RaiseObjectionNatsController } from './raise-objection/raise-objection.nats.controller';
import { claimFactsReadModel } from './read-model/claim-facts.read-model';
import { ClaimFactsReader } from './read-model/claim-facts.reader';
import { RecordLimitExceptionHandler } from './record-limit-exception/record-limit-exception.handler';
import { RecordLimitExceptionNatsController } from './record-limit-exception/record-limit-exception.nats.controller';
import { RequestRecoveryHandler } from './request-recovery/request-recovery.handler';
import { RequestRecoveryNatsController } from './request-recovery/request-recovery.nats.controller';
import { ResolveObjectionHandler } from './resolve-objection/resolve-objection.handler';
import { ResolveObjectionNatsController } from './resolve-objection/resolve-objection.nats.controller';
import { ReviewClaimHandler } from './review-claim/review-claim.handler';
import { ReviewClaimNatsController } from './review-claim/review-claim.nats.controller';
import { SimulatePolicyHandler } from './simulate-policy/simulate-policy.handler';
import { SimulatePolicyNatsController } from './simulate-policy/simulate-policy.nats.controller';
import { PolicySimulation } from './simulate-policy/policy-simulation';
import { StartPolicySimulationHandler } from './start-policy-simulation/start-policy-simulation.handler';
import { StartPolicySimulationNatsController } from './start-policy-simulation/start-policy-simulation.nats.controller';
import { SubmitClaimHandler } from './submit-claim/submit-claim.handler';
import { SubmitClaimNatsController } from './submit-claim/submit-claim.nats.controller';

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
  imports: [PolicyModule, HolidayCalendarModule],
  controllers: [
    SubmitClaimNatsController,
    ReviewClaimNatsController,
    PublishNoticeNatsController,
    RaiseObjectionNatsController,
    ResolveObjectionNatsController,
    ConfirmClaimNatsController,
    ApproveClaimNatsController,
    RecordLimitExceptionNatsController,
    RequestRecoveryNatsController,
    GetClaimNatsController,
    ListClaimsNatsController,
    ListWorkerSubsidiesNatsController,
    ExportClaimsNatsController,
    ExportClaimVoucherNatsController,
    SimulatePolicyNatsController,
    StartPolicySimulationNatsController,
  ],
  providers: [
    ClaimFactsStartup,
    ClaimFactsReader,
    ClassEstimateConsumer,
    LedgerOutcomesConsumer,
    ClawbackConsumer,
    PrepaymentClawbackConsumer,
    EmploymentTranches,
    RequestRecoveryHandler,
    ClaimsContext,
    SubmitClaimHandler,
    ReviewClaimHandler,
    PublishNoticeHandler,
    RaiseObjectionHandler,
    ResolveObjectionHandler,
    ConfirmClaimHandler,
    ApproveClaimHandler,
    RecordLimitExceptionHandler,
    GetClaimHandler,
    ListClaimsHandler,
    ListWorkerSubsidiesHandler,
    ExportClaimsHandler,
    ExportClaimVoucherHandler,
    SimulatePolicyHandler,
    PolicySimulation,
    StartPolicySimulationHandler,
  ],
  exports: [ClaimFactsReader],
})
export class ClaimsModule {}
