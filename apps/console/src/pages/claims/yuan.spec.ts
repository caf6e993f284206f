import { formatFen } from '../../money';
import { yuanToFen } from './yuan';

describe('an amount typed in yuan', () => {
  it('becomes integer fen without a float', () => {
    expect(yuanToFen('4080')).toBe(408_000);
    expect(yuanToFen('4,080.5')).toBe(408_050);
    expect(yuanToFen(' 0.07 ')).toBe(7);
    expect(yuanToFen('1234567.89')).toBe(123_456_789);
    // 0.1 + 0.2 as floats is not 0.3: here the fen are exact
    expect(formatFen(yuanToFen('0.30')!)).toBe('¥0.30');
  });

  it('refuses what is not an amount in yuan with at most two decimals', () => {
    for (const text of ['', '-5', '1.234', 'abc', '1,23', '¥5', '5.'])
      expect(yuanToFen(text)).toBeUndefined();
  });
});
