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
  const invalid = findInvalid(value);
  if (invalid) throw new InvalidEventError(`${what}${invalid.path}: ${invalid.reason}`);
  return JSON.stringify(value);
}

interface Invalid {
  path: string;
  reason: string;
}

// A walk of its own rather than a JSON.stringify replacer (called for every key, it costs about twice
// the serialisation); the path of a bad value is only put together when there is one.
function findInvalid(value: unknown): Invalid | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'number':
      if (!Number.isFinite(value)) return { path: '', reason: `${value} is not a finite number` };
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        return { path: '', reason: `${value} is beyond the exact integer range; send it as a string` };
      }
      return undefined;
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const bad = findInvalid(value[i]);
          if (bad) return { path: `[${i}]${bad.path}`, reason: bad.reason };
        }
        return undefined;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        return { path: '', reason: `events are plain data, not ${proto?.constructor?.name ?? 'instances'}` };
      }
      for (const key in value) {
        const bad = findInvalid((value as Record<string, unknown>)[key]);
        if (bad) return { path: `.${key}${bad.path}`, reason: bad.reason };
      }
      return undefined;
    }
    default:
      return { path: '', reason: `a ${typeof value} cannot be stored in an event` };
  }
}
