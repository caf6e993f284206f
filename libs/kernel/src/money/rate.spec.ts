import { MoneyError } from './money.errors';
import { Rate } from './rate';

describe('Rate', () => {
  it.each([
    ['0.8', 4n, 5n],
    ['1', 1n, 1n],
    ['0', 0n, 1n],
    ['1.25', 5n, 4n],
    ['20%', 1n, 5n],
    ['12.5%', 1n, 8n],
    ['100%', 1n, 1n],
    ['0.0001', 1n, 10000n],
    ['0.50', 1n, 2n],
    ['150%', 3n, 2n],
  ])('parses %j exactly as %s/%s', (text, numerator, denominator) => {
    const rate = Rate.parse(text);
    expect(rate.numerator).toBe(numerator);
    expect(rate.denominator).toBe(denominator);
  });

  it('reduces ratios, so equal rates are equal however written', () => {
    expect(Rate.of(2, 4).equals(Rate.parse('50%'))).toBe(true);
    expect(Rate.of(2n, 6n).toString()).toBe('1/3');
    expect(Rate.of(0, 7).toString()).toBe('0/1');
    expect(Rate.of(1, 3).equals(Rate.parse('0.3333'))).toBe(false);
  });

  it.each([
    '',
    '.5',
    '5.',
    '-0.2',
    '+0.2',
    ' 0.2',
    '0.2 ',
    '1e-3',
    '0.8%%',
    '%',
    '20 %',
    '0,8',
    'abc',
    '0x10',
  ])('refuses the string %j', (text) => {
    expect(() => Rate.parse(text)).toThrow(MoneyError);
    expect(() => Rate.parse(text)).toThrow(expect.objectContaining({ code: 'MONEY.INVALID_RATE' }));
  });

  it.each([
    [1, 0],
    [1, -3],
    [-1, 3],
    [1.5, 2],
    [1, 2.5],
    [NaN, 1],
    [2 ** 53, 1],
    [-1n, 2n],
    [1n, 0n],
  ])('refuses the ratio %p/%p', (numerator, denominator) => {
    expect(() => Rate.of(numerator, denominator)).toThrow(
      expect.objectContaining({ code: 'MONEY.INVALID_RATE' }),
    );
  });

  it('accepts big ratios as bigint', () => {
    expect(Rate.of(10n ** 30n, 3n * 10n ** 30n).toString()).toBe('1/3');
  });

  it('from() takes a Rate, a string or a ratio, and refuses a float', () => {
    const rate = Rate.parse('0.8');
    expect(Rate.from(rate)).toBe(rate);
    expect(Rate.from('80%').equals(rate)).toBe(true);
    expect(Rate.from({ numerator: 8, denominator: 10 }).equals(rate)).toBe(true);
    expect(() => Rate.from(0.8 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'MONEY.INVALID_RATE' }),
    );
    expect(() => Rate.from(null as unknown as string)).toThrow(MoneyError);
  });

  it('explains a refusal in Chinese and English', () => {
    try {
      Rate.parse('-0.2');
      throw new Error('expected a MoneyError');
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyError);
      const e = error as MoneyError;
      expect(e.messageZh).toContain('"-0.2"');
      expect(e.messageZh).toMatch(/比率/);
      expect(e.messageEn).toContain('"-0.2"');
    }
  });

  it('is immutable', () => {
    expect(Object.isFrozen(Rate.parse('0.8'))).toBe(true);
  });
});
