// Public API of @jineng/kernel: value objects and checks shared by every service. Pure: no framework.
export { fail, ok, type Reason, type Result } from './result';
export { KernelError } from './kernel-error';
export { isUuid, newId } from './ids';

export { Money } from './money/money';
export { MoneyError, type MoneyErrorCode } from './money/money.errors';
export { Rate, type RateInput } from './money/rate';

export {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  InvalidDateError,
  isIsoDate,
  type IsoDate,
} from './time/iso-date';
export {
  controllableClock,
  fixedClock,
  offsetClock,
  shanghaiDate,
  shanghaiToday,
  systemClock,
  type Clock,
  type ControllableClock,
} from './time/clock';

export {
  WorkingDayCalendar,
  type CalendarCoverage,
  type PublishedCalendarYear,
} from './working-days/working-day-calendar';
export {
  CalendarCoverageError,
  InvalidCalendarArrangementError,
} from './working-days/working-day-calendar.errors';

export {
  ResidentId,
  residentIdCheckCharacter,
  type Gender,
  type ResidentIdReasonCode,
} from './identity/resident-id';
export { CreditCode, creditCodeCheckCharacter, type CreditCodeReasonCode } from './identity/credit-code';

export {
  JurisdictionCode,
  type JurisdictionCodeReasonCode,
  type JurisdictionLevel,
} from './jurisdiction/jurisdiction-code';

export {
  generateSealingKeyPair,
  open as openSealedBox,
  PAYEE_ACCOUNT_PURPOSE,
  seal as sealBox,
  sealingPrivateKey,
  sealingPublicKey,
  SealedBoxError,
} from './sealing/sealed-box';
