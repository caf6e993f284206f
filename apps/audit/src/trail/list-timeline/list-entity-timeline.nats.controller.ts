// jineng.qry.audit.ListEntityTimeline
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { ListEntityTimelineHandler } from './list-entity-timeline.handler';

@Controller()
export class ListEntityTimelineNatsController {
  constructor(private readonly handler: ListEntityTimelineHandler) {}

  @MessagePattern(querySubject('ListEntityTimeline'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(auditRequest(data, 'ListEntityTimeline'));
  }
}
