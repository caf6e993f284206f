import type { CommandMetadata } from '@jineng/ddd';
import { CalendarCoverageError, WorkingDayCalendar } from '@jineng/kernel';
import { DeciderSpecification } from '@jineng/testing';
import type { PublishHolidayCalendar } from './holiday-calendar.commands';
import { holidayCalendarDecider } from './holiday-calendar.decide';
import {
  CalendarAdminRequired,
  CorrectionReasonRequired,
  InvalidHolidayArrangement,
  NotAProvince,
  ProvinceAdminRequired,
} from './holiday-calendar.errors';
import type { HolidayCalendarPublished } from './holiday-calendar.events';
import { HOLIDAYS_2027, NOTICE_2027, PUBLISH_2027 } from '../hypothetical-2027.fixture';

const spec = DeciderSpecification.for(holidayCalendarDecider);
const NOW = '2026-11-20T02:00:00.000Z';

const metadata = (roles: string[]): CommandMetadata => ({
  commandId: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  actor: { userId: 'admin-sx', roles },
  jurisdiction: '140000',
  now: NOW,
  correlationId: 'corr-1',
});

const notice = NOTICE_2027;
// given in another order: the event has them sorted
const year2027 = { ...PUBLISH_2027, holidays: [...HOLIDAYS_2027].reverse() };

const publish = (
  data: Partial<PublishHolidayCalendar['data']> = {},
  { roles = ['admin'], actorJurisdiction = '140000' } = {},
): PublishHolidayCalendar => ({
  type: 'PublishHolidayCalendar',
  data: { ...year2027, actorJurisdiction, ...data },
  metadata: metadata(roles),
});

const published2027: HolidayCalendarPublished = {
  type: 'HolidayCalendarPublished.v1',
  data: {
    year: 2027,
    holidays: HOLIDAYS_2027,
    makeUpWorkdays: ['2027-02-13'],
    revision: 1,
    notice,
    publishedAt: NOW,
    publishedBy: 'admin-sx',
  },
};

describe('publishing a national holiday arrangement', () => {
  it('adds a year the package does not know, at revision 1, its days sorted', () => {
    spec.given().when(publish()).then(published2027);
  });

  it("records exactly what the kernel's calendar is built from: the year becomes countable", () => {
    const before = WorkingDayCalendar.national();
    expect(() => before.addWorkingDays('2027-02-04', 1)).toThrow(CalendarCoverageError);
    const calendar = WorkingDayCalendar.withPublished([published2027.data]);
    expect(calendar.addWorkingDays('2027-02-04', 1)).toBe('2027-02-12');
    expect(calendar.addWorkingDays('2027-02-04', 2)).toBe('2027-02-13'); // the make-up Saturday
  });

  it('corrects a published year with a reason, one revision up', () => {
    const extraDay = ['2027-02-12'];
    spec
      .given(published2027)
      .when(publish({ holidays: [...year2027.holidays, ...extraDay], correctionReason: '国务院补充通知' }))
      .then({
        type: 'HolidayCalendarPublished.v1',
        data: {
          ...published2027.data,
          holidays: [...published2027.data.holidays, ...extraDay].sort(),
          revision: 2,
          corrects: 'publication',
          correctionReason: '国务院补充通知',
        },
      });
  });

  it('needs a reason to correct a year, published or in the package', () => {
    spec
      .given(published2027)
      .when(publish({ makeUpWorkdays: [] }))
      .thenThrows(
        CorrectionReasonRequired,
        (e) => e.details.corrects === 'publication' && e.details.revision === 1,
      );
    // the package says National Day 2021 is 1–7 October: a different arrangement is a correction of it
    const error = spec
      .given()
      .when(publish({ year: 2021, holidays: ['2021-10-01'], makeUpWorkdays: [] }))
      .thenThrows(CorrectionReasonRequired, (e) => e.details.corrects === 'package');
    expect(error.messageEn).toContain('already in the chinese-days package');
  });

  it('records a correction of the package, revision 1', () => {
    spec
      .given()
      .when(
        publish({ year: 2021, holidays: ['2021-10-01'], makeUpWorkdays: [], correctionReason: '测试更正' }),
      )
      .then({
        type: 'HolidayCalendarPublished.v1',
        data: {
          year: 2021,
          holidays: ['2021-10-01'],
          makeUpWorkdays: [],
          revision: 1,
          notice,
          corrects: 'package',
          correctionReason: '测试更正',
          publishedAt: NOW,
          publishedBy: 'admin-sx',
        },
      });
  });

  it('changes nothing when the arrangement is the same, weekend days inside a holiday listed or not', () => {
    spec.given(published2027).when(publish()).thenNothingHappened();
    // National Day 2021 as the package has it, without its weekend days (Sat 2, Sun 3 October)
    const package2021 = WorkingDayCalendar.national().arrangementOf(2021)!;
    const weekdaysOnly = package2021.holidays.filter(
      (d) => ![0, 6].includes(new Date(`${d}T00:00Z`).getUTCDay()),
    );
    spec
      .given()
      .when(publish({ year: 2021, holidays: weekdaysOnly, makeUpWorkdays: package2021.makeUpWorkdays }))
      .thenNothingHappened();
  });

  it('refuses a year that would leave a gap, naming the missing one', () => {
    const error = spec
      .given()
      .when(publish({ year: 2028, holidays: ['2028-01-01'], makeUpWorkdays: [] }))
      .thenThrows(InvalidHolidayArrangement);
    expect(error.code).toBe('CALENDAR.INVALID_ARRANGEMENT');
    expect(error.messageEn).toContain('2027 missing');
    expect(error.messageZh).toContain('缺少 2027 年');
  });

  it.each([
    ['a make-up day on a weekday', { makeUpWorkdays: ['2027-02-12'] }, /not a Saturday or Sunday/],
    ['a date of another year', { holidays: ['2026-12-31'] }, /"2026-12-31" of 2027/],
    ['a day both off and worked', { makeUpWorkdays: ['2027-02-06'] }, /both a holiday and a make-up/],
  ])('refuses %s', (_label, data, message) => {
    const error = spec.given().when(publish(data)).thenThrows(InvalidHolidayArrangement);
    expect(error.messageEn).toMatch(message);
  });

  it('is for an admin at province level', () => {
    spec
      .given()
      .when(publish({}, { roles: ['county_officer'] }))
      .thenThrows(CalendarAdminRequired);
    spec
      .given()
      .when(publish({}, { actorJurisdiction: '140800' }))
      .thenThrows(ProvinceAdminRequired, (e) => e.details.scope === 'national');
  });
});

describe("publishing a province's own days", () => {
  // 广西 壮族三月三 (hypothetical 2027 dates), on top of the national arrangement
  const guangxi = { province: '450000', holidays: ['2027-04-09'], makeUpWorkdays: [] };

  it("is recorded in the province's scope, without correcting the national year", () => {
    spec
      .given()
      .when(publish(guangxi, { actorJurisdiction: '450000' }))
      .then({
        type: 'HolidayCalendarPublished.v1',
        data: {
          year: 2027,
          province: '450000',
          holidays: ['2027-04-09'],
          makeUpWorkdays: [],
          revision: 1,
          notice,
          publishedAt: NOW,
          publishedBy: 'admin-sx',
        },
      });
  });

  it("is for that province's admin, and for a province", () => {
    spec
      .given()
      .when(publish(guangxi, { actorJurisdiction: '140000' }))
      .thenThrows(ProvinceAdminRequired, (e) => e.details.scope === '450000');
    spec
      .given()
      .when(publish({ ...guangxi, province: '450800' }, { actorJurisdiction: '450000' }))
      .thenThrows(NotAProvince);
  });
});
