// Runs PublishHolidayCalendar from a request through the decider (load, decide, append, retry;
// idempotent by command id) and answers the year as it stands after it. A national arrangement acts in
// the publishing admin's province, a province's own days in that province.
import type { subsidyV1 } from '@jineng/contracts';
import { handleCommand } from '@jineng/ddd';
import type { EventStore } from '@jineng/event-store';
import { WorkingDayCalendar, type Clock } from '@jineng/kernel';
import { commandMetadataOf, type Envelope } from '@jineng/messaging';
import { EVENT_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { SUBSIDY_CLOCK } from '../subsidy.tokens';
import type { PublishHolidayCalendar } from './domain/holiday-calendar.commands';
import { holidayCalendarDecider } from './domain/holiday-calendar.decide';
import { holidayCalendarStreamId } from './domain/holiday-calendar.events';

@Injectable()
export class HolidayCalendarCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBSIDY_CLOCK) private readonly clock: Clock,
  ) {}

  async run(envelope: Envelope, payload: subsidyV1.PublishHolidayCalendar): Promise<subsidyV1.HolidayYear> {
    const actorJurisdiction = envelope.principal.jurisdiction;
    const command: PublishHolidayCalendar = {
      type: 'PublishHolidayCalendar',
      data: { ...payload, actorJurisdiction },
      metadata: commandMetadataOf(envelope, this.clock.now(), payload.province ?? actorJurisdiction),
    };
    const { state } = await handleCommand({
      store: this.store,
      decider: holidayCalendarDecider,
      streamId: holidayCalendarStreamId(payload.province),
      command,
    });
    const published = state.years.get(payload.year);
    if (published) return { ...published, source: 'publication' };
    // the same arrangement as the package's: nothing was published, the package's year stands
    const { holidays, makeUpWorkdays } = WorkingDayCalendar.national().arrangementOf(payload.year)!;
    return { year: payload.year, holidays, makeUpWorkdays, source: 'package', revision: 0 };
  }
}
