// What the registry's vaults and stores share, in one injectable: the event store (for the roster
// import's bulk appends), the pool, the schema, the personal-data cipher and the clock. Commands run
// through the runtime's CommandRunner.
import type { PostgresEventStore } from '@jineng/event-store';
import type { Clock } from '@jineng/kernel';
import {
  EVENT_STORE,
  PG_POOL,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { PERSONAL_DATA_CIPHER } from '../registry.tokens';

@Injectable()
export class RegistryInfrastructure {
  readonly schema: string;

  constructor(
    @Inject(EVENT_STORE) readonly store: PostgresEventStore,
    @Inject(PG_POOL) readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(PERSONAL_DATA_CIPHER) readonly cipher: PersonalDataCipher,
    @Inject(SERVICE_CLOCK) readonly clock: Clock,
  ) {
    this.schema = config.schema;
  }

  /** `"schema".table` */
  table(name: string): string {
    return `"${this.schema}".${name}`;
  }
}
