// What the provisioner makes on the bus before the apps start (ADR 0002, decision 10): the event and
// dead-letter streams, and the files bucket of every service that stores files. Apps with NATS
// identities may not make any of these; they only check or open them.
import type { NatsConnection } from '@nats-io/transport-node';
import { ensureFilesBucket } from '../files/file-store';
import { ensureStreams, type StreamSettings } from '../jetstream/ensure-streams';
import type { BusApp } from './bus-identity';

/** Creates or updates the streams, then creates the missing files buckets; answers the buckets' services. */
export async function provisionBus(
  nc: NatsConnection,
  apps: readonly BusApp[],
  settings: StreamSettings,
): Promise<string[]> {
  await ensureStreams(nc, settings);
  const withFiles = apps.filter((app) => app.kind === 'service' && app.files).map((app) => app.name);
  for (const service of withFiles) await ensureFilesBucket(nc, service, { replicas: settings.replicas });
  return withFiles;
}
