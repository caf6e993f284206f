// The fund ledger service (ARCHITECTURE §1; issue 14): the dedicated account (专账) and its fund
// sources — double-entry, append-only postings, earmarks, commitments, payments, reconciliation.
import { Module } from '@nestjs/common';
import { CommitForClaimHandler } from './commitment/commit-for-claim/commit-for-claim.handler';
import { CommitForClaimNatsController } from './commitment/commit-for-claim/commit-for-claim.nats.controller';
import { EarmarkForClassHandler } from './earmark/earmark-for-class/earmark-for-class.handler';
import { EarmarkForClassNatsController } from './earmark/earmark-for-class/earmark-for-class.nats.controller';
import { AllocateToCountyHandler } from './funds/allocate-to-county/allocate-to-county.handler';
import { AllocateToCountyNatsController } from './funds/allocate-to-county/allocate-to-county.nats.controller';
import { RecordFundInflowHandler } from './funds/record-fund-inflow/record-fund-inflow.handler';
import { RecordFundInflowNatsController } from './funds/record-fund-inflow/record-fund-inflow.nats.controller';
import { GetFundBalancesHandler } from './ledger/get-fund-balances/get-fund-balances.handler';
import { GetFundBalancesNatsController } from './ledger/get-fund-balances/get-fund-balances.nats.controller';
import { MoneyProcessManager } from './integration/money-process.manager';
import { ledgerBookProvider } from './ledger/ledger-book.provider';
import { VerifyLedgerHandler } from './ledger/verify-ledger/verify-ledger.handler';
import { VerifyLedgerNatsController } from './ledger/verify-ledger/verify-ledger.nats.controller';

import { CloseYearHandler } from './ledger/close-year/close-year.handler';
import { CloseYearNatsController } from './ledger/close-year/close-year.nats.controller';
import { GetFundDisclosureHandler } from './reports/get-fund-disclosure/get-fund-disclosure.handler';
import { GetFundDisclosureNatsController } from './reports/get-fund-disclosure/get-fund-disclosure.nats.controller';
import { PayeeAccountOpener } from './payee/payee-account-opener';
import { PayeeAccountsReadModel } from './payee/payee-accounts.read-model';
import { ActivityReportQuery } from './reports/get-fund-report/activity-report.query';
import { FundReportQuery } from './reports/get-fund-report/fund-report.query';
import { BankStatementPartsHandler } from './payment/bank-statement-parts/bank-statement-parts.handler';
import { BankStatementPartsNatsController } from './payment/bank-statement-parts/bank-statement-parts.nats.controller';
import { ReconcileClaimsHandler } from './reports/reconcile-claims/reconcile-claims.handler';
import { ListClaimsReconciliationHandler } from './reports/list-claims-reconciliation/list-claims-reconciliation.handler';
import { ListClaimsReconciliationNatsController } from './reports/list-claims-reconciliation/list-claims-reconciliation.nats.controller';
import { ExportClaimsReconciliationHandler } from './reports/export-claims-reconciliation/export-claims-reconciliation.handler';
import { ExportClaimsReconciliationNatsController } from './reports/export-claims-reconciliation/export-claims-reconciliation.nats.controller';
import { ReconcileClaimsNatsController } from './reports/reconcile-claims/reconcile-claims.nats.controller';
import { MapTargetAssigneeHandler } from './reports/map-target-assignee/map-target-assignee.handler';
import { MapTargetAssigneeNatsController } from './reports/map-target-assignee/map-target-assignee.nats.controller';
import { MapTargetProgrammeHandler } from './reports/map-target-programme/map-target-programme.handler';
import { MapTargetProgrammeNatsController } from './reports/map-target-programme/map-target-programme.nats.controller';
import { ReportFactsReadModel } from './reports/report-facts/report-facts.read-model';
import { GetFundReportHandler } from './reports/get-fund-report/get-fund-report.handler';
import { GetFundReportNatsController } from './reports/get-fund-report/get-fund-report.nats.controller';
import { GetPaymentBatchFileHandler } from './payment/get-payment-batch-file/get-payment-batch-file.handler';
import { GetPaymentBatchFileNatsController } from './payment/get-payment-batch-file/get-payment-batch-file.nats.controller';
import { IssuePaymentBatchHandler } from './payment/issue-payment-batch/issue-payment-batch.handler';
import { IssuePaymentBatchNatsController } from './payment/issue-payment-batch/issue-payment-batch.nats.controller';
import { PaymentResolver } from './payment/payment-resolver';
import { PaymentStore } from './payment/payment.store';
import { RecordBankStatementHandler } from './payment/record-bank-statement/record-bank-statement.handler';
import { RecordBankStatementNatsController } from './payment/record-bank-statement/record-bank-statement.nats.controller';
import { StatementReconciler } from './payment/record-bank-statement/statement-reconciler';
import { ReversePaymentHandler } from './payment/reverse-payment/reverse-payment.handler';
import { ReversePaymentNatsController } from './payment/reverse-payment/reverse-payment.nats.controller';

@Module({
  controllers: [
    RecordFundInflowNatsController,
    AllocateToCountyNatsController,
    EarmarkForClassNatsController,
    CommitForClaimNatsController,
    VerifyLedgerNatsController,
    GetFundBalancesNatsController,
    IssuePaymentBatchNatsController,
    RecordBankStatementNatsController,
    ReversePaymentNatsController,
    CloseYearNatsController,
    GetPaymentBatchFileNatsController,
    GetFundReportNatsController,
    GetFundDisclosureNatsController,
    MapTargetProgrammeNatsController,
    MapTargetAssigneeNatsController,
    BankStatementPartsNatsController,
    ReconcileClaimsNatsController,
    ListClaimsReconciliationNatsController,
    ExportClaimsReconciliationNatsController,
  ],
  providers: [
    ledgerBookProvider,
    RecordFundInflowHandler,
    AllocateToCountyHandler,
    EarmarkForClassHandler,
    CommitForClaimHandler,
    VerifyLedgerHandler,
    GetFundBalancesHandler,
    MoneyProcessManager,
    PaymentStore,
    PaymentResolver,
    StatementReconciler,
    IssuePaymentBatchHandler,
    RecordBankStatementHandler,
    ReversePaymentHandler,
    CloseYearHandler,
    GetPaymentBatchFileHandler,
    FundReportQuery,
    ActivityReportQuery,
    ReportFactsReadModel,
    MapTargetProgrammeHandler,
    MapTargetAssigneeHandler,
    BankStatementPartsHandler,
    ReconcileClaimsHandler,
    ListClaimsReconciliationHandler,
    ExportClaimsReconciliationHandler,
    GetFundReportHandler,
    GetFundDisclosureHandler,
    PayeeAccountOpener,
    PayeeAccountsReadModel,
  ],
})
export class FundLedgerModule {}
