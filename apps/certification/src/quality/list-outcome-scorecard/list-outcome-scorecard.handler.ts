// ListOutcomeScorecard: a page of the public outcome scorecard (no login: the gateway forwards it as
// the anonymous principal; no personal data in it).
import type { certificationV1 } from '@jineng/contracts';
import { queryPage } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { scorecardList, scorecardRowOf, scorecardScope } from './scorecard-list';

@Injectable()
export class ListOutcomeScorecardHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle({
    payload,
  }: RpcRequest<certificationV1.ListOutcomeScorecard>): Promise<certificationV1.ScorecardPage> {
    const { jurisdiction, ...request } = payload;
    const page = await queryPage(
      this.pool,
      scorecardList,
      this.config.schema,
      request,
      scorecardScope(jurisdiction),
    );
    return { ...page, items: page.items.map(scorecardRowOf) as unknown as certificationV1.ScorecardRow[] };
  }
}
