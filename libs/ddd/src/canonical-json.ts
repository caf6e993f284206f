// One text per JSON value, whoever writes it: object keys sorted at every level (by UTF-16 code
// units, as `<` compares them), no whitespace, `undefined` properties left out as JSON leaves them
// out. Two parties that hold the same data — the gateway that signs a payload and the service that
// receives it, a command and its retry — compute the same text, and so the same digest.
import { hash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalCopy(value)) ?? 'null';
}

/** sha256 (lower-case hex) of `canonicalJson(value)`: what a request, a payload or a command's data "is". */
export function jsonDigest(value: unknown): string {
  // crypto.hash: one call, no Hash object (the digest is taken once per command, check-ins included)
  return hash('sha256', canonicalJson(value), 'hex');
}

/**
 * A copy of a JSON value with object keys in canonical order: its `JSON.stringify` is the canonical
 * text, and so is that of the same value parsed again (the gateway sends payloads in this order, so a
 * service's plain `JSON.stringify` of what it parsed is already canonical). A value with `toJSON` (a
 * Date) is taken as JSON.stringify takes it.
 */
export function canonicalCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return canonicalCopy(json.call(value));
  if (Array.isArray(value)) return value.map(canonicalCopy);
  // a plain object, which V8 stringifies fastest (one without a prototype is a slow dictionary);
  // a key named __proto__ (JSON.parse makes it an own property) is defined as a property, never set
  // as the prototype
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    if (key === '__proto__')
      Object.defineProperty(sorted, key, {
        value: canonicalCopy(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else sorted[key] = canonicalCopy(item);
  }
  return sorted;
}
