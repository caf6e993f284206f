import type { Pool } from 'pg';
import type { HealthCheck } from './health-check';

/** Readiness of PostgreSQL: `SELECT 1` on the app's own pool (so it also finds an exhausted pool). */
export class PostgresHealthCheck implements HealthCheck {
  readonly name: string;

  constructor(
    private readonly pool: Pick<Pool, 'query'>,
    name = 'postgres',
  ) {
    this.name = name;
  }

  async check(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
