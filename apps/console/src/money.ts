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
