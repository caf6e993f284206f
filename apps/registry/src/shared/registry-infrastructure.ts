// What every handler of the registry uses, in one injectable: the event store, the pool, the schema,
// the personal-data cipher and the clock.
import type { CommandResult, Decider, DomainEvent, Command } from '@jineng/ddd';
import { handleCommand } from '@jineng/ddd';
import type { PostgresEventStore } from '@jineng/event-store';
import type { Clock } from '@jineng/kernel';
import { commandMetadataOf, type Envelope } from '@jineng/messaging';
import { EVENT_STORE, PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { registryV1 } from '@jineng/contracts';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { handleCommandInTransaction } from '../persistence/transactional-command';
import { CLOCK, PERSONAL_DATA_CIPHER } from '../registry.tokens';

export interface Execution<C extends Command, S, E extends DomainEvent> {
  readonly decider: Decider<C, S, E>;
  readonly streamId: string;
  readonly command: C;
}

@Injectable()
export class RegistryInfrastructure {
  readonly schema: string;

  constructor(
    @Inject(EVENT_STORE) readonly store: PostgresEventStore,
    @Inject(PG_POOL) readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(PERSONAL_DATA_CIPHER) readonly cipher: PersonalDataCipher,
    @Inject(CLOCK) readonly clock: Clock,
  ) {
    this.schema = config.schema;
  }

  /** `"schema".table` */
  table(name: string): string {
    return `"${this.schema}".${name}`;
  }

  /** The command's metadata: the principal acts now, in the record's jurisdiction. */
  metadata(envelope: Envelope, jurisdiction: string) {
    return commandMetadataOf(envelope, this.clock.now(), jurisdiction);
  }

  /** The state of a stream, folded (to authorize against the record before deciding). */
  async load<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, streamId: string): Promise<S> {
    const { events } = await this.store.readStream(streamId);
    return events.reduce(
      (state, event) => decider.evolve(state, { type: event.type, data: event.data } as unknown as E),
      decider.initialState(),
    );
  }

  execute<C extends Command, S, E extends DomainEvent>(
    execution: Execution<C, S, E>,
  ): Promise<CommandResult<S, E>> {
    return handleCommand({ store: this.store, ...execution });
  }

  /** The same, with rows that must commit with the events (personal data, claims). */
  executeWith<C extends Command, S, E extends DomainEvent>(
    execution: Execution<C, S, E>,
    withEvents: (tx: PoolClient, result: CommandResult<S, E>) => Promise<void>,
  ): Promise<CommandResult<S, E>> {
    return handleCommandInTransaction(this.pool, this.store, execution, withEvents);
  }
}

export function accepted(
  id: string,
  result: CommandResult<unknown, DomainEvent>,
): registryV1.CommandAccepted {
  return {
    id,
    version: result.nextExpectedVersion,
    events: result.events.map((event) => event.type),
    idempotent: result.idempotent,
  };
}
