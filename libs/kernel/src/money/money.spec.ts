import { Money } from './money';
import { MoneyError } from './money.errors';
import { Rate } from './rate';

const MAX = Number.MAX_SAFE_INTEGER;
const fen = (list: Money[]) => list.map((m) => m.toFen());
const code = (c: string) => expect.objectContaining({ code: c });

describe('Money', () => {
  describe('creation', () => {
    it('holds integer fen', () => {
      expect(Money.fen(123456).toFen()).toBe(123456);
      expect(Money.fen(-5).toFen()).toBe(-5);
      expect(Money.fen(123n).toFen()).toBe(123);
      expect(Money.fen(MAX).toFen()).toBe(MAX);
      expect(Money.fen(-MAX).toFen()).toBe(-MAX);
    });

    it.each([1.5, 0.1, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 1e300])('refuses %p fen', (n) => {
      expect(() => Money.fen(n)).toThrow(MoneyError);
      expect(() => Money.fen(n)).toThrow(code('MONEY.NOT_SAFE_INTEGER'));
    });

    it('refuses a bigint beyond the safe range and a string', () => {
      expect(() => Money.fen(2n ** 53n)).toThrow(code('MONEY.NOT_SAFE_INTEGER'));
      expect(() => Money.fen('100' as unknown as number)).toThrow(code('MONEY.NOT_SAFE_INTEGER'));
    });

    it('says in both languages what was wrong', () => {
      expect(() => Money.fen(1.5)).toThrow(/safe integer number of fen, got 1.5/);
      try {
        Money.fen(1.5);
      } catch (e) {
        expect((e as MoneyError).messageZh).toContain('1.5');
        expect((e as MoneyError).messageZh).toMatch(/整数分/);
      }
    });

    it('turns -0 into 0', () => {
      expect(Object.is(Money.fen(-0).toFen(), 0)).toBe(true);
      expect(Money.fen(-0).format()).toBe('¥0.00');
      expect(Object.is(Money.ZERO.negate().toFen(), 0)).toBe(true);
    });

    it('takes whole yuan only in Money.yuan', () => {
      expect(Money.yuan(12).toFen()).toBe(1200);
      expect(Money.yuan(-3).toFen()).toBe(-300);
      expect(Money.yuan(0).isZero()).toBe(true);
      expect(() => Money.yuan(12.5)).toThrow(code('MONEY.NOT_SAFE_INTEGER'));
      expect(() => Money.yuan(12.5)).toThrow(/Money.parse/);
      expect(() => Money.yuan(NaN)).toThrow(code('MONEY.NOT_SAFE_INTEGER'));
      expect(() => Money.yuan(Math.floor(MAX / 10))).toThrow(code('MONEY.OVERFLOW'));
    });

    it('is immutable', () => {
      const m = Money.fen(100);
      expect(Object.isFrozen(m)).toBe(true);
      m.add(Money.fen(1));
      m.negate();
      expect(m.toFen()).toBe(100);
    });
  });

  describe('parse', () => {
    it.each([
      ['1234.56', 123456],
      ['0.5', 50],
      ['0.05', 5],
      ['12', 1200],
      ['0', 0],
      ['-0.01', -1],
      ['-1234.5', -123450],
      ['007.10', 710],
      ['90071992547409.91', MAX],
      ['-90071992547409.91', -MAX],
    ])('reads %j as %p fen', (text, expected) => {
      expect(Money.parse(text).toFen()).toBe(expected);
    });

    it('reads -0.00 as zero, not negative', () => {
      expect(Money.parse('-0.00').isNegative()).toBe(false);
      expect(Money.parse('-0.00').format()).toBe('¥0.00');
    });

    it.each([
      '1.234',
      '0.001',
      '1,234.56',
      '+1',
      '.5',
      '1.',
      '',
      ' 1',
      '1 ',
      '1e3',
      '¥1',
      '１２',
      'NaN',
      '--1',
      '1.2.3',
    ])('refuses %j', (text) => {
      expect(() => Money.parse(text)).toThrow(code('MONEY.PARSE'));
    });

    it('refuses an amount beyond the safe range', () => {
      expect(() => Money.parse('90071992547409.92')).toThrow(code('MONEY.OVERFLOW'));
    });

    it('reads back what toDecimalString writes', () => {
      for (const n of [0, 1, 5, 10, 99, 100, 123456, -1, -50, -123456, MAX, -MAX]) {
        const m = Money.fen(n);
        expect(Money.parse(m.toDecimalString()).equals(m)).toBe(true);
      }
      expect(Money.fen(-5).toDecimalString()).toBe('-0.05');
      expect(Money.fen(123450).toDecimalString()).toBe('1234.50');
    });
  });

  describe('arithmetic and comparison', () => {
    it('adds, subtracts and negates', () => {
      expect(Money.fen(150).add(Money.fen(-200)).toFen()).toBe(-50);
      expect(Money.fen(150).subtract(Money.fen(200)).toFen()).toBe(-50);
      expect(Money.fen(150).negate().toFen()).toBe(-150);
      expect(Money.fen(-150).negate().toFen()).toBe(150);
    });

    it('refuses to leave the safe range instead of losing precision', () => {
      expect(() => Money.fen(MAX).add(Money.fen(1))).toThrow(code('MONEY.OVERFLOW'));
      expect(() => Money.fen(-MAX).subtract(Money.fen(1))).toThrow(code('MONEY.OVERFLOW'));
      expect(Money.fen(MAX).add(Money.fen(-1)).toFen()).toBe(MAX - 1);
    });

    it('sums a list', () => {
      expect(Money.sum([Money.fen(1), Money.fen(2), Money.fen(-10)]).toFen()).toBe(-7);
      expect(Money.sum([]).isZero()).toBe(true);
    });

    it('tells zero, negative and positive apart', () => {
      expect([Money.fen(0).isZero(), Money.fen(1).isZero(), Money.fen(-1).isZero()]).toEqual([
        true,
        false,
        false,
      ]);
      expect([Money.fen(-1).isNegative(), Money.fen(0).isNegative(), Money.fen(1).isNegative()]).toEqual([
        true,
        false,
        false,
      ]);
      expect([Money.fen(1).isPositive(), Money.fen(0).isPositive(), Money.fen(-1).isPositive()]).toEqual([
        true,
        false,
        false,
      ]);
    });

    it('compares', () => {
      const [a, b] = [Money.fen(100), Money.fen(200)];
      expect(a.compareTo(b)).toBe(-1);
      expect(b.compareTo(a)).toBe(1);
      expect(a.compareTo(Money.fen(100))).toBe(0);
      expect(a.equals(Money.fen(100))).toBe(true);
      expect(a.equals(b)).toBe(false);
      expect([
        a.isLessThan(b),
        a.isLessThanOrEqual(b),
        a.isGreaterThan(b),
        a.isGreaterThanOrEqual(b),
      ]).toEqual([true, true, false, false]);
      expect([
        a.isLessThan(a),
        a.isLessThanOrEqual(a),
        a.isGreaterThan(a),
        a.isGreaterThanOrEqual(a),
      ]).toEqual([false, true, false, true]);
      expect(fen([b, Money.fen(-3), a].sort((x, y) => x.compareTo(y)))).toEqual([-3, 100, 200]);
    });
  });

  describe('multiplyByRate (round half up on the fen, halves away from zero)', () => {
    it.each([
      [1000, '0.8', 800],
      [12345, '20%', 2469],
      [5, '0.5', 3], // 2.5 → 3
      [-5, '0.5', -3], // -2.5 → -3, away from zero
      [3, '0.5', 2], // 1.5 → 2
      [-3, '0.5', -2],
      [25000, '0.0001', 3], // 2.5 → 3
      [24999, '0.0001', 2], // 2.4999 → 2
      [25001, '0.0001', 3], // 2.5001 → 3
      [-24999, '0.0001', -2],
      [-25001, '0.0001', -3],
      [100, '12.5%', 13], // 12.5 → 13
      [101, '1.5', 152], // 151.5 → 152
      [100, '1.005', 101], // 100.5 exactly; 100 * 1.005 in floats is 100.49999999999999
      [100, '0.29', 29], // 100 * 0.29 in floats is 28.999999999999996
      [123456, '1', 123456],
      [123456, '100%', 123456],
    ])('%p fen × %j = %p fen', (amount, rate, expected) => {
      expect(Money.fen(amount).multiplyByRate(rate).toFen()).toBe(expected);
    });

    it('takes an exact ratio of integers or bigints', () => {
      expect(Money.fen(100).multiplyByRate({ numerator: 1, denominator: 3 }).toFen()).toBe(33); // 33.33
      expect(Money.fen(200).multiplyByRate({ numerator: 1, denominator: 3 }).toFen()).toBe(67); // 66.67
      expect(Money.fen(150).multiplyByRate({ numerator: 1n, denominator: 100n }).toFen()).toBe(2); // 1.5
      expect(Money.fen(-150).multiplyByRate({ numerator: 1n, denominator: 100n }).toFen()).toBe(-2);
      expect(Money.fen(100).multiplyByRate(Rate.of(2, 3)).toFen()).toBe(67);
    });

    it('is exact for the largest amounts, where floats are not', () => {
      // MAX × 0.5 = 4503599627370495.5 → …496; the float product cannot even represent the half.
      expect(Money.fen(MAX).multiplyByRate('0.5').toFen()).toBe(4503599627370496);
      expect(Money.fen(MAX).multiplyByRate({ numerator: 999_999, denominator: 1_000_000 }).toFen()).toBe(
        Number((BigInt(MAX) * 999_999n + 500_000n) / 1_000_000n),
      );
    });

    it('gives zero, not -0, for a zero rate', () => {
      const zero = Money.fen(-5).multiplyByRate('0');
      expect(Object.is(zero.toFen(), 0)).toBe(true);
      expect(zero.format()).toBe('¥0.00');
    });

    it('refuses a result beyond the safe range', () => {
      expect(() => Money.fen(MAX).multiplyByRate('2')).toThrow(code('MONEY.OVERFLOW'));
    });

    it.each([
      ['a float', 0.8],
      ['a negative rate', '-0.2'],
      ['a malformed string', '80 %'],
      ['a zero denominator', { numerator: 1, denominator: 0 }],
      ['a fractional numerator', { numerator: 0.5, denominator: 1 }],
    ])('refuses %s', (_label, rate) => {
      expect(() => Money.fen(100).multiplyByRate(rate as never)).toThrow(code('MONEY.INVALID_RATE'));
    });
  });

  describe('allocate (largest remainder, ties to earlier parts)', () => {
    it('splits 100 fen into 3 without losing the fen naive rounding loses', () => {
      const naive = [1, 1, 1].map(() => Math.round(100 / 3));
      expect(naive.reduce((a, b) => a + b)).toBe(99);
      expect(fen(Money.fen(100).allocate([1, 1, 1]))).toEqual([34, 33, 33]);
    });

    it('does not invent the fen naive rounding invents', () => {
      // 5 / 2 = 2.5 each: rounding both gives 6.
      expect(fen(Money.fen(5).allocate([1, 1]))).toEqual([3, 2]);
    });

    it('gives the leftover fen to the largest remainder, not simply the first part', () => {
      // 33.33 and 66.67: the second part's remainder is larger.
      expect(fen(Money.fen(100).allocate([1, 2]))).toEqual([33, 67]);
      // 14.29, 28.57, 57.14: base 14 + 28 + 57 = 99, the largest remainder is the second part's.
      expect(fen(Money.fen(100).allocate([1, 2, 4]))).toEqual([14, 29, 57]);
    });

    it('splits exactly when it can', () => {
      expect(fen(Money.fen(1000).allocate([3, 7]))).toEqual([300, 700]);
      expect(fen(Money.fen(1000).allocate([1n, 1n]))).toEqual([500, 500]);
    });

    it('gives a zero ratio nothing, even when fen are left over', () => {
      expect(fen(Money.fen(101).allocate([0, 1, 1]))).toEqual([0, 51, 50]);
      expect(fen(Money.fen(1).allocate([1, 0, 1]))).toEqual([1, 0, 0]);
    });

    it('gives fewer fen than parts to the earliest parts', () => {
      expect(fen(Money.fen(5).allocate([1, 1, 1, 1, 1, 1, 1]))).toEqual([1, 1, 1, 1, 1, 0, 0]);
    });

    it('splits a negative amount as its absolute value, negated', () => {
      expect(fen(Money.fen(-100).allocate([1, 1, 1]))).toEqual([-34, -33, -33]);
      expect(fen(Money.fen(-100).allocate([1, 2]))).toEqual([-33, -67]);
    });

    it('splits zero into zeros', () => {
      expect(fen(Money.ZERO.allocate([1, 2]))).toEqual([0, 0]);
      expect(Money.ZERO.allocate([1, 2]).every((m) => Object.is(m.toFen(), 0))).toBe(true);
    });

    it('always sums to the total with every part within one fen of its exact share', () => {
      let seed = 42;
      const random = (n: number) => {
        seed = (seed * 48271) % 2147483647; // a fixed generator (MINSTD): the same cases every run
        return seed % n;
      };
      for (let run = 0; run < 500; run++) {
        const total = random(2_000_001) - 1_000_000;
        const ratios = Array.from({ length: 1 + random(12) }, () => random(1000));
        if (!ratios.some((r) => r > 0)) ratios[0] = 1;
        const parts = fen(Money.fen(total).allocate(ratios));
        const weight = ratios.reduce((a, b) => a + b);
        expect(parts.reduce((a, b) => a + b)).toBe(total);
        parts.forEach((p, i) => expect(Math.abs(p - (total * ratios[i]) / weight)).toBeLessThan(1));
      }
    });

    it('copes with the largest amounts and ratios', () => {
      const parts = Money.fen(MAX).allocate([MAX, MAX, 1]);
      expect(Money.sum(parts).toFen()).toBe(MAX);
      expect(fen(Money.fen(MAX).allocate([1, 1]))).toEqual([4503599627370496, 4503599627370495]);
    });

    it.each([
      ['no ratios', []],
      ['all zero', [0, 0]],
      ['a negative ratio', [1, -1]],
      ['a fractional ratio', [0.5, 0.5]],
      ['NaN', [NaN, 1]],
      ['a negative bigint', [1n, -1n]],
    ])('refuses %s', (_label, ratios) => {
      expect(() => Money.fen(100).allocate(ratios as number[])).toThrow(code('MONEY.INVALID_ALLOCATION'));
    });

    it('allocateEvenly splits into n parts, larger ones first', () => {
      expect(fen(Money.fen(100).allocateEvenly(3))).toEqual([34, 33, 33]);
      expect(fen(Money.fen(200).allocateEvenly(3))).toEqual([67, 67, 66]);
      expect(fen(Money.fen(-200).allocateEvenly(3))).toEqual([-67, -67, -66]);
      expect(fen(Money.fen(7).allocateEvenly(1))).toEqual([7]);
      expect(fen(Money.fen(2).allocateEvenly(4))).toEqual([1, 1, 0, 0]);
    });

    it.each([0, -1, 1.5, NaN])('allocateEvenly refuses %p parts', (n) => {
      expect(() => Money.fen(100).allocateEvenly(n)).toThrow(code('MONEY.INVALID_ALLOCATION'));
    });
  });

  describe('format and JSON', () => {
    it.each([
      [0, '¥0.00'],
      [5, '¥0.05'],
      [50, '¥0.50'],
      [99999, '¥999.99'],
      [100000, '¥1,000.00'],
      [123456, '¥1,234.56'],
      [-123456, '-¥1,234.56'],
      [-5, '-¥0.05'],
      [100000000, '¥1,000,000.00'],
      [123456789012, '¥1,234,567,890.12'],
      [MAX, '¥90,071,992,547,409.91'],
      [-MAX, '-¥90,071,992,547,409.91'],
    ])('formats %p fen as %s', (n, expected) => {
      expect(Money.fen(n).format()).toBe(expected);
      expect(`${Money.fen(n)}`).toBe(expected);
    });

    it('serialises as integer fen', () => {
      expect(Money.fen(123456).toJSON()).toBe(123456);
      expect(JSON.stringify({ subsidy: Money.parse('1234.56'), refund: Money.fen(-5) })).toBe(
        '{"subsidy":123456,"refund":-5}',
      );
      expect(Money.fen(JSON.parse(JSON.stringify(Money.fen(-77)))).equals(Money.fen(-77))).toBe(true);
    });
  });
});
