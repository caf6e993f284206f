// The published holiday calendar: the package's years, the published ones (national, and the
// province's own days) and the years working days can be counted for with them.
import type { subsidyV1 } from '@jineng/contracts';
import { JurisdictionCode, WorkingDayCalendar } from '@jineng/kernel';
import { Injectable } from '@nestjs/common';
import { HolidayCalendarReadModel } from '../read-model/holiday-calendar.read-model';

@Injectable()
export class GetHolidayCalendarHandler {
  constructor(private readonly years: HolidayCalendarReadModel) {}

  async execute(query: subsidyV1.GetHolidayCalendar): Promise<subsidyV1.HolidayCalendar> {
    const province = query.province === undefined ? undefined : provinceOf(query.province);
    const published = await this.years.latest(province);
    const inPackage = WorkingDayCalendar.national().coverage();
    const covered = WorkingDayCalendar.withPublished(published, province ? { province } : {}).coverage();
    return {
      packageFromYear: inPackage.fromYear,
      packageToYear: inPackage.toYear,
      fromYear: covered.fromYear,
      toYear: covered.toYear,
      published,
    };
  }
}

/** The province of a code the contract has checked. */
const provinceOf = (code: string): string => {
  const parsed = JurisdictionCode.parse(code);
  if (!parsed.ok) throw new TypeError(parsed.reason.messageEn);
  return parsed.value.province().value;
};
