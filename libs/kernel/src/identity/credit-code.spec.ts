import { CreditCode, creditCodeCheckCharacter } from './credit-code';

// Computed here from the definition in GB 32100-2015 — weights 3^i mod 31, check value
// (31 - sum mod 31) mod 31 — independently of the tables in the implementation.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function checkOf(first17: string): string {
  let sum = 0;
  for (let i = 0, weight = 1; i < 17; i++, weight = (weight * 3) % 31)
    sum += CHARSET.indexOf(first17[i]) * weight;
  return CHARSET[(31 - (sum % 31)) % 31];
}
const withCheck = (first17: string) => first17 + checkOf(first17);

const valid = (input: string) => {
  const result = CreditCode.parse(input);
  if (!result.ok) throw new Error(`expected ${input} to be valid, got ${result.reason.code}`);
  return result.value;
};
const reasonOf = (input: string) => {
  const result = CreditCode.parse(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.reason;
};

describe('CreditCode', () => {
  describe('accepts valid codes', () => {
    it('91110000600037341L, whose check character is derived by hand', () => {
      // Values × weights of the 17 characters (zeros left out):
      //   9×1 + 1×3 + 1×9 + 1×27 + 6×20 + 3×8 + 7×24 + 3×10 + 4×30 + 1×28
      //   = 9 + 3 + 9 + 27 + 120 + 24 + 168 + 30 + 120 + 28 = 538
      // 538 mod 31 = 11; (31 − 11) mod 31 = 20; CHARSET[20] = 'L' (A=10 … H=17, J=18, K=19, L=20).
      expect(checkOf('91110000600037341')).toBe('L');
      expect(valid('91110000600037341L').value).toBe('91110000600037341L');
    });

    it('91350100M000100Y43, with letters among the characters', () => {
      expect(checkOf('91350100M000100Y4')).toBe('3');
      const code = valid('91350100M000100Y43');
      expect(code.registrationAuthority).toBe('9');
      expect(code.entityType).toBe('1');
      expect(code.regionCode).toBe('350100');
      expect(code.organisationCode).toBe('M000100Y4');
    });

    it.each([
      ['a check value of 0 (sum a multiple of 31)', '914403001923174530'],
      ['a check value of 30, the last character Y', '5111000050000000UY'],
      ['a social organisation registered by civil affairs', '52110000MJ00000003'],
    ])('%s: %s', (_label, input) => {
      expect(checkOf(input.slice(0, 17))).toBe(input[17]);
      expect(valid(input).value).toBe(input);
    });

    it('in lower case, normalised to upper case', () => {
      const code = valid('91350100m000100y43');
      expect(code.value).toBe('91350100M000100Y43');
      expect(code.equals(valid('91350100M000100Y43'))).toBe(true);
    });
  });

  describe('rejects', () => {
    it.each([
      ['a wrong check character', '91110000600037341K'],
      ['a mistyped character', '91110000600037342L'],
      ['two swapped characters', '91110000600073341L'],
      ['another character where the check value 0 is due', '91440300192317453Q'],
    ])('%s with CREDIT_CODE.CHECKSUM', (_label, input) => {
      const reason = reasonOf(input);
      expect(reason.code).toBe('CREDIT_CODE.CHECKSUM');
      expect(reason.messageZh).toContain(input);
      expect(reason.messageEn).toContain(input);
      expect(reason.messageEn).toMatch(/check character/);
    });

    it.each(['I', 'O', 'Z', 'S', 'V', 'i', 'o', 'z', 's', 'v', '-', ' ', '中', '*'])(
      'the character %j with CREDIT_CODE.CHARSET',
      (bad) => {
        const input = `91110000600${bad}37341L`;
        const reason = reasonOf(input);
        expect(reason.code).toBe('CREDIT_CODE.CHARSET');
        expect(reason.messageEn).toContain(JSON.stringify(bad.toUpperCase()));
        expect(reason.messageZh).toMatch(/I、O、Z、S、V/);
      },
    );

    it.each([
      ['empty', ''],
      ['17 characters', '91110000600037341'],
      ['19 characters', '91110000600037341L0'],
      ['an old 15-digit registration number', '110000000000001'],
      ['an old organisation code', '60003734-1'],
    ])('%s with CREDIT_CODE.LENGTH', (_label, input) => {
      expect(reasonOf(input).code).toBe('CREDIT_CODE.LENGTH');
    });

    it('a non-string with CREDIT_CODE.LENGTH', () => {
      expect(reasonOf(undefined as unknown as string).code).toBe('CREDIT_CODE.LENGTH');
    });

    it('letters in the region code (positions 3–8) with CREDIT_CODE.REGION, even with a valid check', () => {
      expect(reasonOf(withCheck('91A10000600037341')).code).toBe('CREDIT_CODE.REGION');
      expect(reasonOf(withCheck('9111000Y600037341')).code).toBe('CREDIT_CODE.REGION');
    });
  });

  it('serialises as the code itself, which is public data', () => {
    const code = valid('91350100m000100y43');
    expect(String(code)).toBe('91350100M000100Y43');
    expect(JSON.stringify({ code })).toBe('{"code":"91350100M000100Y43"}');
    expect(Object.isFrozen(code)).toBe(true);
  });

  it('creditCodeCheckCharacter agrees with the definition of the standard', () => {
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      let first17 = '';
      for (let j = 0; j < 17; j++) {
        seed = (seed * 48271) % 2147483647; // MINSTD: the same codes every run
        first17 += CHARSET[seed % 31];
      }
      expect(creditCodeCheckCharacter(first17)).toBe(checkOf(first17));
    }
    expect(() => creditCodeCheckCharacter('9111000060003734')).toThrow();
    expect(() => creditCodeCheckCharacter('9111000060003734I')).toThrow();
  });
});
