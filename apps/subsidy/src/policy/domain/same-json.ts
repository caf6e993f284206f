// Equality of JSON values regardless of key order: what "changed" means for parameters and targets.
import { canonicalJson } from '@jineng/ddd';

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
