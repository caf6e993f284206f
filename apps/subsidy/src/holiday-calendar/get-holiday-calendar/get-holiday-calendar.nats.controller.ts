// jineng.qry.subsidy.GetHolidayCalendar
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetHolidayCalendarHandler } from './get-holiday-calendar.handler';

@Controller()
export class GetHolidayCalendarNatsController {
  constructor(private readonly handler: GetHolidayCalendarHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'GetHolidayCalendar' }))
  get(@Payload() data: unknown): Promise<subsidyV1.HolidayCalendar> {
    const { payload } = parseRpcRequest<subsidyV1.GetHolidayCalendar>(data, {
      payloadContract: 'jineng.subsidy.v1.GetHolidayCalendar',
    });
    return this.handler.execute(payload);
  }
}
