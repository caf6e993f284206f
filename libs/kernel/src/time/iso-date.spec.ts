import {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  InvalidDateError,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  requireIsoDate,
  toDayNumber,
} from './iso-date';

describe('iso-date', () => {
  it.each(['2024-02-29', '2000-02-29', '1949-10-01', '0001-01-01', '9999-12-31', '2025-12-31'])(
    'accepts the real date %s',
    (s) => {
      expect(isIsoDate(s)).toBe(true);
      expect(formatIsoDate(requireIsoDate(s))).toBe(s);
    },
  );

  it.each([
    ['Feb 30', '2025-02-30'],
    ['Feb 29 in a common year', '2025-02-29'],
    ['Feb 29 in a century year', '1900-02-29'],
    ['month 13', '2025-13-01'],
    ['month 0', '2025-00-10'],
    ['day 0', '2025-01-00'],
    ['April 31', '2025-04-31'],
    ['year 0', '0000-01-01'],
    ['no padding', '2025-1-1'],
    ['compact form', '20250101'],
    ['a timestamp', '2025-01-01T00:00:00Z'],
    ['surrounding space', ' 2025-01-01'],
    ['trailing newline', '2025-01-01\n'],
    ['slashes', '2025/01/01'],
  ])('rejects %s (%j)', (_label, s) => {
    expect(isIsoDate(s)).toBe(false);
    expect(() => requireIsoDate(s)).toThrow(InvalidDateError);
  });

  it('rejects non-strings', () => {
    expect(parseIsoDate(20250101)).toBeUndefined();
    expect(parseIsoDate(new Date())).toBeUndefined();
    expect(parseIsoDate(undefined)).toBeUndefined();
  });

  it('says what was wrong, in Chinese and English, with a stable code', () => {
    const error = new InvalidDateError('2025-02-30');
    expect(error.code).toBe('DATE.INVALID');
    expect(error.messageZh).toContain('"2025-02-30"');
    expect(error.messageEn).toContain('"2025-02-30"');
    expect(error.message).toBe(error.messageEn);
    expect(error.name).toBe('InvalidDateError');
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('counts day numbers from 1970-01-01 and back, including years below 100', () => {
    expect(toDayNumber(requireIsoDate('1970-01-01'))).toBe(0);
    expect(toDayNumber(requireIsoDate('1970-01-02'))).toBe(1);
    expect(toDayNumber(requireIsoDate('1969-12-31'))).toBe(-1);
    expect(toDayNumber(requireIsoDate('2000-03-01'))).toBe(11017);
    for (const s of ['0001-01-01', '0099-12-31', '1582-10-10', '2024-02-29', '9999-12-31']) {
      expect(formatIsoDate(fromDayNumber(toDayNumber(requireIsoDate(s))))).toBe(s);
    }
    expect(toDayNumber(requireIsoDate('0050-01-01'))).toBeLessThan(toDayNumber(requireIsoDate('1950-01-01')));
  });

  it('gives the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2024-10-12')).toBe(6);
    expect(dayOfWeek('2024-10-13')).toBe(0);
    expect(dayOfWeek('2025-01-01')).toBe(3);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addCalendarDays('2025-03-10', 0)).toBe('2025-03-10');
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('refuses fractional day counts and results beyond year 9999', () => {
    expect(() => addCalendarDays('2025-01-01', 1.5)).toThrow(/integer/);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(InvalidDateError);
    expect(() => addCalendarDays('2025-02-30', 1)).toThrow(InvalidDateError);
  });

  it('counts calendar days between two dates, signed', () => {
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(calendarDaysBetween('2025-05-05', '2025-05-05')).toBe(0);
  });
});
