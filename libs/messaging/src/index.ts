// @jineng/messaging: JetStream relay and consumers, request/reply client and error mapping (ARCHITECTURE §3).
export * from './envelope';
export * from './subjects';
export * from './messaging-config';
export * from './nats-connection';
export * from './integration-event';
export * from './jetstream/ensure-streams';
export * from './relay/outbox-relay';
export * from './consumer/inbox';
export * from './consumer/dead-letter';
export * from './consumer/transient-errors';
export * from './consumer/durable-consumer';
export * from './rpc/rpc-errors';
export * from './rpc/rpc-client';
export * from './rpc/rpc-request';
export * from './rpc/rpc-exception.filter';
