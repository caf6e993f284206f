// Where the real infrastructure is. Tests never fall back to fakes: unreachable means failure.
export const databaseUrl = (): string =>
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const natsUrl = (): string => process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
