// The NATS subjects of ARCHITECTURE §3, built and checked in one place so no service spells them by hand.

/** A service name is one subject token: lower-case words joined by hyphens (`class-ops`). */
const SERVICE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Commands, queries and event names are PascalCase (`RegisterWorker`, `GetWorker`). */
const NAME = /^[A-Z][A-Za-z0-9]*$/;
/** A stored event type: its stable name and version (`WorkerRegistered.v1`). */
const EVENT_TYPE = /^([A-Z][A-Za-z0-9]*)\.v([1-9][0-9]*)$/;
/** A durable consumer name: one subject token, also a JetStream consumer name. */
const CONSUMER = /^[a-z][a-z0-9_-]*$/;

export const EVENTS_STREAM = 'JINENG_EVENTS';
export const EVENT_SUBJECTS = 'jineng.evt.>';
export const DEAD_LETTER_STREAM = 'JINENG_DLQ';
export const DEAD_LETTER_SUBJECTS = 'jineng.dlq.>';

export type RpcKind = 'command' | 'query';

export interface RpcTarget {
  readonly kind: RpcKind;
  readonly service: string;
  readonly name: string;
}

export function assertServiceName(service: string): void {
  if (!SERVICE.test(service)) throw new TypeError(`invalid service name '${service}': use e.g. 'class-ops'`);
}

/** `jineng.cmd.<service>.<Command>` or `jineng.qry.<service>.<Query>` */
export function rpcSubject(target: RpcTarget): string {
  assertServiceName(target.service);
  if (!NAME.test(target.name)) throw new TypeError(`invalid ${target.kind} name '${target.name}'`);
  const prefix = target.kind === 'command' ? 'cmd' : target.kind === 'query' ? 'qry' : undefined;
  if (!prefix) throw new TypeError(`invalid RPC kind '${String(target.kind)}'`);
  return `jineng.${prefix}.${target.service}.${target.name}`;
}

/** `jineng.evt.<service>.<EventName>.v<N>` from a stored type such as `WorkerRegistered.v1`. */
export function eventSubject(service: string, eventType: string): string {
  assertServiceName(service);
  const match = EVENT_TYPE.exec(eventType);
  if (!match) throw new TypeError(`event type '${eventType}' is not '<EventName>.v<N>'`);
  return `jineng.evt.${service}.${match[1]}.v${match[2]}`;
}

/** All events of one service, or one event name of it in any version. */
export function eventFilter(service: string, eventName?: string): string {
  assertServiceName(service);
  if (eventName === undefined) return `jineng.evt.${service}.>`;
  if (!NAME.test(eventName)) throw new TypeError(`invalid event name '${eventName}'`);
  return `jineng.evt.${service}.${eventName}.*`;
}

export function deadLetterSubject(consumer: string): string {
  assertConsumerName(consumer);
  return `jineng.dlq.${consumer}`;
}

export function assertConsumerName(consumer: string): void {
  if (!CONSUMER.test(consumer))
    throw new TypeError(`invalid consumer name '${consumer}': lower-case letters, digits, '-' and '_'`);
}

/**
 * The durable consumer of a local read model for one source service: `<read model>-<source>`
 * (`class-ops-workers-registry`). The read model is named `<service>-<purpose>`, so its consumers are
 * the service's own as the bus permissions require (a service declares its read models and their
 * sources in nest-cli.json, and the permissions of these consumers follow).
 */
export function readModelConsumerName(readModel: string, source: string): string {
  assertConsumerName(readModel);
  assertServiceName(source);
  return `${readModel}-${source}`;
}
