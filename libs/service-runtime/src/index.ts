// @jineng/service-runtime: how a business service runs — pool, event store, NATS, relay, consumers,
// health, metrics, logs, request/reply server. Mechanisms only: no service's rules live here.
export * from './service-config';
export * from './database/database-pool';
export * from './jobs/job-tracker';
export * from './jobs/jobs.migrations';
export * from './scheduling/deadline-scheduler';
export * from './clock/service-clock';
export * from './service-tokens';
export * from './service-lifecycle';
export * from './service-runtime.module';
export * from './create-service-app';
export * from './run-service';
export * from './database/service-database';
export * from './commands/command-runner';
export * from './commands/request-grouper';
