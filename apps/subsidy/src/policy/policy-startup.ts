// At start: the seed versions are published (idempotently), the read model catches up with them,
// then follows the store — so a ready service answers the effective policy of every seed city.
// The runtime runs the projection (readiness watches it) and stops it before PostgreSQL closes.
import type { ProjectionRunner } from '@jineng/event-store';
import { JsonLogger } from '@jineng/observability';
import { ServiceLifecycle } from '@jineng/service-runtime';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { POLICY_DATA_SOURCE } from './read-model/policy-versions.read-model';
import { policyVersionsProjection } from './read-model/policy-versions.projection';
import { PolicySeedLoader } from './seeds/policy-seed.loader';

@Injectable()
export class PolicyStartup implements OnApplicationBootstrap {
  private readonly runner: ProjectionRunner;
  // a hybrid app (HTTP + NATS) runs the hooks once per part: start once
  private started?: Promise<void>;

  constructor(
    lifecycle: ServiceLifecycle,
    @Inject(POLICY_DATA_SOURCE) dataSource: DataSource,
    private readonly seeds: PolicySeedLoader,
    private readonly logger: JsonLogger,
  ) {
    this.runner = lifecycle.project(policyVersionsProjection, dataSource);
  }

  onApplicationBootstrap(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<void> {
    const report = await this.seeds.load();
    this.logger.log(
      `policy seeds: ${report.published.length} published now, ${report.unchanged.length} already published`,
      'PolicyStartup',
    );
    await this.runner.catchUp();
  }
}
