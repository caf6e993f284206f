// The fund ledger service (ARCHITECTURE §1; issue 14): the dedicated account (专账) and its fund
// sources — double-entry, append-only postings, earmarks and commitments.
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

@Module({
  controllers: [
    RecordFundInflowNatsController,
    AllocateToCountyNatsController,
    EarmarkForClassNatsController,
    CommitForClaimNatsController,
    VerifyLedgerNatsController,
    GetFundBalancesNatsController,
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
  ],
})
export class FundLedgerModule {}
