import * as kernel from '@jineng/kernel';

describe('@jineng/kernel', () => {
  it('exposes the public API through the path alias', () => {
    expect(Object.keys(kernel).sort()).toEqual(
      [
        'CalendarCoverageError',
        'CreditCode',
        'InvalidCalendarArrangementError',
        'InvalidDateError',
        'JurisdictionCode',
        'KernelError',
        'Money',
        'MoneyError',
        'Rate',
        'ResidentId',
        'WorkingDayCalendar',
        'addCalendarDays',
        'calendarDaysBetween',
        'controllableClock',
        'creditCodeCheckCharacter',
        'dayOfWeek',
        'fail',
        'fixedClock',
        'isIsoDate',
        'isUuid',
        'newId',
        'offsetClock',
        'ok',
        'residentIdCheckCharacter',
        'shanghaiDate',
        'shanghaiToday',
        'systemClock',
        'generateSealingKeyPair',
        'openSealedBox',
        'PAYEE_ACCOUNT_PURPOSE',
        'sealBox',
        'sealingPrivateKey',
        'sealingPublicKey',
        'SealedBoxError',
      ].sort(),
    );
  });

  it('works end to end: a subsidy due within working days of a Shanghai date', () => {
    const today = kernel.shanghaiToday(kernel.fixedClock('2025-09-29T17:00:00Z')); // 01:00 on 30 Sep in Shanghai
    expect(today).toBe('2025-09-30');
    expect(kernel.WorkingDayCalendar.national().addWorkingDays(today, 3)).toBe('2025-10-11');
    const [first, second] = kernel.Money.parse('1000.00').multiplyByRate('80%').allocateEvenly(2);
    expect([first.format(), second.format()]).toEqual(['¥400.00', '¥400.00']);
  });
});
