import { InvalidEventError } from '../event-store.port';

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, numbers as JavaScript prints them.
 * The chain hashes this form, so the verifier can recompute it from what PostgreSQL gives back:
 * values that would not survive the jsonb round trip (non-finite numbers, unsafe integers,
 * NUL characters, undefined) are refused at append instead of breaking the chain later.
 */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      if (value.includes('\u0000')) throw new InvalidEventError(`${path}: NUL characters cannot be stored`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidEventError(`${path}: ${value} is not a finite number`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        throw new InvalidEventError(
          `${path}: ${value} is beyond the exact integer range; send it as a string`,
        );
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v, i) => canonicalJson(v, `${path}[${i}]`)).join(',')}]`;
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new InvalidEventError(
          `${path}: events are plain data, not ${value.constructor?.name ?? 'instances'}`,
        );
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k], `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new InvalidEventError(`${path}: a ${typeof value} cannot be stored in an event`);
  }
}
