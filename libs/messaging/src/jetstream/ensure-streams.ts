// The two JetStream streams every service relies on, created or brought to the configured settings
// by the provisioner (ADR 0002, decision 10) — or, on a local unauthenticated server, by every service
// at start. Safe to run from many starters at once: "already in use" from a concurrent creator is
// followed by an update to the same settings.
import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { MessagingConfig } from '../messaging-config';
import { DEAD_LETTER_STREAM, DEAD_LETTER_SUBJECTS, EVENTS_STREAM, EVENT_SUBJECTS } from '../subjects';

export type StreamSettings = Pick<
  MessagingConfig,
  'replicas' | 'duplicateWindowMs' | 'eventsMaxBytes' | 'deadLettersMaxBytes'
>;

// A stream at its byte limit refuses what comes next (`discard: new`): JetStream's default would
// delete the oldest messages — the platform's history — without a word. Refused, an event stays in
// its service's store, the relay retries it, and readiness names the stalled relay until an operator
// raises the limit (deploy/README.md); nothing is lost.
const limits = (maxBytes: number | undefined) => ({ max_bytes: maxBytes ?? -1, discard: DiscardPolicy.New });

export function eventStreamConfig(settings: StreamSettings): Partial<StreamConfig> & { name: string } {
  return {
    name: EVENTS_STREAM,
    subjects: [EVENT_SUBJECTS],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    // integration events are the platform's history: kept, never aged out by the broker
    max_age: 0,
    num_replicas: settings.replicas,
    duplicate_window: nanos(settings.duplicateWindowMs),
    ...limits(settings.eventsMaxBytes),
  };
}

export function deadLetterStreamConfig(settings: StreamSettings): Partial<StreamConfig> & { name: string } {
  return {
    name: DEAD_LETTER_STREAM,
    subjects: [DEAD_LETTER_SUBJECTS],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: 0,
    num_replicas: settings.replicas,
    duplicate_window: nanos(settings.duplicateWindowMs),
    ...limits(settings.deadLettersMaxBytes),
  };
}

export async function ensureStreams(nc: NatsConnection, settings: StreamSettings): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const config of [eventStreamConfig(settings), deadLetterStreamConfig(settings)]) {
    const existing = await jsm.streams.info(config.name).catch((error: unknown) => {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    });
    if (!existing) {
      try {
        await jsm.streams.add(config);
        continue;
      } catch (error) {
        if (!isAlreadyInUse(error)) throw error;
      }
    }
    await jsm.streams.update(config.name, config);
  }
}

export class StreamsNotProvisionedError extends Error {
  constructor(missing: readonly string[]) {
    super(
      `JetStream stream ${missing.join(' and ')} does not exist: the provisioner creates the streams ` +
        '(`npm run bus:provision`, the nats-provision Job in deploy/k8s); services only check them',
    );
    this.name = 'StreamsNotProvisionedError';
  }
}

/** What a service with NATS credentials does at start: the streams it relies on exist (it may not make them). */
export async function verifyStreams(nc: NatsConnection): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const missing: string[] = [];
  for (const name of [EVENTS_STREAM, DEAD_LETTER_STREAM]) {
    await jsm.streams.info(name).catch((error: unknown) => {
      if (isStreamNotFound(error)) missing.push(name);
      else throw error;
    });
  }
  if (missing.length > 0) throw new StreamsNotProvisionedError(missing);
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}

function isAlreadyInUse(error: unknown): boolean {
  return error instanceof Error && /already in use/i.test(error.message);
}
