import chineseDays from 'chinese-days/dist/chinese-days.json';
import { parseIsoDate } from '../time/iso-date';

/** One year's departures from the Monday–Friday week. */
export interface YearArrangement {
  /** Days off by official arrangement, weekends inside a holiday period included. */
  readonly holidays: ReadonlySet<string>;
  /** Saturdays and Sundays worked in exchange for a holiday (调休上班). */
  readonly makeUpWorkdays: ReadonlySet<string>;
}

/**
 * The State Council holiday arrangements as published by the `chinese-days` package, by year. Read
 * from its data file rather than through its functions, which answer for any date — including years
 * the package knows nothing about.
 */
export function loadNationalArrangements(): ReadonlyMap<number, YearArrangement> {
  const years = new Map<number, { holidays: Set<string>; makeUpWorkdays: Set<string> }>();
  const yearOf = (date: string) => {
    const parsed = parseIsoDate(date);
    if (!parsed) throw new Error(`chinese-days data holds a malformed date ${JSON.stringify(date)}`);
    let year = years.get(parsed.year);
    if (!year) years.set(parsed.year, (year = { holidays: new Set(), makeUpWorkdays: new Set() }));
    return year;
  };
  for (const date of Object.keys(chineseDays.holidays)) yearOf(date).holidays.add(date);
  for (const date of Object.keys(chineseDays.workdays)) yearOf(date).makeUpWorkdays.add(date);
  return years;
}
