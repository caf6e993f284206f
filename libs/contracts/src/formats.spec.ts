import { creditCodeCheckCharacter, residentIdCheckCharacter } from '@jineng/kernel';
import { FORMATS, formatProblem } from './formats';

// real numbers, made valid (or not) with the kernel's own check characters
const residentId = (first17: string) => `${first17}${residentIdCheckCharacter(first17)}`;
const withWrongCheck = (valid: string) => `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
const creditCode = (first17: string) => `${first17}${creditCodeCheckCharacter(first17)}`;

const VALID_ID = residentId('11010519491231002'); // the GB 11643 example: 11010519491231002X
const VALID_CREDIT_CODE = creditCode('91410100MA44C6HY8');

const valid = (format: string, value: unknown) => expect(formatProblem(format, value)).toBeUndefined();
const invalid = (format: string, value: unknown) => {
  const reason = formatProblem(format, value);
  expect(reason).toEqual({ zh: expect.any(String), en: expect.any(String) });
  return reason!;
};

describe('formats', () => {
  it('covers the proto Format options', () => {
    expect(Object.keys(FORMATS).sort()).toEqual(
      [
        'credit-code',
        'date',
        'date-time',
        'jurisdiction',
        'money-fen',
        'resident-id',
        'signed-money-fen',
        'uuid',
      ].sort(),
    );
  });

  describe('uuid', () => {
    it.each([
      '7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00',
      '7D0F3C8E-5B1A-4C2E-9F3D-2A6B8C4E1F00',
      '01890a5d-ac96-774b-bcce-b302099a8057',
    ])('accepts %s', (value) => valid('uuid', value));
    it.each(['7d0f3c8e5b1a4c2e9f3d2a6b8c4e1f00', '7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f0', 'not-a-uuid', ''])(
      'rejects %j',
      (value) =>
        expect(invalid('uuid', value)).toEqual({
          zh: expect.stringContaining('UUID'),
          en: expect.stringContaining('UUID'),
        }),
    );
  });

  describe('date', () => {
    it.each(['2024-02-29', '2025-12-31', '0001-01-01'])('accepts %s', (value) => valid('date', value));
    it.each(['2025-02-29', '2025-13-01', '2025-1-01', '2025-01-01T00:00:00Z', '20250101'])(
      'rejects %s',
      (value) => expect(invalid('date', value).en).toBe('must be a real calendar date as YYYY-MM-DD'),
    );
  });

  describe('date-time', () => {
    it.each([
      '2025-03-01T09:30:00+08:00',
      '2025-03-01T01:30:00Z',
      '2025-03-01T01:30:00.123Z',
      '2024-02-29T23:59:59-05:30',
    ])('accepts %s', (value) => valid('date-time', value));
    it.each([
      '2025-03-01T09:30:00', // no offset: which moment?
      '2025-03-01T09:30+08:00', // no seconds
      '2025-02-30T09:30:00+08:00',
      '2025-03-01T24:00:00Z',
      '2025-03-01T09:60:00Z',
      '2025-03-01 09:30:00+08:00',
      '2025-03-01',
    ])('rejects %s', (value) =>
      expect(invalid('date-time', value).zh).toContain('带时区偏移的 ISO 8601 时间'),
    );
  });

  describe('jurisdiction', () => {
    it.each(['410000', '410100', '410102', '419001'])('accepts %s', (value) => valid('jurisdiction', value));
    it('rejects a code that is not 6 digits', () => {
      expect(invalid('jurisdiction', '41010').en).toContain('must be 6 digits');
    });
    it('rejects a code of no province', () => {
      expect(invalid('jurisdiction', '990100').zh).toContain('前两位不是省级行政区划代码');
    });
  });

  describe('resident-id (GB 11643)', () => {
    it('accepts numbers with the right check character', () => {
      expect(VALID_ID).toBe('11010519491231002X');
      valid('resident-id', VALID_ID);
      valid('resident-id', residentId('44052418800101001'));
      valid('resident-id', residentId('41010220000229123'));
    });
    it('rejects a wrong check character, and says so', () => {
      const reason = invalid('resident-id', withWrongCheck(VALID_ID));
      expect(reason.zh).toBe('身份证号码无效：校验码不符，请核对号码');
      expect(reason.en).toBe(
        'invalid resident ID number: the check character does not match; check the number for typos',
      );
    });
    it('rejects other defects with their own reason, never quoting the number', () => {
      const cases: [string, string][] = [
        ['11010519491231002', 'must be 18 characters long'],
        ['110105194912310', 'first-generation 15-digit numbers are no longer valid'],
        ['1101051949123100AX', 'the first 17 characters must be digits'],
        [residentId('99010519491231002'), 'the first two digits are not a province code'],
        [residentId('11010519490231002'), 'the birth date is not a real date'],
        [residentId('11010529991231002'), 'the birth date is in the future'],
      ];
      for (const [value, en] of cases) {
        const reason = invalid('resident-id', value);
        expect(reason.en).toContain(en);
        expect(`${reason.zh} ${reason.en}`).not.toContain(value);
      }
    });
  });

  describe('credit-code (GB 32100)', () => {
    it('accepts codes with the right check character', () => {
      valid('credit-code', VALID_CREDIT_CODE);
      valid('credit-code', creditCode('12100000400000770'));
    });
    it('rejects a wrong check character', () => {
      const wrong = `${VALID_CREDIT_CODE.slice(0, 17)}${VALID_CREDIT_CODE[17] === '0' ? '1' : '0'}`;
      expect(invalid('credit-code', wrong).zh).toContain('校验码不符');
    });
    it('rejects letters the standard leaves out and a wrong length', () => {
      expect(
        invalid('credit-code', `${VALID_CREDIT_CODE.slice(0, 10)}I${VALID_CREDIT_CODE.slice(11)}`).en,
      ).toContain('contains "I"');
      expect(invalid('credit-code', VALID_CREDIT_CODE.slice(1)).en).toContain('must be 18 characters long');
    });
  });

  describe('money-fen', () => {
    it.each([0, 1, 123456, Number.MAX_SAFE_INTEGER])('accepts %d fen', (value) => valid('money-fen', value));
    it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1])('rejects %d', (value) =>
      expect(invalid('money-fen', value).zh).toBe('应为不小于 0 的整数金额（单位：分）'),
    );
  });

  describe('signed-money-fen (a deduction line)', () => {
    it.each([-Number.MAX_SAFE_INTEGER, -80_000, 0, 1, Number.MAX_SAFE_INTEGER])('accepts %d fen', (value) =>
      valid('signed-money-fen', value),
    );
    it.each([-1.5, 0.01, Number.MAX_SAFE_INTEGER + 1, -Number.MAX_SAFE_INTEGER - 2])('rejects %d', (value) =>
      expect(invalid('signed-money-fen', value).zh).toBe('应为整数金额（单位：分，可为负数）'),
    );
  });

  it('leaves values of another JSON type, and formats of others, to other keywords', () => {
    expect(formatProblem('uuid', 42)).toBeUndefined();
    expect(formatProblem('money-fen', '100')).toBeUndefined();
    expect(formatProblem('email', 'x')).toBeUndefined();
    expect(formatProblem('constructor', 'x')).toBeUndefined();
  });
});
