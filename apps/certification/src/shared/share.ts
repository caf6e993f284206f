// Shares and rates as the contracts carry them: a string with 4 decimals, rounded half up; compared
// exactly in integers (exactly 80 % is not below 80 %).

/** `part / whole` as '0.8333'; undefined for an empty whole. */
export function shareOf(part: number, whole: number): string | undefined {
  if (whole === 0) return undefined;
  const basisPoints = Math.floor((part * 10_000 * 2 + whole) / (whole * 2));
  return (basisPoints / 10_000).toFixed(4);
}

/** A policy's minimum (0.85) as '0.8500'. */
export const minimumOf = (value: number): string => (Math.round(value * 10_000) / 10_000).toFixed(4);

/** Whether part / whole is below the minimum, exactly (no rounding of the share). */
export function isBelow(part: number, whole: number, minimum: number): boolean {
  return part * 10_000 < Math.round(minimum * 10_000) * whole;
}
