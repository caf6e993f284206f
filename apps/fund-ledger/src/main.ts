import { runService } from '@jineng/service-runtime';
import { fundLedgerMigrations } from './fund-ledger.migrations';
import { FundLedgerModule } from './fund-ledger.module';

void runService('fund-ledger', FundLedgerModule, { port: 3105, migrations: fundLedgerMigrations });
