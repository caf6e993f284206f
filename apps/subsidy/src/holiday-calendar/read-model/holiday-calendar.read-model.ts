// Reads of the holiday_calendar_years table: the latest revision of each published year, national and
// of one province.
import type { subsidyV1 } from '@jineng/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HolidayCalendarYearRow } from './holiday-calendar-year.entity';

export const HOLIDAY_CALENDAR_DATA_SOURCE = Symbol('HOLIDAY_CALENDAR_DATA_SOURCE');

@Injectable()
export class HolidayCalendarReadModel {
  constructor(@Inject(HOLIDAY_CALENDAR_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** National years first, then the province's, each by year at its latest revision. */
  async latest(province?: string): Promise<subsidyV1.HolidayYear[]> {
    const scopes = province === undefined ? ['national'] : ['national', province];
    const rows = await this.dataSource
      .getRepository(HolidayCalendarYearRow)
      .createQueryBuilder('row')
      .distinctOn(['row.scope', 'row.year'])
      .where('row.scope in (:...scopes)', { scopes })
      .orderBy('row.scope', 'ASC')
      .addOrderBy('row.year', 'ASC')
      .addOrderBy('row.revision', 'DESC')
      .getMany();
    const national = rows.filter((row) => row.scope === 'national');
    return [...national, ...rows.filter((row) => row.scope !== 'national')].map(holidayYearOfRow);
  }
}

export function holidayYearOfRow(row: HolidayCalendarYearRow): subsidyV1.HolidayYear {
  return {
    year: row.year,
    ...(row.scope === 'national' ? {} : { province: row.scope }),
    holidays: row.holidays,
    makeUpWorkdays: row.makeUpWorkdays,
    source: 'publication',
    revision: row.revision,
    notice: row.notice,
    ...(row.corrects ? { corrects: row.corrects } : {}),
    ...(row.correctionReason ? { correctionReason: row.correctionReason } : {}),
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}
