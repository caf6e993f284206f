import { InvalidEventError } from '../event-store.port';

/**
 * Serialises event data once, refusing what would not come back as it went in: numbers that are
 * not finite, integers beyond the exact range (amounts are integer fen and must stay exact),
 * and class instances (events are plain data).
 */
export function eventJson(value: object, what: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidEventError(`${what} must be a JSON object`);
  }
  return JSON.stringify(value, function check(key, v: unknown) {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new InvalidEventError(`${what}.${key}: ${v} is not a finite number`);
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
        throw new InvalidEventError(
          `${what}.${key}: ${v} is beyond the exact integer range; send it as a string`,
        );
      }
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new InvalidEventError(
          `${what}.${key}: events are plain data, not ${proto?.constructor?.name ?? 'instances'}`,
        );
      }
    }
    return v;
  });
}
