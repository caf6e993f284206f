// At start: the seed versions are published (idempotently), the read model catches up with them,
// then follows the store — so a ready service answers the effective policy of every seed city.
// At stop: the projection finishes its batch before the runtime closes PostgreSQL.
import type { PostgresEventStore } from '@jineng/event-store';
import { JsonLogger } from '@jineng/observability';
import { EVENT_STORE } from '@jineng/service-runtime';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReadModelLifecycle } from '../read-model-lifecycle';
import { POLICY_DATA_SOURCE } from './read-model/policy-versions.read-model';
import { policyVersionsProjection } from './read-model/policy-versions.projection';
import { PolicySeedLoader } from './seeds/policy-seed.loader';

@Injectable()
export class PolicyStartup implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly readModel: ReadModelLifecycle;

  constructor(
    @Inject(EVENT_STORE) store: PostgresEventStore,
    @Inject(POLICY_DATA_SOURCE) dataSource: DataSource,
    private readonly seeds: PolicySeedLoader,
    private readonly logger: JsonLogger,
  ) {
    this.readModel = new ReadModelLifecycle(store, dataSource, policyVersionsProjection, logger);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.readModel.start(async () => {
      const report = await this.seeds.load();
      this.logger.log(
        `policy seeds: ${report.published.length} published now, ${report.unchanged.length} already published`,
        'PolicyStartup',
      );
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.readModel.stop();
  }
}
