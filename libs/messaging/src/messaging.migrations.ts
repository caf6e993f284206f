// What the messaging mechanisms keep in a consuming service's schema, as migrations its migration step
// applies as the migrator (libs/service-runtime puts them in front of the service's own; the runtime
// role runs no DDL):
//   inbox                                   the events each consumer handled (effects happen once)
//   read_model_streams, read_model_pending  per stream, the version a local read model applied, and
//                                           the events that came before their turn
// Consumers and local read models also park what they gave up on in parked_events (libs/event-store).
import { migrate, parkingMigrations, type Migration } from '@jineng/event-store';
import type { Pool } from 'pg';
import { inboxMigrations } from './consumer/inbox';
import { readModelMigrations } from './read-model/read-model-tables';

export const messagingMigrations: readonly Migration[] = [...inboxMigrations, ...readModelMigrations];

/**
 * Creates every table a durable consumer or a local read model uses (inbox, read model tables,
 * parked_events) as the pool's role: for tests and tools that run as the schema's owner.
 */
export async function migrateConsumerTables(pool: Pool, schema: string): Promise<void> {
  await migrate(pool, schema, [...parkingMigrations, ...messagingMigrations]);
}
