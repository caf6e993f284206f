// ListEntityTimeline: every event that names an id, across all services, one page.
import type { auditV1 } from '@jineng/contracts';
import { queryPage } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { auditScope, eventsWithin } from '../../access/access-control';
import { namingEntity, timelineList, toTimelineEntry } from './timeline-list';

@Injectable()
export class ListEntityTimelineHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle({ envelope, payload }: RpcRequest<auditV1.ListEntityTimeline>): Promise<auditV1.TimelinePage> {
    const jurisdiction = auditScope(envelope.principal, payload.jurisdiction);
    const page = await queryPage(this.pool, timelineList, this.config.schema, payload, [
      namingEntity(payload.entityId),
      eventsWithin(jurisdiction),
    ]);
    return { ...page, items: page.items.map(toTimelineEntry) };
  }
}
