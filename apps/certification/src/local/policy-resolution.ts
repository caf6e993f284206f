// What policy is in force in a jurisdiction on a date (DOMAIN §7), as the subsidy service resolves it
// (apps/subsidy/src/policy/domain/resolve-policy.ts), read from the PolicyVersionPublished events this
// service keeps: per level of the jurisdiction's chain (county, city, province) the published version
// with the latest effective date not after the date (of two on one date, the one published later) —
// unless it has ended before the date: then that level has nothing in force. Each parameter comes from
// the nearest level whose version sets it; a parameter no level sets is not set, and the rule that
// needs it is not applied.
import type { subsidyV1 } from '@jineng/contracts';
import { JurisdictionCode } from '@jineng/kernel';

export type KnownPolicyVersion = {
  readonly versionId: string;
  readonly jurisdiction: string;
  readonly effectiveFrom: string;
  readonly effectiveUntil?: string;
  readonly publishedAt: string;
  readonly parameters: subsidyV1.PolicyParameters;
};

export type ResolvedParameter<T> = {
  readonly value: T;
  /** the version it was read from */
  readonly versionId: string;
};

/** The jurisdiction and the levels above it, nearest first. */
export function chainOf(code: string): string[] {
  const parsed = JurisdictionCode.parse(code);
  const chain: string[] = [];
  for (let at = parsed.ok ? parsed.value : undefined; at; at = at.parent()) chain.push(at.value);
  return chain;
}

/** The version in force at each level of the chain on `date`, nearest level first. */
export function versionsInForce(
  versions: readonly KnownPolicyVersion[],
  jurisdiction: string,
  date: string,
): KnownPolicyVersion[] {
  const inForce: KnownPolicyVersion[] = [];
  for (const level of chainOf(jurisdiction)) {
    const latest = versions
      .filter((v) => v.jurisdiction === level && v.effectiveFrom <= date)
      .sort(
        (a, b) =>
          b.effectiveFrom.localeCompare(a.effectiveFrom) || b.publishedAt.localeCompare(a.publishedAt),
      )[0];
    if (latest && !(latest.effectiveUntil !== undefined && latest.effectiveUntil < date))
      inForce.push(latest);
  }
  return inForce;
}

type Groups = Required<subsidyV1.PolicyParameters>;

/** One parameter in force, from the nearest level that sets it; undefined when none does. */
export function parameterInForce<G extends keyof Groups, F extends keyof Required<Groups[G]>>(
  versions: readonly KnownPolicyVersion[],
  jurisdiction: string,
  date: string,
  group: G,
  field: F,
): ResolvedParameter<Required<Groups[G]>[F]> | undefined {
  for (const version of versionsInForce(versions, jurisdiction, date)) {
    const value = (version.parameters[group] as Groups[G] | undefined)?.[field];
    if (value !== undefined) return { value: value as Required<Groups[G]>[F], versionId: version.versionId };
  }
  return undefined;
}
