import { inspect, format } from 'node:util';
import { InvalidDateError } from '../time/iso-date';
import { ResidentId, residentIdCheckCharacter } from './resident-id';

// The check character computed here from the standard's definition (weights 2^(17-i) mod 11, check
// value (12 - sum mod 11) mod 11 with 10 written X), independently of the table in the implementation.
function checkOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const withCheck = (first17: string) => first17 + checkOf(first17);

const TODAY = '2025-06-01';
const parse = (input: string, today = TODAY) => ResidentId.parse(input, today);
const valid = (input: string, today = TODAY) => {
  const result = parse(input, today);
  if (!result.ok) throw new Error(`expected ${input} to be valid, got ${result.reason.code}`);
  return result.value;
};
const reasonOf = (input: string, today = TODAY) => {
  const result = parse(input, today);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.reason;
};

describe('ResidentId', () => {
  describe('accepts valid numbers', () => {
    it('the GB 11643 example 11010519491231002X', () => {
      const id = valid('11010519491231002X');
      expect(id.birthDate).toBe('1949-12-31');
      expect(id.gender).toBe('female'); // 17th digit 2
      expect(id.regionCode).toBe('110105');
      expect(id.unmasked()).toBe('11010519491231002X');
    });

    it('440524188001010014', () => {
      const id = valid('440524188001010014');
      expect(id.birthDate).toBe('1880-01-01');
      expect(id.gender).toBe('male'); // 17th digit 1
      expect(id.regionCode).toBe('440524');
    });

    it.each(['14260219900105123X', '140802199001011237', '450881198512304561', '53030220000229003X'])(
      'the computed number %s',
      (input) => {
        expect(checkOf(input.slice(0, 17))).toBe(input[17]);
        expect(parse(input).ok).toBe(true);
      },
    );

    it('a lower-case x, normalised to X', () => {
      const id = valid('11010519491231002x');
      expect(id.unmasked()).toBe('11010519491231002X');
      expect(id.equals(valid('11010519491231002X'))).toBe(true);
    });

    it('someone born today', () => {
      expect(parse(withCheck('11010520250601001'), '2025-06-01').ok).toBe(true);
    });
  });

  describe('rejects', () => {
    it.each([
      ['a wrong check character', '110105194912310021'],
      ['a lower-case x where a digit belongs', '44052418800101001x'],
      ['one mistyped digit', '11010519491231003X'],
      ['two swapped digits', '11010519491231020X'],
      ['a valid prefix with a wrong check', '440524188001010015'],
    ])('%s with RESIDENT_ID.CHECKSUM', (_label, input) => {
      expect(reasonOf(input).code).toBe('RESIDENT_ID.CHECKSUM');
    });

    it('a 15-digit first-generation number with its own reason', () => {
      const reason = reasonOf('110105491231002');
      expect(reason.code).toBe('RESIDENT_ID.FIFTEEN_DIGIT');
      expect(reason.messageZh).toMatch(/15 位/);
      expect(reason.messageEn).toMatch(/15-digit/);
    });

    it.each([
      ['empty', ''],
      ['17 digits', '11010519491231002'],
      ['19 characters', '11010519491231002X1'],
      ['15 characters that are not all digits', '11010549123100X'],
      ['a number with spaces', '110105 19491231 002X'],
    ])('%s with RESIDENT_ID.LENGTH', (_label, input) => {
      expect(reasonOf(input).code).toBe('RESIDENT_ID.LENGTH');
    });

    it('a non-string with RESIDENT_ID.LENGTH', () => {
      expect(reasonOf(110105194912310020 as unknown as string).code).toBe('RESIDENT_ID.LENGTH');
    });

    it.each([
      ['X inside', '1101051949X231002X'],
      ['another letter last', '11010519491231002Y'],
      ['a space inside', '110105194912 1002X'],
      ['full-width digits', '１１０１０５１９４９１２３１００２X'],
      ['a minus sign', '-11010519491231002'],
    ])('%s with RESIDENT_ID.CHARSET', (_label, input) => {
      expect(reasonOf(input).code).toBe('RESIDENT_ID.CHARSET');
    });

    it.each([
      '00',
      '10',
      '16',
      '20',
      '24',
      '30',
      '38',
      '47',
      '55',
      '60',
      '66',
      '70',
      '72',
      '80',
      '83',
      '90',
      '99',
    ])('province part %s with RESIDENT_ID.REGION', (province) => {
      expect(reasonOf(withCheck(`${province}010519491231002`)).code).toBe('RESIDENT_ID.REGION');
    });

    it.each([
      ['30 February', '19900230'],
      ['29 February of a common year', '19900229'],
      ['month 13', '19901301'],
      ['month 00', '19900001'],
      ['day 00', '19900100'],
      ['31 April', '19900431'],
      ['year 0000', '00000101'],
    ])(
      'a birth date on %s with RESIDENT_ID.BIRTH_DATE, even with a valid check character',
      (_label, birth) => {
        const input = withCheck(`110105${birth}002`);
        expect(reasonOf(input).code).toBe('RESIDENT_ID.BIRTH_DATE');
        expect(reasonOf(input).messageEn).toMatch(/not a real date/);
      },
    );

    it('a birth date after today with RESIDENT_ID.BIRTH_DATE', () => {
      const bornTomorrow = withCheck('11010520250602001');
      const reason = reasonOf(bornTomorrow, '2025-06-01');
      expect(reason.code).toBe('RESIDENT_ID.BIRTH_DATE');
      expect(reason.messageZh).toMatch(/晚于今天/);
      expect(reason.messageEn).toMatch(/future/);
      expect(parse(bornTomorrow, '2025-06-02').ok).toBe(true);
    });

    it('reports the date before the checksum, as the more useful reason', () => {
      const badDateBadCheck = '110105199002300021';
      expect(checkOf(badDateBadCheck.slice(0, 17))).not.toBe(badDateBadCheck[17]);
      expect(reasonOf(badDateBadCheck).code).toBe('RESIDENT_ID.BIRTH_DATE');
    });

    it('a malformed today, by throwing: that is a programming error, not bad input', () => {
      expect(() => parse('11010519491231002X', '2025-6-1')).toThrow(InvalidDateError);
    });
  });

  it('never quotes the number in a rejection', () => {
    for (const input of [
      '110105194912310021',
      withCheck('11010519900230002'),
      withCheck('16010519491231002'),
    ]) {
      const reason = reasonOf(input);
      for (const message of [reason.messageZh, reason.messageEn]) {
        expect(message).not.toContain(input.slice(0, 6));
        expect(message).not.toContain(input.slice(6, 14));
      }
    }
  });

  describe('reads the number', () => {
    it('gender from the parity of the 17th digit', () => {
      expect(valid(withCheck('11010519900101001')).gender).toBe('male');
      expect(valid(withCheck('11010519900101002')).gender).toBe('female');
      expect(valid(withCheck('11010519900101009')).gender).toBe('male');
      expect(valid(withCheck('11010519900101000')).gender).toBe('female');
    });

    it('age in whole years, going up on the birthday', () => {
      const id = valid(withCheck('11010519900615001'));
      expect(id.ageOn('2025-06-14')).toBe(34);
      expect(id.ageOn('2025-06-15')).toBe(35);
      expect(id.ageOn('2025-12-31')).toBe(35);
      expect(id.ageOn('1990-06-15')).toBe(0);
      expect(id.ageOn('1991-06-14')).toBe(0);
      expect(valid('440524188001010014').ageOn('2025-01-01')).toBe(145);
    });

    it('age of someone born on 29 February goes up on 1 March in common years', () => {
      const id = valid('53030220000229003X');
      expect(id.ageOn('2025-02-28')).toBe(24);
      expect(id.ageOn('2025-03-01')).toBe(25);
      expect(id.ageOn('2024-02-28')).toBe(23);
      expect(id.ageOn('2024-02-29')).toBe(24);
    });

    it('refuses an age before birth or on a malformed date', () => {
      const id = valid(withCheck('11010519900615001'));
      expect(() => id.ageOn('1990-06-14')).toThrow(
        expect.objectContaining({ code: 'RESIDENT_ID.AGE_BEFORE_BIRTH' }),
      );
      expect(() => id.ageOn('2025-02-30')).toThrow(InvalidDateError);
    });
  });

  describe('does not leak the clear number', () => {
    const id = valid('14260219900105123X');
    const clear = '14260219900105123X';

    it('masks to the first 4 and last 4 with 10 stars between', () => {
      expect(id.mask()).toBe('1426**********123X');
      expect(valid('11010519491231002X').mask()).toBe('1101**********002X');
    });

    it('through toString, template strings and JSON', () => {
      expect(String(id)).toBe('1426**********123X');
      expect(`${id}`).toBe('1426**********123X');
      expect(JSON.stringify({ worker: { id } })).toBe('{"worker":{"id":"1426**********123X"}}');
    });

    it('through console.log-style inspection and formatting', () => {
      for (const shown of [
        inspect(id),
        inspect({ nested: [id] }, { depth: 5 }),
        format('%s %o %O %j', id, id, id, id),
      ]) {
        expect(shown).not.toContain(clear);
        expect(shown).not.toContain('19900105');
        expect(shown).toContain('1426**********123X');
      }
    });

    it('through property enumeration', () => {
      expect(Object.keys(id)).toEqual([]);
      expect(Object.values({ ...id })).toEqual([]);
    });

    it('and is immutable', () => {
      expect(Object.isFrozen(id)).toBe(true);
    });
  });

  it('residentIdCheckCharacter agrees with the definition of the standard', () => {
    let prefix = 11010519491231002n;
    for (let i = 0; i < 2000; i++, prefix += 7919n) {
      const first17 = String(prefix).padStart(17, '0');
      expect(residentIdCheckCharacter(first17)).toBe(checkOf(first17));
    }
    expect(() => residentIdCheckCharacter('1101051949123100')).toThrow();
    expect(() => residentIdCheckCharacter('1101051949123100X')).toThrow();
  });
});
