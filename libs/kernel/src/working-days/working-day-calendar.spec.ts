import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, InvalidDateError } from '../time/iso-date';
import { WorkingDayCalendar, type PublishedCalendarYear } from './working-day-calendar';
import { CalendarCoverageError, InvalidCalendarArrangementError } from './working-day-calendar.errors';

const calendar = WorkingDayCalendar.national();

// A made-up 2027 arrangement (the real one is not yet published): New Year's Day on Friday 1 January,
// Spring Festival Friday 5 – Thursday 11 February with Saturday 13 February worked.
const published2027: PublishedCalendarYear = {
  year: 2027,
  revision: 1,
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
const year = (y: number, holidays: string[] = [], makeUpWorkdays: string[] = [], revision = 1) => ({
  year: y,
  revision,
  holidays,
  makeUpWorkdays,
});

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

    it('tells the arrangement of a covered year', () => {
      expect(calendar.arrangementOf(2021)?.makeUpWorkdays).toEqual([
        '2021-02-07',
        '2021-02-20',
        '2021-04-25',
        '2021-05-08',
        '2021-09-18',
        '2021-09-26',
        '2021-10-09',
      ]);
      expect(calendar.arrangementOf(2021)?.holidays).toContain('2021-10-07');
      expect(calendar.arrangementOf(2027)).toBeUndefined();
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
      // the year whose arrangement is missing, named in both languages
      expect(e.year).toBe(Number(date.slice(0, 4)));
      expect(e.messageZh).toContain(`${e.year} 年的节假日安排尚未发布`);
      expect(e.messageEn).toContain(`the holiday arrangement of ${e.year} is not published`);
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
      expect(error.year).toBe(2027);
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
      ['2021-09-18', true, 'a Saturday worked for Mid-Autumn 2021'],
      ['2021-09-20', false, 'Mid-Autumn 2021, a Monday'],
      ['2021-09-26', true, 'a Sunday worked for National Day 2021'],
      ['2021-10-01', false, 'National Day 2021'],
      ['2021-10-07', false, 'National Day 2021, last day, a Thursday'],
      ['2021-10-08', true, 'first day back after National Day 2021, a Friday'],
      ['2021-10-09', true, 'a Saturday worked for National Day 2021'],
      ['2021-10-10', false, 'an ordinary Sunday'],
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
      // National Day 2021: Sun 26 Sep worked, 1–7 Oct off, Fri 8 and Sat 9 Oct worked
      ['2021-09-24', 1, '2021-09-26'], // Friday → the make-up Sunday
      ['2021-09-30', 1, '2021-10-08'],
      ['2021-09-30', 2, '2021-10-09'], // the make-up Saturday counts
      ['2021-09-30', 3, '2021-10-11'], // Sunday 10th does not
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

  describe('withPublished: the package years plus published ones', () => {
    const extended = WorkingDayCalendar.withPublished([published2027]);

    it('covers a published year the package does not know', () => {
      expect(extended.coverage()).toEqual({ fromYear: 2004, toYear: 2027 });
      expect(extended.covers('2027-06-01')).toBe(true);
    });

    it('uses exactly the published holidays and make-up days, plus weekends', () => {
      expect(extended.isWorkingDay('2027-01-01')).toBe(false); // published holiday, a Friday
      expect(extended.isWorkingDay('2027-01-02')).toBe(false); // Saturday
      expect(extended.isWorkingDay('2027-01-04')).toBe(true); // Monday
      expect(extended.isWorkingDay('2027-02-08')).toBe(false); // published holiday, a Monday
      expect(extended.isWorkingDay('2027-02-12')).toBe(true); // Friday after the holiday
      expect(extended.isWorkingDay('2027-02-13')).toBe(true); // published make-up Saturday
      expect(extended.isWorkingDay('2027-02-14')).toBe(false); // Sunday
      expect(extended.isWorkingDay('2027-10-01')).toBe(true); // not published as a holiday: a Friday like any other
    });

    it('counts across into the published year', () => {
      expect(extended.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
      expect(extended.workingDaysBetween('2027-02-04', '2027-02-14')).toBe(2); // Fri 12 and the make-up Sat 13
    });

    it('keeps the package data for other years and still refuses uncovered ones, naming the year', () => {
      expect(extended.isWorkingDay('2024-10-12')).toBe(true);
      const error = thrown(() => extended.isWorkingDay('2028-01-03')) as CalendarCoverageError;
      expect(error).toBeInstanceOf(CalendarCoverageError);
      expect(error.year).toBe(2028);
      expect(error.messageEn).toContain('2004–2027');
    });

    it('leaves the national calendar alone', () => {
      expect(WorkingDayCalendar.national()).toBe(calendar);
      expect(calendar.coverage().toYear).toBe(2026);
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarCoverageError);
    });

    it('takes the events as they come: any order, duplicates, extra fields', () => {
      const event = {
        ...published2027,
        notice: { reference: '国办发明电〔2026〕9号' },
        publishedBy: 'admin',
      };
      const corrected = {
        ...published2027,
        revision: 2,
        holidays: [...published2027.holidays, '2027-02-12'],
      };
      const built = WorkingDayCalendar.withPublished([corrected, event, event]);
      // the highest revision counts, whatever the order
      expect(built.isWorkingDay('2027-02-12')).toBe(false);
      expect(WorkingDayCalendar.withPublished([event, corrected]).isWorkingDay('2027-02-12')).toBe(false);
    });

    it('corrects a year the package has: the published arrangement replaces it entirely', () => {
      // A hypothetical correction of 2025 with one day off on Monday 31 March and nothing else.
      const corrected = WorkingDayCalendar.withPublished([year(2025, ['2025-03-31'])]);
      expect(calendar.isWorkingDay('2025-03-31')).toBe(true);
      expect(corrected.isWorkingDay('2025-03-31')).toBe(false);
      expect(corrected.isWorkingDay('2025-10-01')).toBe(true); // exactly what was published
      expect(corrected.isWorkingDay('2025-10-11')).toBe(false); // nor a make-up day
      expect(corrected.isWorkingDay('2024-10-01')).toBe(false); // other years untouched
      expect(corrected.coverage()).toEqual(calendar.coverage());
    });

    it('extends backwards too, and takes several years at once', () => {
      const both = WorkingDayCalendar.withPublished([year(2003, ['2003-10-01']), published2027, year(2028)]);
      expect(both.coverage()).toEqual({ fromYear: 2003, toYear: 2028 });
      expect(both.isWorkingDay('2003-10-01')).toBe(false);
      expect(both.isWorkingDay('2003-10-02')).toBe(true);
    });

    describe("a province's own days (广西 壮族三月三)", () => {
      // Guangxi: Monday 31 March and Tuesday 1 April 2025 off, Sunday 30 March worked (hypothetical days).
      const guangxi2025 = { ...year(2025, ['2025-03-31', '2025-04-01'], ['2025-03-30']), province: '450000' };
      const published = [guangxi2025, published2027, { ...year(2027, ['2027-04-09']), province: '450000' }];

      it('apply on top of the national arrangement, in that province only', () => {
        const guangxi = WorkingDayCalendar.withPublished(published, { province: '450802' });
        expect(guangxi.isWorkingDay('2025-03-31')).toBe(false);
        expect(guangxi.isWorkingDay('2025-03-30')).toBe(true);
        expect(guangxi.isWorkingDay('2025-10-01')).toBe(false); // the national holidays still hold
        expect(guangxi.isWorkingDay('2025-09-28')).toBe(true); // and the national make-up days
        expect(guangxi.isWorkingDay('2027-04-09')).toBe(false);
        const shanxi = WorkingDayCalendar.withPublished(published, { province: '140000' });
        expect(shanxi.isWorkingDay('2025-03-31')).toBe(true);
        expect(shanxi.isWorkingDay('2027-04-09')).toBe(true);
        const national = WorkingDayCalendar.withPublished(published);
        expect(national.isWorkingDay('2025-03-31')).toBe(true);
      });

      it('override the national arrangement on the days they name', () => {
        // a provincial day off on a national make-up Sunday, a provincial make-up day on a national holiday
        const local = { ...year(2025, ['2025-09-28'], ['2025-10-04']), province: '450000' };
        const guangxi = WorkingDayCalendar.withPublished([local], { province: '450000' });
        expect(guangxi.isWorkingDay('2025-09-28')).toBe(false);
        expect(guangxi.isWorkingDay('2025-10-04')).toBe(true);
      });

      it('do not cover a year whose national arrangement is unknown', () => {
        const guangxi = WorkingDayCalendar.withPublished(
          [{ ...year(2027, ['2027-04-09']), province: '450000' }],
          {
            province: '450000',
          },
        );
        expect(guangxi.coverage().toYear).toBe(2026);
        expect((thrown(() => guangxi.isWorkingDay('2027-04-08')) as CalendarCoverageError).year).toBe(2027);
      });
    });

    it.each<[string, PublishedCalendarYear[], RegExp]>([
      ['a gap in coverage', [year(2028)], /2027 missing/],
      ['a gap of several years', [year(2030)], /2027–2029 missing/],
      ['a date outside the year', [{ ...published2027, holidays: ['2026-12-31'] }], /"2026-12-31" of 2027/],
      ['a malformed date', [{ ...published2027, holidays: ['2027-02-30'] }], /"2027-02-30"/],
      [
        'a make-up day on a weekday',
        [{ ...published2027, makeUpWorkdays: ['2027-02-12'] }],
        /not a Saturday or Sunday/,
      ],
      [
        'a day both off and worked',
        [{ ...published2027, makeUpWorkdays: ['2027-02-06'] }],
        /both a holiday and a make-up/,
      ],
      [
        'one revision with two arrangements',
        [published2027, { ...published2027, holidays: [] }],
        /revision 1 of 2027 comes with two different arrangements/,
      ],
      [
        'a revision below 1',
        [{ ...published2027, revision: 0 }],
        /revision of 2027 must be a positive integer/,
      ],
      ['a fractional year', [year(2027.5)], /invalid year/],
      ['an invalid province', [{ ...published2027, province: '990000' }], /invalid province code/],
      [
        'a missing list',
        [{ year: 2027, revision: 1, holidays: [] } as unknown as PublishedCalendarYear],
        /makeUpWorkdays of 2027/,
      ],
    ])('refuses %s', (_label, published, message) => {
      const error = thrown(() =>
        WorkingDayCalendar.withPublished(published, { province: '450000' }),
      ) as InvalidCalendarArrangementError;
      expect(error).toBeInstanceOf(InvalidCalendarArrangementError);
      expect(error.code).toBe('CALENDAR.INVALID_ARRANGEMENT');
      expect(error.messageEn).toMatch(message);
      expect(error.messageZh).toMatch(/节假日安排/);
    });
  });

  it('is immutable', () => {
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.coverage())).toBe(true);
  });
});
