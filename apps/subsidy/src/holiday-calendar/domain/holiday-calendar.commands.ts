// What an administrator asks of the holiday calendar: the contract's payload plus the jurisdiction the
// actor acts from (the principal's).
import type { subsidyV1 } from '@jineng/contracts';
import type { Command } from '@jineng/ddd';
import type { JsonData } from '../../policy/domain/policy-version.events';

export type PublishHolidayCalendar = Command<
  'PublishHolidayCalendar',
  JsonData<subsidyV1.PublishHolidayCalendar> & { readonly actorJurisdiction: string }
>;

export type HolidayCalendarCommand = PublishHolidayCalendar;
