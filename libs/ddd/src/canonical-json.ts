// One text per JSON value, whoever writes it: object keys sorted at every level (by UTF-16 code
// units, as `<` compares them), no whitespace, `undefined` properties left out as JSON leaves them
// out. Two parties that hold the same data — the gateway that signs a payload and the service that
// receives it, a command and its retry — compute the same text, and so the same digest.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/** sha256 (lower-case hex) of `canonicalJson(value)`: what a request, a payload or a command's data "is". */
export function jsonDigest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    // no prototype: a key named __proto__ (JSON.parse makes it an own property) stays a property
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}
