// The read model of the holiday calendar: one row per publication (scope, year, revision), so the
// history of corrections stays; the queries read the latest revision of each year. Its table is made
// by subsidyMigrations.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { subsidyV1 } from '@jineng/contracts';

@Entity({ name: 'holiday_calendar_years' })
export class HolidayCalendarYearRow {
  /** 'national' or the province's code */
  @PrimaryColumn('text')
  scope!: string;

  @PrimaryColumn('int')
  year!: number;

  @PrimaryColumn('int')
  revision!: number;

  @Column('json')
  holidays!: string[];

  @Column('json', { name: 'make_up_workdays' })
  makeUpWorkdays!: string[];

  @Column('json')
  notice!: subsidyV1.HolidayNotice;

  @Column('text', { nullable: true })
  corrects!: 'package' | 'publication' | null;

  @Column('text', { name: 'correction_reason', nullable: true })
  correctionReason!: string | null;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('text', { name: 'published_by' })
  publishedBy!: string;
}
