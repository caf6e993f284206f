import { quote } from '../kernel-error';
import { MoneyError } from './money.errors';

/** A rate as written in a policy, e.g. '0.8', '20%', '12.5%', or an exact ratio such as 1/3. */
export type RateInput =
  Rate | string | { readonly numerator: number | bigint; readonly denominator: number | bigint };

const DECIMAL = /^(\d+)(?:\.(\d+))?(%?)$/;

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * A non-negative exact rational. Never a float: 0.1 has no exact binary form, and a subsidy computed
 * from it could be a fen off. Negative rates are refused — a negative subsidy ratio is a bug; to
 * reverse an amount, negate the Money.
 */
export class Rate {
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {
    Object.freeze(this);
  }

  static of(numerator: number | bigint, denominator: number | bigint): Rate {
    const n = toBigInt(numerator, '分子', 'numerator');
    const d = toBigInt(denominator, '分母', 'denominator');
    if (d <= 0n)
      throw invalidRate(`${numerator}/${denominator}`, '分母必须为正', 'the denominator must be positive');
    if (n < 0n) throw invalidRate(`${numerator}/${denominator}`, '比率不能为负', 'a rate cannot be negative');
    const g = n === 0n ? d : gcd(n, d);
    return new Rate(n / g, d / g);
  }

  /** '0.8', '1', '1.25', '20%', '12.5%' — digits, at most one point, an optional trailing '%'. */
  static parse(text: string): Rate {
    const m = typeof text === 'string' ? DECIMAL.exec(text) : null;
    if (!m) {
      throw invalidRate(
        text,
        '应为十进制小数或百分数，如 0.8、20%',
        "expected a decimal or a percentage such as '0.8' or '20%'",
      );
    }
    const [, whole, fraction = '', percent] = m;
    const scale = 10n ** BigInt(fraction.length) * (percent ? 100n : 1n);
    return Rate.of(BigInt(whole + fraction), scale);
  }

  static from(input: RateInput): Rate {
    if (input instanceof Rate) return input;
    if (typeof input === 'string') return Rate.parse(input);
    if (input !== null && typeof input === 'object') return Rate.of(input.numerator, input.denominator);
    throw invalidRate(input, '应为字符串或整数比', 'expected a string or a ratio of integers');
  }

  equals(other: Rate): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  toString(): string {
    return `${this.numerator}/${this.denominator}`;
  }
}

function toBigInt(value: number | bigint, whatZh: string, whatEn: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw invalidRate(value, `${whatZh}必须是整数`, `the ${whatEn} must be an integer`);
}

const invalidRate = (input: unknown, whyZh: string, whyEn: string): MoneyError =>
  new MoneyError(
    'MONEY.INVALID_RATE',
    `无效的比率 ${quote(input)}：${whyZh}`,
    `invalid rate ${quote(input)}: ${whyEn}`,
  );
