// The audit trail: every integration event copied and indexed; entity timelines paged and exported.
import { Module } from '@nestjs/common';
import { ExportEntityTimelineHandler } from './export-timeline/export-entity-timeline.handler';
import { ExportEntityTimelineNatsController } from './export-timeline/export-entity-timeline.nats.controller';
import { ListEntityTimelineHandler } from './list-timeline/list-entity-timeline.handler';
import { ListEntityTimelineNatsController } from './list-timeline/list-entity-timeline.nats.controller';
import { AuditTrailRecorder } from './record-events/audit-trail.recorder';

@Module({
  controllers: [ListEntityTimelineNatsController, ExportEntityTimelineNatsController],
  providers: [AuditTrailRecorder, ListEntityTimelineHandler, ExportEntityTimelineHandler],
})
export class AuditTrailModule {}
