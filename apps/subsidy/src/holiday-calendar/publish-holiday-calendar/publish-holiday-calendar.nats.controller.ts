// jineng.cmd.subsidy.PublishHolidayCalendar: an administrator publishes a year's holiday arrangement.
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PublishHolidayCalendarHandler } from './publish-holiday-calendar.handler';

@Controller()
export class PublishHolidayCalendarNatsController {
  constructor(private readonly handler: PublishHolidayCalendarHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'PublishHolidayCalendar' }))
  publish(@Payload() data: unknown): Promise<subsidyV1.HolidayYear> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.PublishHolidayCalendar>(data, {
        payloadContract: 'jineng.subsidy.v1.PublishHolidayCalendar',
      }),
    );
  }
}
