// An amount typed in yuan ("4080", "4,080.5", "4080.00") to integer fen, with integers only: the text is
// split at the point, never parsed as a float. Anything else (three decimals, a sign, letters) is refused.
export function yuanToFen(text: string): number | undefined {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const fen = BigInt(match[1].replace(/,/g, '')) * 100n + BigInt((match[2] ?? '').padEnd(2, '0') || '0');
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : undefined;
}
