// At start: the seed versions are published (idempotently), the read model catches up with them,
// then follows the store — so a ready service answers the effective policy of every seed city.
// At stop: the projection finishes its batch before the runtime closes PostgreSQL.
import type { PostgresEventStore } from '@jineng/event-store';
import { ProjectionRunner } from '@jineng/event-store';
import { JsonLogger } from '@jineng/observability';
import { EVENT_STORE } from '@jineng/service-runtime';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { POLICY_DATA_SOURCE } from './read-model/policy-versions.read-model';
import { policyVersionsProjection } from './read-model/policy-versions.projection';
import { PolicySeedLoader } from './seeds/policy-seed.loader';

@Injectable()
export class PolicyStartup implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: ProjectionRunner;
  // a hybrid app (HTTP + NATS) runs the hooks once per part: start and stop once
  private started?: Promise<void>;
  private stopped?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) store: PostgresEventStore,
    @Inject(POLICY_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly seeds: PolicySeedLoader,
    private readonly logger: JsonLogger,
  ) {
    this.runner = new ProjectionRunner({
      store,
      dataSource,
      projection: policyVersionsProjection,
      onError: (error) => this.logger.error(`policy-versions projection: ${String(error)}`, 'PolicyStartup'),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  beforeApplicationShutdown(): Promise<void> {
    this.stopped ??= (async () => {
      await this.runner.stop();
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    })();
    return this.stopped;
  }

  private async start(): Promise<void> {
    const report = await this.seeds.load();
    this.logger.log(
      `policy seeds: ${report.published.length} published now, ${report.unchanged.length} already published`,
      'PolicyStartup',
    );
    await this.runner.catchUp();
    this.runner.start();
  }
}
