import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, InvalidDateError } from '../time/iso-date';
import { WorkingDayCalendar, type CalendarSupplement } from './working-day-calendar';
import { CalendarCoverageError, InvalidCalendarSupplementError } from './working-day-calendar.errors';

const calendar = WorkingDayCalendar.national();

// A made-up 2027 arrangement (the real one is not yet published): New Year's Day on Friday 1 January,
// Spring Festival Friday 5 – Thursday 11 February with Saturday 13 February worked.
const supplement2027: CalendarSupplement = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
  ],
  makeUpWorkdays: ['2027-02-13'],
};

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('WorkingDayCalendar', () => {
  describe('coverage', () => {
    it('spans the years present in the chinese-days data file', () => {
      const years = [chineseDays.holidays, chineseDays.workdays].flatMap((days) =>
        Object.keys(days).map((d) => Number(d.slice(0, 4))),
      );
      expect(calendar.coverage()).toEqual({ fromYear: Math.min(...years), toYear: Math.max(...years) });
      // chinese-days 1.5.7 carries 2004–2026.
      expect(calendar.coverage()).toEqual({ fromYear: 2004, toYear: 2026 });
    });

    it('covers dates of covered years only', () => {
      expect(calendar.covers('2004-01-01')).toBe(true);
      expect(calendar.covers('2026-12-31')).toBe(true);
      expect(calendar.covers('2003-12-31')).toBe(false);
      expect(calendar.covers('2027-01-01')).toBe(false);
    });

    it.each([
      ['2030-01-01', (c: WorkingDayCalendar) => c.isWorkingDay('2030-01-01')],
      ['2003-12-31', (c: WorkingDayCalendar) => c.isWorkingDay('2003-12-31')],
      ['2030-06-03', (c: WorkingDayCalendar) => c.addWorkingDays('2030-06-03', 1)],
      ['2003-06-02', (c: WorkingDayCalendar) => c.workingDaysBetween('2003-06-02', '2004-06-01')],
      ['2030-01-01', (c: WorkingDayCalendar) => c.workingDaysBetween('2025-01-01', '2030-01-01')],
    ])('refuses to guess for %s, outside the covered years', (date, use) => {
      const error = thrown(() => use(calendar));
      expect(error).toBeInstanceOf(CalendarCoverageError);
      const e = error as CalendarCoverageError;
      expect(e.code).toBe('CALENDAR.OUT_OF_COVERAGE');
      expect(e.date).toBe(date);
      expect([e.fromYear, e.toYear]).toEqual([2004, 2026]);
      expect(e.messageZh).toContain(date);
      expect(e.messageZh).toContain('2004–2026');
      expect(e.messageEn).toContain(date);
      expect(e.messageEn).toContain('2004–2026');
    });

    it('refuses when counting runs past the last covered year, naming the first unknown day', () => {
      // Wed 2026-12-30 + 1 = Thu 12-31; the second working day would be in 2027.
      expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
      const error = thrown(() => calendar.addWorkingDays('2026-12-30', 2)) as CalendarCoverageError;
      expect(error).toBeInstanceOf(CalendarCoverageError);
      expect(error.date).toBe('2027-01-01');
    });
  });

  describe('isWorkingDay', () => {
    it.each([
      ['2024-10-01', false, 'National Day'],
      ['2024-10-07', false, 'National Day, last day'],
      ['2024-10-08', true, 'first day back'],
      ['2024-09-29', true, 'a Sunday worked for National Day'],
      ['2024-10-12', true, 'a Saturday worked for National Day'],
      ['2024-10-13', false, 'an ordinary Sunday'],
      ['2024-10-19', false, 'an ordinary Saturday'],
      ['2024-10-16', true, 'an ordinary Wednesday'],
      ['2025-01-26', true, 'a Sunday worked for Spring Festival 2025'],
      ['2025-01-27', true, 'the Monday before Spring Festival 2025'],
      ['2025-01-28', false, 'Spring Festival Eve 2025'],
      ['2025-01-29', false, 'Spring Festival 2025'],
      ['2025-02-03', false, 'Spring Festival 2025, a Monday'],
      ['2025-02-04', false, 'Spring Festival 2025, last day'],
      ['2025-02-05', true, 'first day back after Spring Festival 2025'],
      ['2025-02-08', true, 'a Saturday worked for Spring Festival 2025'],
      ['2025-10-08', false, 'National Day and Mid-Autumn 2025, last day'],
      ['2025-10-11', true, 'a Saturday worked for National Day 2025'],
      ['2004-01-01', false, "New Year's Day of the first covered year"],
      ['2026-12-31', true, 'the last covered day, a Thursday'],
    ])('%s is a working day: %s (%s)', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it('agrees with every day the data lists', () => {
      for (const date of Object.keys(chineseDays.holidays))
        expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
      for (const date of Object.keys(chineseDays.workdays))
        expect([date, calendar.isWorkingDay(date)]).toEqual([date, true]);
    });

    it.each(['2025-02-30', '2025-13-01', '2025/10/01', '20251001', ''])(
      'refuses the malformed date %j',
      (date) => {
        expect(() => calendar.isWorkingDay(date)).toThrow(InvalidDateError);
      },
    );
  });

  describe('addWorkingDays (the start day does not count)', () => {
    it.each([
      ['2025-09-30', 1, '2025-10-09'], // Tuesday before National Day 2025 → first day back
      ['2025-09-30', 2, '2025-10-10'],
      ['2025-09-30', 3, '2025-10-11'], // a make-up Saturday counts
      ['2025-09-30', 4, '2025-10-13'], // Sunday 12th does not
      ['2025-09-26', 1, '2025-09-28'], // Friday → the make-up Sunday
      ['2025-10-01', 1, '2025-10-09'], // from inside the holiday
      ['2024-12-31', 1, '2025-01-02'], // across the year and New Year's Day
      ['2025-01-24', 3, '2025-02-05'], // Fri → Sun 26 (make-up), Mon 27, then Spring Festival → Wed 5 Feb
      ['2024-10-14', 5, '2024-10-21'], // an ordinary week
    ])('%s + %p working days = %s', (date, n, expected) => {
      expect(calendar.addWorkingDays(date, n)).toBe(expected);
    });

    it('gives the date back for n = 0, even a holiday', () => {
      expect(calendar.addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
      expect(calendar.addWorkingDays('2025-10-09', 0)).toBe('2025-10-09');
    });

    it.each([-1, 1.5, NaN])('refuses %p working days', (n) => {
      expect(() => calendar.addWorkingDays('2025-10-01', n)).toThrow(
        expect.objectContaining({ code: 'CALENDAR.INVALID_ARGUMENT' }),
      );
    });

    it('refuses a malformed start date', () => {
      expect(() => calendar.addWorkingDays('2025-9-30', 1)).toThrow(InvalidDateError);
    });
  });

  describe('workingDaysBetween (counts the days in (from, to])', () => {
    it('counts across National Day 2025', () => {
      // Sun 28 Sep (make-up), Mon 29, Tue 30, Thu 9 Oct, Fri 10, Sat 11 (make-up).
      expect(calendar.workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    });

    it('excludes from and includes to', () => {
      expect(calendar.workingDaysBetween('2024-10-14', '2024-10-15')).toBe(1); // Mon → Tue
      expect(calendar.workingDaysBetween('2024-10-14', '2024-10-14')).toBe(0);
      expect(calendar.workingDaysBetween('2024-10-11', '2024-10-12')).toBe(1); // to is a make-up Saturday
    });

    it('is negative when to is earlier', () => {
      expect(calendar.workingDaysBetween('2025-10-12', '2025-09-26')).toBe(-6);
      expect(Object.is(calendar.workingDaysBetween('2025-10-08', '2025-09-30'), 0)).toBe(true);
    });

    it('inverts addWorkingDays', () => {
      let date = '2004-01-01';
      for (let i = 0; i < 300; i++) {
        const n = (i * 7) % 40;
        expect(calendar.workingDaysBetween(date, calendar.addWorkingDays(date, n))).toBe(n);
        date = addCalendarDays(date, 27);
      }
    });

    it('counts a whole year', () => {
      // 2024 has 262 Mondays–Fridays; take away the listed holidays that fall on them, add the make-up days.
      const listed = (days: Record<string, string>) => Object.keys(days).filter((d) => d.startsWith('2024-'));
      const weekdays = (dates: string[]) =>
        dates.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
      const expected =
        262 - weekdays(listed(chineseDays.holidays)).length + listed(chineseDays.workdays).length;
      expect(calendar.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(expected);
      expect(expected).toBe(251);
    });
  });

  describe('withSupplement', () => {
    const supplemented = WorkingDayCalendar.withSupplement(supplement2027);

    it('covers the supplied year', () => {
      expect(supplemented.coverage()).toEqual({ fromYear: 2004, toYear: 2027 });
      expect(supplemented.covers('2027-06-01')).toBe(true);
    });

    it('uses exactly the supplied holidays and make-up days, plus weekends', () => {
      expect(supplemented.isWorkingDay('2027-01-01')).toBe(false); // supplied holiday, a Friday
      expect(supplemented.isWorkingDay('2027-01-02')).toBe(false); // Saturday
      expect(supplemented.isWorkingDay('2027-01-04')).toBe(true); // Monday
      expect(supplemented.isWorkingDay('2027-02-08')).toBe(false); // supplied holiday, a Monday
      expect(supplemented.isWorkingDay('2027-02-12')).toBe(true); // Friday after the holiday
      expect(supplemented.isWorkingDay('2027-02-13')).toBe(true); // supplied make-up Saturday
      expect(supplemented.isWorkingDay('2027-02-14')).toBe(false); // Sunday
      expect(supplemented.isWorkingDay('2027-10-01')).toBe(true); // not supplied as a holiday: a Friday like any other
    });

    it('counts across into the supplied year', () => {
      expect(supplemented.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
      expect(supplemented.workingDaysBetween('2027-02-04', '2027-02-14')).toBe(2); // Fri 12 and the make-up Sat 13
    });

    it('keeps the national data for other years and still refuses uncovered ones', () => {
      expect(supplemented.isWorkingDay('2024-10-12')).toBe(true);
      const error = thrown(() => supplemented.isWorkingDay('2028-01-03')) as CalendarCoverageError;
      expect(error).toBeInstanceOf(CalendarCoverageError);
      expect(error.messageEn).toContain('2004–2027');
    });

    it('leaves the national calendar alone', () => {
      expect(WorkingDayCalendar.national()).toBe(calendar);
      expect(calendar.coverage().toYear).toBe(2026);
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarCoverageError);
    });

    it('replaces a covered year entirely, e.g. for a regional holiday', () => {
      // A hypothetical 2025 with one regional day off on Monday 31 March and nothing else.
      const local = WorkingDayCalendar.withSupplement({
        year: 2025,
        holidays: ['2025-03-31'],
        makeUpWorkdays: [],
      });
      expect(calendar.isWorkingDay('2025-03-31')).toBe(true);
      expect(local.isWorkingDay('2025-03-31')).toBe(false);
      expect(local.isWorkingDay('2025-10-01')).toBe(true); // no longer a holiday: exactly what was supplied
      expect(local.isWorkingDay('2025-10-11')).toBe(false); // nor a make-up day
      expect(local.isWorkingDay('2024-10-01')).toBe(false); // other years untouched
      expect(local.coverage()).toEqual(calendar.coverage());
    });

    it('extends backwards too, and takes several years at once', () => {
      const both = WorkingDayCalendar.withSupplement(
        { year: 2003, holidays: ['2003-10-01'], makeUpWorkdays: [] },
        supplement2027,
        { year: 2028, holidays: [], makeUpWorkdays: [] },
      );
      expect(both.coverage()).toEqual({ fromYear: 2003, toYear: 2028 });
      expect(both.isWorkingDay('2003-10-01')).toBe(false);
      expect(both.isWorkingDay('2003-10-02')).toBe(true);
    });

    it.each<[string, CalendarSupplement[], RegExp]>([
      ['a gap in coverage', [{ year: 2028, holidays: [], makeUpWorkdays: [] }], /2027 missing/],
      ['a gap of several years', [{ year: 2030, holidays: [], makeUpWorkdays: [] }], /2027–2029 missing/],
      ['a date outside the year', [{ ...supplement2027, holidays: ['2026-12-31'] }], /"2026-12-31" of 2027/],
      ['a malformed date', [{ ...supplement2027, holidays: ['2027-02-30'] }], /"2027-02-30"/],
      [
        'a make-up day on a weekday',
        [{ ...supplement2027, makeUpWorkdays: ['2027-02-12'] }],
        /not a Saturday or Sunday/,
      ],
      [
        'a day both off and worked',
        [{ ...supplement2027, makeUpWorkdays: ['2027-02-06'] }],
        /both a holiday and a make-up/,
      ],
      ['the same year twice', [supplement2027, supplement2027], /supplied twice/],
      ['a fractional year', [{ year: 2027.5, holidays: [], makeUpWorkdays: [] }], /invalid year/],
      [
        'a missing list',
        [{ year: 2027, holidays: [] } as unknown as CalendarSupplement],
        /makeUpWorkdays of 2027/,
      ],
    ])('refuses %s', (_label, supplements, message) => {
      const error = thrown(() =>
        WorkingDayCalendar.withSupplement(...supplements),
      ) as InvalidCalendarSupplementError;
      expect(error).toBeInstanceOf(InvalidCalendarSupplementError);
      expect(error.code).toBe('CALENDAR.INVALID_SUPPLEMENT');
      expect(error.messageEn).toMatch(message);
      expect(error.messageZh).toMatch(/补充日历/);
    });
  });

  it('is immutable', () => {
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.coverage())).toBe(true);
  });
});
