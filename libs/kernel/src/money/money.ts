import { quote } from '../kernel-error';
import { MoneyError } from './money.errors';
import { Rate, type RateInput } from './rate';

const DECIMAL_YUAN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An amount of renminbi in integer fen (分), immutable. Amounts are never floats: every operation
 * stays on safe integers, and anything that divides (rates, splits) is done exactly in BigInt.
 *
 * Rounding rule, the only one: when a rate gives a fraction of a fen, round half up on the fen,
 * halves away from zero (2.5 fen → 3, −2.5 fen → −3; 2.4999 → 2).
 */
export class Money {
  static readonly ZERO = new Money(0);

  private constructor(private readonly amount: number) {
    Object.freeze(this);
  }

  /** From integer fen, e.g. the value of a database column or of `toJSON()`. */
  static fen(fen: number | bigint): Money {
    return new Money(toSafeFen(fen));
  }

  /** From whole yuan only; for yuan and jiao/fen use `parse` or `fen`. */
  static yuan(yuan: number): Money {
    if (!Number.isSafeInteger(yuan)) {
      throw new MoneyError(
        'MONEY.NOT_SAFE_INTEGER',
        `Money.yuan 只接受整数元：${yuan}（带角分的金额请用 Money.parse 或 Money.fen）`,
        `Money.yuan takes whole yuan only: ${yuan} (use Money.parse or Money.fen for jiao and fen)`,
      );
    }
    return new Money(toSafeFen(BigInt(yuan) * 100n, `${yuan} yuan`));
  }

  /** From a decimal yuan string: '1234.56', '-0.5', '12' — at most two decimals, no grouping or sign '+'. */
  static parse(text: string): Money {
    const m = typeof text === 'string' ? DECIMAL_YUAN.exec(text) : null;
    if (!m) {
      throw new MoneyError(
        'MONEY.PARSE',
        `${quote(text)} 不是金额：应为最多两位小数的元，如 1234.56`,
        `${quote(text)} is not an amount: expected yuan with at most two decimals, such as 1234.56`,
      );
    }
    const [, sign, yuan, decimals = ''] = m;
    const fen = BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, '0'));
    return new Money(toSafeFen(sign ? -fen : fen, quote(text)));
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = Money.ZERO;
    for (const amount of amounts) total = total.add(amount);
    return total;
  }

  /** The amount in integer fen. */
  toFen(): number {
    return this.amount;
  }

  add(other: Money): Money {
    return new Money(toSafeFen(this.amount + other.amount, `${this.amount} + ${other.amount}`));
  }

  subtract(other: Money): Money {
    return new Money(toSafeFen(this.amount - other.amount, `${this.amount} - ${other.amount}`));
  }

  negate(): Money {
    return new Money(toSafeFen(-this.amount));
  }

  isZero(): boolean {
    return this.amount === 0;
  }

  isNegative(): boolean {
    return this.amount < 0;
  }

  isPositive(): boolean {
    return this.amount > 0;
  }

  equals(other: Money): boolean {
    return this.amount === other.amount;
  }

  /** -1, 0 or 1; usable as a sort comparator: `list.sort((a, b) => a.compareTo(b))`. */
  compareTo(other: Money): -1 | 0 | 1 {
    return this.amount < other.amount ? -1 : this.amount > other.amount ? 1 : 0;
  }

  isGreaterThan(other: Money): boolean {
    return this.amount > other.amount;
  }

  isGreaterThanOrEqual(other: Money): boolean {
    return this.amount >= other.amount;
  }

  isLessThan(other: Money): boolean {
    return this.amount < other.amount;
  }

  isLessThanOrEqual(other: Money): boolean {
    return this.amount <= other.amount;
  }

  /** This amount times an exact rate ('0.8', '20%', {numerator: 1, denominator: 3}), rounded half up on the fen. */
  multiplyByRate(rate: RateInput): Money {
    const { numerator, denominator } = Rate.from(rate);
    const fen = divideRoundingHalfAwayFromZero(BigInt(this.amount) * numerator, denominator);
    return new Money(toSafeFen(fen, `${this.amount} × ${numerator}/${denominator}`));
  }

  /**
   * Splits this amount into parts proportional to `ratios` (non-negative integers, not all zero)
   * that add up to exactly this amount. Largest-remainder method: each part first gets its share
   * rounded toward zero, then the fen left over go one each to the parts with the largest remainders;
   * on equal remainders the earlier part gets the fen first. A zero ratio always gets zero. A
   * negative amount splits like its absolute value, negated.
   */
  allocate(ratios: readonly number[] | readonly bigint[]): Money[] {
    const weights = toWeights(ratios);
    const total = weights.reduce((a, b) => a + b, 0n);
    const magnitude = BigInt(Math.abs(this.amount));
    const sign = this.amount < 0 ? -1n : 1n;

    const shares = weights.map((w) => ({ fen: (magnitude * w) / total, remainder: (magnitude * w) % total }));
    // Fewer fen are left over than there are parts. Array#sort is stable, so on equal remainders the
    // earlier part comes first.
    const leftover = Number(magnitude - shares.reduce((sum, s) => sum + s.fen, 0n));
    const byLargestRemainder = [...shares].sort((a, b) =>
      a.remainder < b.remainder ? 1 : a.remainder > b.remainder ? -1 : 0,
    );
    for (const share of byLargestRemainder.slice(0, leftover)) share.fen += 1n;
    return shares.map((s) => new Money(Number(sign * s.fen)));
  }

  /** Splits this amount into n parts differing by at most one fen, the larger parts first. */
  allocateEvenly(n: number): Money[] {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new MoneyError(
        'MONEY.INVALID_ALLOCATION',
        `份数必须是正整数：${n}`,
        `the number of parts must be a positive integer: ${n}`,
      );
    }
    return this.allocate(Array.from({ length: n }, () => 1));
  }

  /** '¥1,234.56', '-¥1,234.56', '¥0.00'. */
  format(): string {
    return `${this.amount < 0 ? '-' : ''}¥${groupThousands(this.yuanPart())}.${this.fenPart()}`;
  }

  /** '1234.56', '-0.05': the form `Money.parse` reads back. */
  toDecimalString(): string {
    return `${this.amount < 0 ? '-' : ''}${this.yuanPart()}.${this.fenPart()}`;
  }

  toString(): string {
    return this.format();
  }

  /** Integer fen, so that JSON carries no float. */
  toJSON(): number {
    return this.amount;
  }

  private yuanPart(): string {
    return String(Math.floor(Math.abs(this.amount) / 100));
  }

  private fenPart(): string {
    return String(Math.abs(this.amount) % 100).padStart(2, '0');
  }
}

/**
 * A safe integer of fen, or a MoneyError: NOT_SAFE_INTEGER for a bad input amount, OVERFLOW when the
 * result of `expression` leaves the safe range. -0 becomes 0 so that it never prints as '-¥0.00'.
 */
function toSafeFen(value: number | bigint, expression?: string): number {
  const safe =
    typeof value === 'bigint'
      ? value <= MAX && value >= -MAX
      : typeof value === 'number' && Number.isSafeInteger(value);
  if (safe) return Number(value) + 0;
  if (expression !== undefined) throw overflow(expression);
  throw new MoneyError(
    'MONEY.NOT_SAFE_INTEGER',
    `金额必须是安全整数分，收到 ${String(value)}`,
    `an amount must be a safe integer number of fen, got ${String(value)}`,
  );
}

const overflow = (expression: string): MoneyError =>
  new MoneyError(
    'MONEY.OVERFLOW',
    `金额超出安全整数范围（±${Number.MAX_SAFE_INTEGER} 分）：${expression}`,
    `amount out of the safe integer range (±${Number.MAX_SAFE_INTEGER} fen): ${expression}`,
  );

/** n / d rounded to the nearest integer, halves away from zero; d > 0. */
function divideRoundingHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const quotient = n / d; // BigInt division truncates toward zero
  const remainder = n % d; // carries the sign of n
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < d) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
}

function toWeights(ratios: readonly number[] | readonly bigint[]): bigint[] {
  const invalid = (whyZh: string, whyEn: string) =>
    new MoneyError(
      'MONEY.INVALID_ALLOCATION',
      `无效的分配比例：${whyZh}`,
      `invalid allocation ratios: ${whyEn}`,
    );
  if (!Array.isArray(ratios) || ratios.length === 0)
    throw invalid('至少需要一个比例', 'at least one ratio is needed');
  const weights = ratios.map((r: number | bigint) => {
    if (typeof r === 'bigint' ? r < 0n : !Number.isSafeInteger(r) || r < 0) {
      throw invalid(
        `比例必须是非负整数，收到 ${String(r)}`,
        `ratios must be non-negative integers, got ${String(r)}`,
      );
    }
    return BigInt(r);
  });
  if (weights.every((w) => w === 0n)) throw invalid('比例不能全为零', 'ratios cannot all be zero');
  return weights;
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ',');
