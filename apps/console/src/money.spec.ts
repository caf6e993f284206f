import { formatFen } from './money';

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
