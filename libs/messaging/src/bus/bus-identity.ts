// Who may do what on the bus (ADR 0002, decision 10): one NATS identity per app, with the least it needs.
//   - the gateway sends commands and queries, reads its replies, and reads the files of the services
//     that store files (their buckets only);
//   - a service answers its own commands and queries (in its queue group), publishes only its own
//     events and the dead letters of its own consumers, uses only its own durable consumers (those it
//     declares and those of its local read models), and writes only its own files bucket;
//   - the operator's tool (`ops`) reads the dead letters;
//   - the provisioner (an operator's Job) creates and updates the streams and the files buckets.
//     Nobody else may create, update, purge or delete a stream.
// Every identity has an inbox prefix of its own, so nobody can read another one's replies.
import { filesBucketOf, filesStreamOf } from '../files/file-store';
import {
  DEAD_LETTER_STREAM,
  EVENTS_STREAM,
  assertConsumerName,
  assertServiceName,
  deadLetterSubject,
  eventFilter,
  readModelConsumerName,
} from '../subjects';

export type BusAppKind = 'gateway' | 'service' | 'operator' | 'provisioner';

/** An app as the bus knows it: its name, its kind, and what it uses. */
export interface BusApp {
  readonly name: string;
  readonly kind: BusAppKind;
  /** a service's durable consumers: full names, each `<service>-<purpose>` */
  readonly consumers?: readonly string[];
  /**
   * a service's local read models: the read model's name (`<service>-<purpose>`) → the services it
   * reads; each gets the durable consumer `<read model>-<source>` (`readModelConsumerName`)
   */
  readonly readModels?: Readonly<Record<string, readonly string[]>>;
  /** a service that stores files for the gateway (exports): its bucket `JINENG_FILES_<SERVICE>` */
  readonly files?: boolean;
  /** the gateway: the services whose files it serves (those with `files`) */
  readonly readsFilesOf?: readonly string[];
}

export interface BusPermissions {
  readonly publish: readonly string[];
  /** a queue subscription is written `<subject> <queue>` */
  readonly subscribe: readonly string[];
  /** may answer requests it received */
  readonly allowResponses: boolean;
}

export const PROVISIONER: BusApp = { name: 'provisioner', kind: 'provisioner' };
/** The operator's tool (`npm run ops`): reads dead letters; its replays are requests in the database. */
export const OPERATOR: BusApp = { name: 'ops', kind: 'operator' };

/** `_INBOX_<app>`: replies, JetStream API answers and pull deliveries of one app only. */
export function inboxPrefixOf(app: string): string {
  assertServiceName(app);
  return `_INBOX_${app}`;
}

/** A consumer (or read model) of `service` is named `<service>-<purpose>`. */
export function assertOwnConsumerName(service: string, consumer: string): void {
  assertConsumerName(consumer);
  if (!consumer.startsWith(`${service}-`))
    throw new TypeError(`consumer '${consumer}' of ${service} must be named '${service}-<purpose>'`);
}

/** Every durable consumer of a service: those it declares and one per (read model, source). */
export function durableConsumersOf(app: BusApp): string[] {
  for (const consumer of app.consumers ?? []) assertOwnConsumerName(app.name, consumer);
  const fromReadModels = Object.entries(app.readModels ?? {}).flatMap(([readModel, sources]) => {
    assertOwnConsumerName(app.name, readModel);
    if (sources.length === 0) throw new TypeError(`read model ${readModel} of ${app.name} reads no service`);
    return sources.map((source) => readModelConsumerName(readModel, source));
  });
  const all = [...(app.consumers ?? []), ...fromReadModels];
  const twice = all.find((name, i) => all.indexOf(name) !== i);
  if (twice) throw new TypeError(`consumer '${twice}' of ${app.name} is declared twice`);
  return all;
}

export function busPermissions(app: BusApp): BusPermissions {
  assertServiceName(app.name);
  const inbox = `${inboxPrefixOf(app.name)}.>`;
  switch (app.kind) {
    case 'gateway':
      return {
        publish: ['jineng.cmd.>', 'jineng.qry.>', ...filesReading(app.readsFilesOf ?? [])],
        subscribe: [inbox],
        allowResponses: false,
      };
    case 'provisioner':
      return { publish: ['$JS.API.>'], subscribe: [inbox], allowResponses: false };
    case 'operator':
      return {
        publish: [
          '$JS.API.INFO',
          `$JS.API.STREAM.INFO.${DEAD_LETTER_STREAM}`,
          `$JS.API.STREAM.MSG.GET.${DEAD_LETTER_STREAM}`,
        ],
        subscribe: [inbox],
        allowResponses: false,
      };
    case 'service': {
      const consumers = durableConsumersOf(app);
      return {
        publish: [
          eventFilter(app.name),
          // the JetStream API: read the streams' state, and its own consumers only
          '$JS.API.INFO',
          `$JS.API.STREAM.INFO.${EVENTS_STREAM}`,
          `$JS.API.STREAM.INFO.${DEAD_LETTER_STREAM}`,
          // the relay reads the stored message behind a duplicate ack: is it its own? (EventPreemptedError)
          `$JS.API.STREAM.MSG.GET.${EVENTS_STREAM}`,
          ...consumers.flatMap((consumer) => [
            deadLetterSubject(consumer),
            `$JS.API.CONSUMER.CREATE.${EVENTS_STREAM}.${consumer}`,
            `$JS.API.CONSUMER.CREATE.${EVENTS_STREAM}.${consumer}.>`,
            `$JS.API.CONSUMER.DURABLE.CREATE.${EVENTS_STREAM}.${consumer}`,
            `$JS.API.CONSUMER.INFO.${EVENTS_STREAM}.${consumer}`,
            `$JS.API.CONSUMER.MSG.NEXT.${EVENTS_STREAM}.${consumer}`,
            `$JS.ACK.${EVENTS_STREAM}.${consumer}.>`,
          ]),
          ...(app.files ? filesWriting(app.name) : []),
        ],
        subscribe: [`jineng.cmd.${app.name}.> ${app.name}`, `jineng.qry.${app.name}.> ${app.name}`, inbox],
        allowResponses: true,
      };
    }
    default:
      throw new TypeError(`unknown bus app kind '${String((app as BusApp).kind)}'`);
  }
}

/**
 * A service writes its own bucket: chunks and metadata, the bucket's state, the metadata of a name
 * (the object store client reads it before it writes one), and purge (removing a file, or the chunks
 * of a failed write). Nothing of another bucket.
 */
function filesWriting(service: string): string[] {
  const stream = filesStreamOf(service);
  return [
    `$O.${filesBucketOf(service)}.>`,
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.MSG.GET.${stream}`,
    `$JS.API.STREAM.PURGE.${stream}`,
  ];
}

/**
 * The gateway reads the buckets of the services that store files: the bucket's state and an object's
 * metadata, then an ordered push consumer of the object's chunks (delivered to its own inbox, with
 * flow control answered) that it deletes when done. It cannot write or purge them.
 */
function filesReading(services: readonly string[]): string[] {
  if (services.length === 0) return [];
  return [
    '$JS.API.INFO',
    ...services.flatMap((service) => {
      const stream = filesStreamOf(service);
      return [
        `$JS.API.STREAM.INFO.${stream}`,
        `$JS.API.STREAM.MSG.GET.${stream}`,
        `$JS.API.CONSUMER.CREATE.${stream}.>`,
        `$JS.API.CONSUMER.DELETE.${stream}.>`,
        `$JS.FC.${stream}.>`,
      ];
    }),
  ];
}
