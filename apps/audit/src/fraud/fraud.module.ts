// Fraud alerts: the rules run on a schedule (and on an auditor's request), alerts are triaged, listed and exported.
import { Module } from '@nestjs/common';
import { FraudAlertQueriesHandler } from './list-alerts/fraud-alert-queries.handler';
import { FraudAlertQueriesNatsController } from './list-alerts/fraud-alert-queries.nats.controller';
import { FraudScanSchedule } from './scan/fraud-scan.schedule';
import { FraudScanner } from './scan/fraud-scanner';
import { RunFraudRulesNatsController } from './scan/run-fraud-rules.nats.controller';
import { TriageFraudAlertHandler } from './triage/triage-fraud-alert.handler';
import { TriageFraudAlertNatsController } from './triage/triage-fraud-alert.nats.controller';

@Module({
  controllers: [RunFraudRulesNatsController, TriageFraudAlertNatsController, FraudAlertQueriesNatsController],
  providers: [FraudScanner, FraudScanSchedule, TriageFraudAlertHandler, FraudAlertQueriesHandler],
})
export class FraudModule {}
