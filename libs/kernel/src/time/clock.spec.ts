import { KernelError } from '../kernel-error';
import {
  controllableClock,
  fixedClock,
  offsetClock,
  shanghaiDate,
  shanghaiToday,
  systemClock,
} from './clock';
import { InvalidDateError } from './iso-date';

describe('clock', () => {
  it('controllableClock stands still until a test sets or advances it', () => {
    const clock = controllableClock('2025-03-03T08:00:00+08:00');
    expect(clock.now().toISOString()).toBe('2025-03-03T00:00:00.000Z');
    clock.advance(10 * 60 * 60 * 1000);
    expect(clock.now().toISOString()).toBe('2025-03-03T10:00:00.000Z');
    expect(shanghaiToday(clock)).toBe('2025-03-03');
    clock.set('2025-03-03T18:30:00+08:00');
    expect(clock.now().toISOString()).toBe('2025-03-03T10:30:00.000Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2025);
    expect(() => clock.set('tomorrow')).toThrow(expect.objectContaining({ code: 'CLOCK.INVALID_INSTANT' }));
    expect(() => clock.advance(Number.NaN)).toThrow(expect.objectContaining({ code: 'CLOCK.INVALID_STEP' }));
  });

  it('offsetClock runs with the system clock, shifted by the offset it reads each time', () => {
    let offset = 24 * 60 * 60 * 1000;
    const clock = offsetClock(() => offset);
    const shifted = clock.now().getTime() - Date.now();
    expect(Math.abs(shifted - offset)).toBeLessThan(50);
    offset = -offset;
    expect(Math.abs(clock.now().getTime() - Date.now() - offset)).toBeLessThan(50);
  });

  it('systemClock tells the current time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('fixedClock stays at the given instant', () => {
    const clock = fixedClock('2025-01-01T08:30:00+08:00');
    expect(clock.now().toISOString()).toBe('2025-01-01T00:30:00.000Z');
    expect(clock.now().getTime()).toBe(clock.now().getTime());
  });

  it('fixedClock cannot be moved by mutating the Date it returned', () => {
    const clock = fixedClock('2025-01-01T00:00:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it.each(['2025-01-01T00:00:00', '2025-01-01', 'yesterday', '2025-13-01T00:00:00Z', ''])(
    'fixedClock refuses %j, which has no offset or is no instant',
    (iso) => {
      expect(() => fixedClock(iso)).toThrow(KernelError);
      expect(() => fixedClock(iso)).toThrow(expect.objectContaining({ code: 'CLOCK.INVALID_INSTANT' }));
    },
  );

  describe('shanghaiDate', () => {
    it.each([
      ['2024-12-31T15:59:59.999Z', '2024-12-31'], // 23:59:59.999 in Shanghai
      ['2024-12-31T16:00:00.000Z', '2025-01-01'], // midnight in Shanghai, still 31 Dec in UTC
      ['2025-01-01T00:00:00+08:00', '2025-01-01'],
      ['2024-12-31T23:59:59.999+08:00', '2024-12-31'],
      ['2024-02-28T16:00:00Z', '2024-02-29'],
      ['2025-06-30T23:00:00-05:00', '2025-07-01'], // 12:00 next day in Shanghai
    ])('%s is %s in Shanghai', (instant, expected) => {
      expect(shanghaiDate(new Date(instant))).toBe(expected);
    });

    it('does not depend on the zone of the machine', () => {
      // The UTC date and the Shanghai date differ for eight hours every day.
      const instant = new Date('2025-03-09T20:00:00Z');
      expect(instant.toISOString().slice(0, 10)).toBe('2025-03-09');
      expect(shanghaiDate(instant)).toBe('2025-03-10');
    });

    it('refuses an invalid Date', () => {
      expect(() => shanghaiDate(new Date('nonsense'))).toThrow(InvalidDateError);
    });
  });

  it("shanghaiToday reads the clock's Shanghai date", () => {
    expect(shanghaiToday(fixedClock('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(shanghaiToday(fixedClock('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
  });
});
