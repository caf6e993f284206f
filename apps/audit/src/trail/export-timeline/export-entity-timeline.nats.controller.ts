// jineng.qry.audit.ExportEntityTimeline
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { ExportEntityTimelineHandler } from './export-entity-timeline.handler';

@Controller()
export class ExportEntityTimelineNatsController {
  constructor(private readonly handler: ExportEntityTimelineHandler) {}

  @MessagePattern(querySubject('ExportEntityTimeline'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'ExportEntityTimeline'));
  }
}
