import { KernelError } from '../kernel-error';
import { isProvinceCode } from '../jurisdiction/province-codes';
import { fail, ok, type Result } from '../result';
import { parseIsoDate, requireIsoDate, type IsoDate } from '../time/iso-date';

export type ResidentIdReasonCode =
  | 'RESIDENT_ID.LENGTH'
  | 'RESIDENT_ID.FIFTEEN_DIGIT'
  | 'RESIDENT_ID.CHARSET'
  | 'RESIDENT_ID.REGION'
  | 'RESIDENT_ID.BIRTH_DATE'
  | 'RESIDENT_ID.CHECKSUM';

export type Gender = 'male' | 'female';

// GB 11643-1999: weight of position i is 2^(17-i) mod 11; the check character maps (sum mod 11).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character ('0'–'9' or 'X') of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new KernelError('RESIDENT_ID.CHARSET', '需要 17 位数字', 'expected 17 digits');
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

// Messages never quote the number: it is personal data (ARCHITECTURE §6), and a message may be logged.
const reject = (code: ResidentIdReasonCode, zh: string, en: string) =>
  fail(code, `身份证号码无效：${zh}`, `invalid resident ID number: ${en}`);

/**
 * An 18-character resident identity number (公民身份号码, GB 11643-1999), checked and normalised
 * (a lower-case check 'x' becomes 'X').
 *
 * It is personal data, so it hides itself: `toString()`, `toJSON()` and Node's inspection (console.log)
 * all give the masked form, and the clear value lives in a private field that no serialiser sees.
 * Only `unmasked()` returns it — for encryption or the keyed hash, never for an event or a log.
 */
export class ResidentId {
  readonly #value: string;

  private constructor(value: string) {
    this.#value = value;
    Object.freeze(this);
  }

  /**
   * Checks, in this order: length (15-digit first-generation numbers have their own reason),
   * characters, province of the region code, birth date (a real date, not after `today`), check character.
   * `today` is the Asia/Shanghai date, e.g. `shanghaiToday(clock)`; a malformed one throws InvalidDateError.
   */
  static parse(input: string, today: IsoDate): Result<ResidentId, ResidentIdReasonCode> {
    requireIsoDate(today);
    if (typeof input !== 'string' || input.length !== 18) {
      if (typeof input === 'string' && /^\d{15}$/.test(input)) {
        return reject(
          'RESIDENT_ID.FIFTEEN_DIGIT',
          '15 位的第一代身份证号码不再有效，请使用 18 位号码',
          'first-generation 15-digit numbers are no longer valid; use the 18-character number',
        );
      }
      return reject('RESIDENT_ID.LENGTH', '应为 18 位', 'must be 18 characters long');
    }
    const value = input.endsWith('x') ? `${input.slice(0, 17)}X` : input;
    if (!/^\d{17}[\dX]$/.test(value)) {
      return reject(
        'RESIDENT_ID.CHARSET',
        '前 17 位应为数字，最后一位应为数字或 X',
        'the first 17 characters must be digits and the last a digit or X',
      );
    }
    if (!isProvinceCode(value.slice(0, 2))) {
      return reject(
        'RESIDENT_ID.REGION',
        '前两位不是有效的省级行政区划代码',
        'the first two digits are not a province code',
      );
    }
    const birthDate = birthDateOf(value);
    if (!parseIsoDate(birthDate)) {
      return reject('RESIDENT_ID.BIRTH_DATE', '出生日期不是有效日期', 'the birth date is not a real date');
    }
    if (birthDate > today) {
      return reject('RESIDENT_ID.BIRTH_DATE', '出生日期晚于今天', 'the birth date is in the future');
    }
    if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
      return reject(
        'RESIDENT_ID.CHECKSUM',
        '校验码不符，请核对号码',
        'the check character does not match; check the number for typos',
      );
    }
    return ok(new ResidentId(value));
  }

  /** The birth date, 'YYYY-MM-DD'. */
  get birthDate(): IsoDate {
    return birthDateOf(this.#value);
  }

  /** From the 17th digit, the sequence number: odd for men, even for women. */
  get gender(): Gender {
    return Number(this.#value[16]) % 2 === 1 ? 'male' : 'female';
  }

  /** The six-digit administrative division code of the place of first registration (may be obsolete). */
  get regionCode(): string {
    return this.#value.slice(0, 6);
  }

  /**
   * Age in whole years (周岁) on `date`: it goes up on the birthday itself; someone born on 29 February
   * turns a year older on 1 March in common years.
   */
  ageOn(date: IsoDate): number {
    const on = requireIsoDate(date);
    const birth = requireIsoDate(this.birthDate);
    if (date < this.birthDate) {
      throw new KernelError(
        'RESIDENT_ID.AGE_BEFORE_BIRTH',
        `${date} 早于出生日期，无法计算年龄`,
        `cannot compute an age on ${date}, which is before the birth date`,
      );
    }
    const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
    return on.year - birth.year - (hadBirthday ? 0 : 1);
  }

  /** First 4 and last 4 characters, the rest as '*': '1426**********123X'. */
  mask(): string {
    return `${this.#value.slice(0, 4)}${'*'.repeat(10)}${this.#value.slice(14)}`;
  }

  /** The clear number. Only for encryption at rest or the keyed lookup hash; never log it or put it in an event. */
  unmasked(): string {
    return this.#value;
  }

  equals(other: ResidentId): boolean {
    return this.#value === other.#value;
  }

  toString(): string {
    return this.mask();
  }

  toJSON(): string {
    return this.mask();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `ResidentId(${this.mask()})`;
  }
}

const birthDateOf = (value: string): IsoDate =>
  `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
