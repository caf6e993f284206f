// JSON shapes for what crosses a boundary (events, error details). Events are data (ARCHITECTURE §2):
// primitives, arrays and plain objects only — no Date, no class instances, nothing JSON would lose.

export type JsonPrimitive = string | number | boolean | null;
export type ReadonlyJsonValue = JsonPrimitive | readonly ReadonlyJsonValue[] | ReadonlyJsonObject;
/** `undefined` is allowed so optional properties type-check; it is dropped, as JSON drops it. */
export type ReadonlyJsonObject = { readonly [key: string]: ReadonlyJsonValue | undefined };

type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/**
 * A deep copy of `value` as plain JSON, without `undefined` properties. Throws a TypeError naming the
 * path of the first value JSON cannot carry faithfully (Date, Map, class instance, NaN, bigint, ...).
 */
export function toJsonObject(value: unknown, path = '$'): JsonObject {
  if (!isPlainObject(value)) throw notJson(path, value);
  return toJson(value, path) as JsonObject;
}

function toJson(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notJson(path, value);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${path}[${i}]`));
  if (isPlainObject(value)) {
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) copy[key] = toJson(item, `${path}.${key}`);
    }
    return copy;
  }
  throw notJson(path, value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function notJson(path: string, value: unknown): TypeError {
  const kind =
    typeof value === 'object' && value !== null
      ? ((Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name ??
        'object')
      : typeof value === 'number'
        ? String(value)
        : typeof value;
  return new TypeError(`${path} is not plain JSON data (${kind})`);
}
