// The policy a class is opened under (DOMAIN §7): per level of the class's jurisdiction chain (county,
// city, province) the published version in force on the start date — the latest to take effect by
// then (of equal dates the one published later), unless it has ended — and each parameter from the
// nearest level whose version sets it. The same reading as the subsidy service's, kept here from the
// PolicyVersionPublished events class-ops consumes (a service never imports another's code). A
// parameter no level sets is "not set": the rule needing it is not applied.
import { JurisdictionCode } from '@jineng/kernel';
import type { subsidyV1 } from '@jineng/contracts';
import type { JsonData } from './class.events';

export type PolicyParameters = JsonData<subsidyV1.PolicyParameters>;

/** What class-ops keeps of a PolicyVersionPublished.v1. */
export type PolicyVersionFact = {
  readonly versionId: string;
  readonly jurisdiction: string;
  readonly effectiveFrom: string;
  readonly effectiveUntil?: string;
  readonly publishedAt: string;
  readonly parameters: PolicyParameters;
};

type Groups = Required<PolicyParameters>;
export type ClassPolicy = {
  readonly classOpening: NonNullable<Groups['classOpening']>;
  readonly trainees: NonNullable<Groups['trainees']>;
  readonly claims: NonNullable<Groups['claims']>;
  readonly fundSources: NonNullable<Groups['fundSources']>;
  /** the versions at least one parameter comes from, nearest level first */
  readonly versionIds: readonly string[];
  /** the jurisdiction of the version each parameter came from (`trainees.localTiesAnyOf` → '530300') */
  readonly sourceOf: Readonly<Record<string, string>>;
};

const GROUPS = ['classOpening', 'trainees', 'claims', 'fundSources'] as const;

/** The jurisdiction and every level above it, nearest first. */
export function chainOf(jurisdiction: string): string[] {
  const parsed = JurisdictionCode.parse(jurisdiction);
  if (!parsed.ok) return [jurisdiction];
  const chain: string[] = [];
  for (let at: JurisdictionCode | undefined = parsed.value; at; at = at.parent()) chain.push(at.value);
  return chain;
}

function precedence(a: PolicyVersionFact, b: PolicyVersionFact): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom ? -1 : 1;
  const published = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  if (published !== 0) return published;
  return a.versionId < b.versionId ? 1 : -1;
}

/** The version in force at each level of `jurisdiction`'s chain on `date`, nearest first. */
export function versionsInForce(
  jurisdiction: string,
  date: string,
  versions: readonly PolicyVersionFact[],
): PolicyVersionFact[] {
  return chainOf(jurisdiction).flatMap((level) => {
    const latest = versions
      .filter((v) => v.jurisdiction === level && v.effectiveFrom <= date)
      .sort(precedence)[0];
    if (!latest || (latest.effectiveUntil !== undefined && latest.effectiveUntil < date)) return [];
    return [latest];
  });
}

export function classPolicy(
  jurisdiction: string,
  date: string,
  versions: readonly PolicyVersionFact[],
): ClassPolicy {
  const inForce = versionsInForce(jurisdiction, date, versions);
  const groups: Record<string, Record<string, unknown>> = {};
  const sourceOf: Record<string, string> = {};
  const used = new Set<string>();
  for (const group of GROUPS) {
    groups[group] = {};
    for (const version of inForce) {
      const values = (version.parameters[group] ?? {}) as Record<string, unknown>;
      for (const [field, value] of Object.entries(values)) {
        if (value === undefined || field in groups[group]) continue;
        groups[group][field] = value;
        sourceOf[`${group}.${field}`] = version.jurisdiction;
        used.add(version.versionId);
      }
    }
  }
  return {
    classOpening: groups.classOpening,
    trainees: groups.trainees,
    claims: groups.claims,
    fundSources: groups.fundSources,
    versionIds: inForce.filter((v) => used.has(v.versionId)).map((v) => v.versionId),
    sourceOf,
  } as ClassPolicy;
}
