// VerifyServiceStores (ADR 0021): for each configured service (or the one asked for), its own `events`
// table read through its read-only role in one read-only snapshot, every chain recomputed from version 1,
// and the audit copy of that service (read in a snapshot of the audit schema) compared with it event by
// event. A store that cannot be read is reported as unreachable, never as verified.
import type { auditV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { auditScope } from '../../access/access-control';
import { copyEventsOf } from '../../seals/verify-seals/copy-events.reader';
import { storeEventsOf } from '../../seals/verify-store/store-events.reader';
import { unreachableStore, verifyServiceStore } from '../domain/store-verification';
import { STORE_SOURCES, STORES_VARIABLE, type StoreSource } from './store-sources.config';

@Injectable()
export class VerifyServiceStoresHandler implements OnModuleDestroy {
  private readonly pools = new Map<string, Pool>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(STORE_SOURCES) private readonly sources: readonly StoreSource[],
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<auditV1.VerifyServiceStores>): Promise<auditV1.ServiceStoresReport> {
    auditScope(envelope.principal, undefined);
    const asked = payload.service ? [payload.service] : this.sources.map((s) => s.service);
    const services: auditV1.ServiceStoreReport[] = [];
    for (const service of asked) {
      const source = this.sources.find((s) => s.service === service);
      services.push(
        source
          ? await this.verify(source)
          : unreachableStore(
              service,
              `no read-only role of ${service}'s store is configured (${STORES_VARIABLE})`,
            ),
      );
    }
    return { ok: services.length > 0 && services.every((s) => s.ok), services };
  }

  private async verify(source: StoreSource): Promise<auditV1.ServiceStoreReport> {
    let events;
    try {
      events = await storeEventsOf(this.poolOf(source), source.schema, source.service);
    } catch (error) {
      return unreachableStore(source.service, (error as Error).message);
    }
    const client = await this.pool.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const copy = await copyEventsOf(client, quoteSchema(this.config.schema), source.service);
      await client.query('commit');
      return verifyServiceStore(source.service, events, copy);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private poolOf(source: StoreSource): Pool {
    let pool = this.pools.get(source.service);
    if (!pool) {
      pool = new Pool({ connectionString: source.databaseUrl, max: 1, connectionTimeoutMillis: 10_000 });
      // an idle connection the server ends must not end the process (as createServicePool)
      pool.on('error', () => undefined);
      this.pools.set(source.service, pool);
    }
    return pool;
  }

  async onModuleDestroy(): Promise<void> {
    for (const pool of this.pools.values()) await pool.end().catch(() => undefined);
  }
}
