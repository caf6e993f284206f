// The service's ledger book on its pool and schema (tables from fundLedgerMigrations).
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { LedgerBook } from './ledger-book';

export const ledgerBookProvider: Provider = {
  provide: LedgerBook,
  inject: [PG_POOL, SERVICE_CONFIG],
  useFactory: (pool: Pool, config: ServiceConfig) => new LedgerBook(pool, config.schema),
};
