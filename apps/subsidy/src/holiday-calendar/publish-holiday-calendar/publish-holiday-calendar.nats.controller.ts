// jineng.cmd.subsidy.PublishHolidayCalendar: an administrator publishes a year's holiday arrangement.
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { HolidayCalendarCommandRunner } from '../holiday-calendar.command-runner';

@Controller()
export class PublishHolidayCalendarNatsController {
  constructor(private readonly commands: HolidayCalendarCommandRunner) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'PublishHolidayCalendar' }))
  publish(@Payload() data: unknown): Promise<subsidyV1.HolidayYear> {
    const { envelope, payload } = parseRpcRequest<subsidyV1.PublishHolidayCalendar>(data, {
      payloadContract: 'jineng.subsidy.v1.PublishHolidayCalendar',
    });
    return this.commands.run(envelope, payload);
  }
}
