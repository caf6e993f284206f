// Who may do what on the bus (ADR 0002, decision 10): one NATS identity per app, with the least it needs.
//   - the gateway sends commands and queries, and reads its replies;
//   - a service answers its own commands and queries (in its queue group), publishes only its own
//     events and the dead letters of its own consumers, and uses only its own durable consumers;
//   - the provisioner (an operator's Job) creates and updates the streams. Nobody else may create,
//     update, purge or delete a stream.
// Every identity has an inbox prefix of its own, so nobody can read another one's replies.
import {
  DEAD_LETTER_STREAM,
  EVENTS_STREAM,
  assertConsumerName,
  assertServiceName,
  deadLetterSubject,
  eventFilter,
} from '../subjects';

export type BusAppKind = 'gateway' | 'service' | 'provisioner';

/** An app as the bus knows it: its name, its kind, and (a service) its durable consumers. */
export interface BusApp {
  readonly name: string;
  readonly kind: BusAppKind;
  /** full durable consumer names, each `<service>-<purpose>` */
  readonly consumers?: readonly string[];
}

export interface BusPermissions {
  readonly publish: readonly string[];
  /** a queue subscription is written `<subject> <queue>` */
  readonly subscribe: readonly string[];
  /** may answer requests it received */
  readonly allowResponses: boolean;
}

export const PROVISIONER: BusApp = { name: 'provisioner', kind: 'provisioner' };

/** `_INBOX_<app>`: replies, JetStream API answers and pull deliveries of one app only. */
export function inboxPrefixOf(app: string): string {
  assertServiceName(app);
  return `_INBOX_${app}`;
}

export function busPermissions(app: BusApp): BusPermissions {
  assertServiceName(app.name);
  const inbox = `${inboxPrefixOf(app.name)}.>`;
  switch (app.kind) {
    case 'gateway':
      return { publish: ['jineng.cmd.>', 'jineng.qry.>'], subscribe: [inbox], allowResponses: false };
    case 'provisioner':
      return { publish: ['$JS.API.>'], subscribe: [inbox], allowResponses: false };
    case 'service': {
      const consumers = app.consumers ?? [];
      for (const consumer of consumers) {
        assertConsumerName(consumer);
        if (!consumer.startsWith(`${app.name}-`))
          throw new TypeError(`consumer '${consumer}' of ${app.name} must be named '${app.name}-<purpose>'`);
      }
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
        ],
        subscribe: [`jineng.cmd.${app.name}.> ${app.name}`, `jineng.qry.${app.name}.> ${app.name}`, inbox],
        allowResponses: true,
      };
    }
    default:
      throw new TypeError(`unknown bus app kind '${String((app as BusApp).kind)}'`);
  }
}
