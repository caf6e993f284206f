import { quote } from '../kernel-error';
import { fail, ok, type Result } from '../result';
import { isProvinceCode } from './province-codes';

export type JurisdictionLevel = 'province' | 'city' | 'county';

export type JurisdictionCodeReasonCode =
  'JURISDICTION_CODE.FORMAT' | 'JURISDICTION_CODE.PROVINCE' | 'JURISDICTION_CODE.STRUCTURE';

const reject = (code: JurisdictionCodeReasonCode, input: unknown, zh: string, en: string) =>
  fail(
    code,
    `行政区划代码 ${quote(input)} 无效：${zh}`,
    `invalid administrative division code ${quote(input)}: ${en}`,
  );

/**
 * A six-digit administrative division code (GB/T 2260): digits 1–2 the province, 3–4 the city
 * (prefecture), 5–6 the county or district. Province XX0000, city XXYY00, county anything else.
 *
 * County-level units administered directly by a province (省直辖县级行政单位, e.g. 济源 419001,
 * 仙桃 429004) carry 90 in digits 3–4 and belong to no city: their parent is the province (not the
 * grouping code XX9000, which is a listing heading rather than a jurisdiction).
 *
 * Only the shape is checked, not that the code is in the current edition of GB/T 2260: codes are
 * renumbered over time and old records keep the old ones.
 */
export class JurisdictionCode {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  static parse(input: string): Result<JurisdictionCode, JurisdictionCodeReasonCode> {
    if (typeof input !== 'string' || !/^\d{6}$/.test(input)) {
      return reject('JURISDICTION_CODE.FORMAT', input, '应为 6 位数字', 'must be 6 digits');
    }
    if (!isProvinceCode(input.slice(0, 2))) {
      return reject(
        'JURISDICTION_CODE.PROVINCE',
        input,
        '前两位不是省级行政区划代码',
        'the first two digits are not a province code',
      );
    }
    if (input.slice(2, 4) === '00' && input.slice(4) !== '00') {
      return reject(
        'JURISDICTION_CODE.STRUCTURE',
        input,
        '县级代码的第 3–4 位不能为 00',
        'a county-level code cannot have 00 in digits 3–4',
      );
    }
    return ok(new JurisdictionCode(input));
  }

  get level(): JurisdictionLevel {
    if (this.value.endsWith('0000')) return 'province';
    if (this.value.endsWith('00')) return 'city';
    return 'county';
  }

  /** A county-level unit directly under its province (digits 3–4 are 90), with no city above it. */
  get isProvinceDirect(): boolean {
    return this.level === 'county' && this.value.slice(2, 4) === '90';
  }

  /** The jurisdiction directly above: county → city (or province if province-direct), city → province, province → none. */
  parent(): JurisdictionCode | undefined {
    switch (this.level) {
      case 'province':
        return undefined;
      case 'city':
        return this.province();
      case 'county':
        return this.isProvinceDirect ? this.province() : new JurisdictionCode(`${this.value.slice(0, 4)}00`);
    }
  }

  province(): JurisdictionCode {
    return new JurisdictionCode(`${this.value.slice(0, 2)}0000`);
  }

  /** True for the same jurisdiction or one below it: an officer of `other` may see records of this one. */
  isWithin(other: JurisdictionCode): boolean {
    return this.equals(other) || (this.parent()?.isWithin(other) ?? false);
  }

  equals(other: JurisdictionCode): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
