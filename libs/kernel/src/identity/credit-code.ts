import { KernelError, quote } from '../kernel-error';
import { fail, ok, type Result } from '../result';

export type CreditCodeReasonCode =
  'CREDIT_CODE.LENGTH' | 'CREDIT_CODE.CHARSET' | 'CREDIT_CODE.REGION' | 'CREDIT_CODE.CHECKSUM';

// GB 32100-2015: 31 characters, digits and capitals without I, O, Z, S, V (too easily misread).
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// The weight of position i is 3^i mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters: (31 − Σ value × weight mod 31) mod 31. */
export function creditCodeCheckCharacter(first17: string): string {
  const values = [...first17].map((c) => CHARSET.indexOf(c));
  if (values.length !== 17 || values.some((v) => v < 0)) {
    throw new KernelError(
      'CREDIT_CODE.CHARSET',
      `${quote(first17)} 不是 17 位代码字符`,
      `${quote(first17)} is not 17 code characters`,
    );
  }
  const sum = values.reduce((acc, value, i) => acc + value * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

const reject = (code: CreditCodeReasonCode, input: string, zh: string, en: string) =>
  fail(
    code,
    `统一社会信用代码 ${quote(input)} 无效：${zh}`,
    `invalid unified social credit code ${quote(input)}: ${en}`,
  );

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) of an institution or enterprise,
 * checked and upper-cased. Public registration data, so it is shown in clear.
 */
export class CreditCode {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Checks length, characters, that positions 3–8 are a (digit) region code, and the check character. */
  static parse(input: string): Result<CreditCode, CreditCodeReasonCode> {
    if (typeof input !== 'string' || input.length !== 18) {
      return reject('CREDIT_CODE.LENGTH', String(input), '应为 18 位', 'must be 18 characters long');
    }
    const value = input.replace(/[a-z]/g, (c) => c.toUpperCase());
    const bad = [...value].find((c) => !CHARSET.includes(c));
    if (bad !== undefined) {
      return reject(
        'CREDIT_CODE.CHARSET',
        input,
        `含有不允许的字符 ${quote(bad)}（只允许数字和除 I、O、Z、S、V 以外的大写字母）`,
        `contains ${quote(bad)}; only digits and capital letters other than I, O, Z, S, V are allowed`,
      );
    }
    if (!/^\d{6}$/.test(value.slice(2, 8))) {
      return reject(
        'CREDIT_CODE.REGION',
        input,
        '第 3–8 位应为数字行政区划代码',
        'positions 3–8 must be a numeric region code',
      );
    }
    if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) {
      return reject(
        'CREDIT_CODE.CHECKSUM',
        input,
        '校验码不符，请核对代码',
        'the check character does not match; check the code for typos',
      );
    }
    return ok(new CreditCode(value));
  }

  /** Position 1: the registering authority, e.g. '9' market regulation (工商), '5' civil affairs (民政). */
  get registrationAuthority(): string {
    return this.value[0];
  }

  /** Position 2: the kind of entity under that authority, e.g. under '9': '1' enterprise, '2' individual business. */
  get entityType(): string {
    return this.value[1];
  }

  /** Positions 3–8: the administrative division code of the registering authority. */
  get regionCode(): string {
    return this.value.slice(2, 8);
  }

  /** Positions 9–17: the organisation code (组织机构代码). */
  get organisationCode(): string {
    return this.value.slice(8, 17);
  }

  equals(other: CreditCode): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
