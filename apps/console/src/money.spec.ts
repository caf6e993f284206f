import { formatFen, parseYuanToFen } from './money';

describe('money shown from integer fen', () => {
  it('is ¥ with two decimals and thousands separators, from the integer alone', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(150000)).toBe('¥1,500.00');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-2550)).toBe('-¥25.50');
  });

  it('keeps every fen of amounts past a float’s exact range (as text or bigint)', () => {
    expect(formatFen('900719925474099301')).toBe('¥9,007,199,254,740,993.01');
    expect(formatFen(900719925474099301n)).toBe('¥9,007,199,254,740,993.01');
  });

  it('refuses what is not a whole number of fen rather than rounding it', () => {
    expect(() => formatFen(10.5)).toThrow();
    expect(() => formatFen('12.3')).toThrow();
  });
});

describe('an amount typed in yuan', () => {
  it('becomes integer fen from its digits, with at most two decimals', () => {
    expect(parseYuanToFen('1500')).toBe(150000);
    expect(parseYuanToFen('1,500.5')).toBe(150050);
    expect(parseYuanToFen(' 0.05 ')).toBe(5);
    expect(parseYuanToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999… as a float
    expect(parseYuanToFen('9999999999999.99')).toBe(999999999999999);
    expect(parseYuanToFen('1234567.89')).toBe(123_456_789);
    // 0.1 + 0.2 as floats is not 0.3: here the fen are exact
    expect(formatFen(parseYuanToFen('0.30')!)).toBe('¥0.30');
  });

  it('is refused when it is not a positive amount of whole fen', () => {
    for (const bad of [
      '',
      '0',
      '0.00',
      '-5',
      '1.234',
      'abc',
      '1e3',
      '12.',
      '¥5',
      '1,23',
      '1,5,00',
      '90071992547409.92',
    ])
      expect([bad, parseYuanToFen(bad)]).toEqual([bad, undefined]);
  });
});
