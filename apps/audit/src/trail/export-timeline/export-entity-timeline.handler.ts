// ExportEntityTimeline: the same timeline as ListEntityTimeline, every row, as .xlsx or JSON — written
// to the file store while it is read, answered as a FileReply the gateway streams to the client.
import type { auditV1, commonV1 } from '@jineng/contracts';
import { ExportTooLargeError, countRows, iterateRows } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import {
  FILE_STORE,
  PG_POOL,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import type { Clock } from '@jineng/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { auditScope, eventsWithin } from '../../access/access-control';
import { namingEntity, timelineExportFile, timelineList } from '../list-timeline/timeline-list';

/** a direct export answers within the request's timeout: larger timelines are narrowed by filters */
export const MAX_TIMELINE_EXPORT_ROWS = 10_000;

@Injectable()
export class ExportEntityTimelineHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({ envelope, payload }: RpcRequest<auditV1.ExportEntityTimeline>): Promise<commonV1.FileReply> {
    const jurisdiction = auditScope(envelope.principal, payload.jurisdiction);
    const scope = [namingEntity(payload.entityId), eventsWithin(jurisdiction)];
    const { schema } = this.config;
    const rows = await countRows(this.pool, timelineList, schema, payload, scope);
    if (rows > MAX_TIMELINE_EXPORT_ROWS)
      throw new ExportTooLargeError({ rows, max: MAX_TIMELINE_EXPORT_ROWS });
    const rowsOf = iterateRows(this.pool, timelineList, schema, payload, scope);
    return this.files.put(timelineExportFile(rowsOf, payload.format, payload.entityId, this.clock.now()));
  }
}
