// Money arrives as integer fen (分) and is shown as ¥ with two decimals, computed with integers only:
// one conversion, never a float and never rounded twice.
export function formatFen(fen: number | bigint | string): string {
  const value = typeof fen === 'bigint' ? fen : BigInt(typeof fen === 'string' ? fen.trim() : fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * An amount typed in yuan (`1500`, `1,500.5`, `0.05`) to integer fen, read as text digit by digit: never
 * a float. Thousands separators only where they belong (`1,500`, not `1,50`). Undefined when it is not a
 * positive amount with at most two decimals, or is beyond the exact integer range.
 */
export function parseYuanToFen(text: string): number | undefined {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const fen = BigInt(match[1].replace(/,/g, '')) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return fen > 0n && fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : undefined;
}
