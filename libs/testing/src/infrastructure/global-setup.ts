import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { databaseUrl, natsUrl } from './endpoints';

// Runs once before the integration project: the suite fails at once, saying what is missing,
// instead of every test timing out. Nothing here starts infrastructure (that is `npm run infra:up`).
export default async function globalSetup(): Promise<void> {
  const problems: string[] = [];
  const client = new Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    problems.push(`PostgreSQL at ${databaseUrl()}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  try {
    const nc = await connect({ servers: natsUrl(), timeout: 5000 });
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
    } catch (error) {
      problems.push(`NATS at ${natsUrl()} has no JetStream: ${(error as Error).message}`);
    } finally {
      await nc.close();
    }
  } catch (error) {
    problems.push(`NATS at ${natsUrl()}: ${(error as Error).message}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Integration tests need real infrastructure, and it is not there:\n  - ${problems.join('\n  - ')}\n` +
        'Run `npm run infra:up` (or set DATABASE_URL / NATS_URL).',
    );
  }
}
