export * from './decider-spec';
export * from './eventually';
export * from './infrastructure/endpoints';
export * from './infrastructure/postgres';
export * from './infrastructure/nats';
export * from './infrastructure/platform';
export * from './test-clock';
