// PublishHolidayCalendar: an administrator publishes a year's holiday arrangement, and is answered the
// year as it stands after it. A national arrangement acts in the publishing admin's province, a
// province's own days in that province.
import type { subsidyV1 } from '@jineng/contracts';
import { WorkingDayCalendar } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { holidayCalendarDecider } from '../domain/holiday-calendar.decide';
import { holidayCalendarStreamId } from '../domain/holiday-calendar.events';

@Injectable()
export class PublishHolidayCalendarHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<subsidyV1.PublishHolidayCalendar>): Promise<subsidyV1.HolidayYear> {
    const { envelope, payload } = request;
    const actorJurisdiction = envelope.principal.jurisdiction;
    const { state } = await this.commands.run(request, {
      decider: holidayCalendarDecider,
      streamId: holidayCalendarStreamId(payload.province),
      jurisdiction: payload.province ?? actorJurisdiction,
      command: { type: 'PublishHolidayCalendar', data: { ...payload, actorJurisdiction } },
    });
    const published = state.years.get(payload.year);
    if (published) return { ...published, source: 'publication' };
    // the same arrangement as the package's: nothing was published, the package's year stands
    const { holidays, makeUpWorkdays } = WorkingDayCalendar.national().arrangementOf(payload.year)!;
    return { year: payload.year, holidays, makeUpWorkdays, source: 'package', revision: 0 };
  }
}
