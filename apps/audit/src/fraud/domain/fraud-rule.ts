// A detective rule: a pure function of the facts, with an id and a version like a policy version —
// changing what a rule looks for or a threshold is a new version, and alerts name the version that
// raised them. A finding's key names what it is about, so the same finding is one alert whatever the
// number of scans (the alert id derives from rule, version and key).
import { uuidV5 } from '@jineng/ddd';
import type { FraudFacts } from './fraud-facts';

export interface FraudFinding {
  readonly ruleId: string;
  readonly ruleVersion: number;
  /** what it is about: stable across scans (ids, a year…) */
  readonly key: string;
  readonly jurisdictionCode: string;
  readonly summary: { readonly zh: string; readonly en: string };
  readonly figures: Record<string, string | number | boolean>;
  readonly evidenceEventIds: readonly string[];
  readonly workerIds?: readonly string[];
  readonly classIds?: readonly string[];
  readonly institutionIds?: readonly string[];
  readonly claimIds?: readonly string[];
  readonly deviceIds?: readonly string[];
  readonly payeeIds?: readonly string[];
}

export interface FraudRule {
  readonly id: string;
  readonly version: number;
  readonly title: { readonly zh: string; readonly en: string };
  detect(facts: FraudFacts): FraudFinding[];
}

const ALERT_NAMESPACE = 'a3f1c2d4-5b6e-5f70-8a9b-0c1d2e3f4a5b';

export const alertIdOf = (finding: Pick<FraudFinding, 'ruleId' | 'ruleVersion' | 'key'>): string =>
  uuidV5(ALERT_NAMESPACE, `${finding.ruleId}:v${finding.ruleVersion}:${finding.key}`);

/** The smallest jurisdiction holding every code (same county, else city, else province, else the first's province). */
export function commonJurisdiction(codes: readonly string[]): string {
  const known = codes.filter((c) => /^\d{6}$/.test(c));
  if (known.length === 0) return codes[0] ?? '';
  const [first] = known;
  if (known.every((c) => c === first)) return first;
  if (known.every((c) => c.slice(0, 4) === first.slice(0, 4))) return `${first.slice(0, 4)}00`;
  return `${first.slice(0, 2)}0000`;
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort();

/** Adds `item` to the list at `key`. */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
