import { messagingConfigFromEnv } from './messaging-config';

describe('messagingConfigFromEnv', () => {
  it('defaults to one replica and a two-minute duplicate window', () => {
    expect(messagingConfigFromEnv({})).toEqual({
      natsUrl: 'nats://127.0.0.1:4222',
      replicas: 1,
      duplicateWindowMs: 120_000,
      streams: 'ensure',
    });
  });

  it('only verifies the streams when the app has NATS credentials (the provisioner made them), unless told', () => {
    expect(messagingConfigFromEnv({ JINENG_NATS_NKEY_SEED_FILE: '/run/secrets/seed' }).streams).toBe(
      'verify',
    );
    expect(messagingConfigFromEnv({ JINENG_NATS_USER: 'registry' }).streams).toBe('verify');
    expect(
      messagingConfigFromEnv({
        JINENG_NATS_NKEY_SEED_FILE: '/run/secrets/seed',
        JINENG_NATS_STREAMS: 'ensure',
      }).streams,
    ).toBe('ensure');
    expect(messagingConfigFromEnv({ JINENG_NATS_STREAMS: 'verify' }).streams).toBe('verify');
    expect(() => messagingConfigFromEnv({ JINENG_NATS_STREAMS: 'create' })).toThrow(
      "JINENG_NATS_STREAMS must be 'ensure' or 'verify' (got 'create')",
    );
  });

  it('takes production settings from the environment', () => {
    expect(
      messagingConfigFromEnv({
        NATS_URL: 'nats://nats-0:4222,nats://nats-1:4222',
        JINENG_EVENTS_REPLICAS: '3',
        JINENG_EVENTS_DUPLICATE_WINDOW_MS: '600000',
      }),
    ).toEqual({
      natsUrl: 'nats://nats-0:4222,nats://nats-1:4222',
      replicas: 3,
      duplicateWindowMs: 600_000,
      streams: 'ensure',
    });
  });

  it("takes the streams' byte limits when set, and leaves them out otherwise", () => {
    const limited = messagingConfigFromEnv({
      JINENG_EVENTS_MAX_BYTES: '42949672960',
      JINENG_DEAD_LETTERS_MAX_BYTES: '1073741824',
    });
    expect([limited.eventsMaxBytes, limited.deadLettersMaxBytes]).toEqual([42_949_672_960, 1_073_741_824]);
    expect('eventsMaxBytes' in messagingConfigFromEnv({})).toBe(false);
    expect(() => messagingConfigFromEnv({ JINENG_EVENTS_MAX_BYTES: '-1' })).toThrow(
      "JINENG_EVENTS_MAX_BYTES must be a positive integer (got '-1')",
    );
  });

  it('refuses a setting that is not a positive integer, naming it', () => {
    expect(() => messagingConfigFromEnv({ JINENG_EVENTS_REPLICAS: '0' })).toThrow(
      "JINENG_EVENTS_REPLICAS must be a positive integer (got '0')",
    );
    expect(() => messagingConfigFromEnv({ JINENG_EVENTS_DUPLICATE_WINDOW_MS: '1.5' })).toThrow();
  });
});
