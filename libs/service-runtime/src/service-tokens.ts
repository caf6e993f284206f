// Injection tokens of what every service gets from the runtime.
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
/** the service's pg Pool */
export const PG_POOL = Symbol('PG_POOL');
/** its PostgresEventStore, migrated */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** its NatsConnection (the relay's and the consumers'; Nest's request/reply server has its own) */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
/**
 * its Clock, the `now` of its commands and deadlines: the system clock, or outside production one that
 * end-to-end tests move (JINENG_TEST_CLOCK_FILE, see clock/service-clock.ts)
 */
export const SERVICE_CLOCK = Symbol('SERVICE_CLOCK');
/** its FileStore: files answered to the gateway (exports), in the JetStream object store */
export const FILE_STORE = Symbol('FILE_STORE');
