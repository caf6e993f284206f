// What policy is in force in a jurisdiction on a date (DOMAIN §7). Per level of the jurisdiction's
// chain (county, city, province) the version in force is the published one with the latest
// effective date not after the date — a later version supersedes an earlier one from its own date,
// whole; of two with the same date, the one published later. Each parameter then comes from the
// nearest level whose version sets it. A parameter no level sets stays "not set": a rule needing it
// is not applied and says so (`lookupParameter`, `requireParameter`), never a silent default.
import { chainOf } from '../../jurisdictions/jurisdiction-directory';
import {
  PARAMETERS,
  parameterEntry,
  valueAt,
  type ParameterField,
  type ParameterGroup,
  type ParameterPath,
  type ParameterValue,
  type PolicyParameters,
} from './policy-parameters';
import { PolicyParameterNotSet } from './policy-version.errors';

/** What resolution needs of a published version. */
export interface PublishedVersion {
  readonly versionId: string;
  readonly jurisdiction: string;
  /** 'YYYY-MM-DD' */
  readonly effectiveFrom: string;
  /** ISO instant: orders versions of the same jurisdiction and date */
  readonly publishedAt: string;
  readonly parameters: PolicyParameters;
}

export interface ParameterSource {
  readonly parameter: ParameterPath;
  readonly versionId: string;
  readonly jurisdiction: string;
}

export interface ResolvedPolicy<V extends PublishedVersion = PublishedVersion> {
  readonly jurisdiction: string;
  readonly date: string;
  /** the jurisdiction and the levels above it, nearest first */
  readonly chain: readonly string[];
  /** the version in force at each level that has one, nearest first */
  readonly inForce: readonly V[];
  /** the parameters in force; what no level sets is left out */
  readonly parameters: PolicyParameters;
  /** where each parameter in force comes from, in catalogue order */
  readonly sources: readonly ParameterSource[];
  /** the versions at least one parameter comes from, nearest first */
  readonly versionIdsUsed: readonly string[];
  /** the parameters no level sets, in catalogue order */
  readonly notSet: readonly ParameterPath[];
}

/** Latest effective date first; of equal dates, published later first; then by id, so the order is total. */
export function compareByPrecedence(a: PublishedVersion, b: PublishedVersion): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom ? -1 : 1;
  const published = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  if (published !== 0) return published;
  return a.versionId < b.versionId ? 1 : a.versionId > b.versionId ? -1 : 0;
}

/** The version of `jurisdiction` in force on `date`, if any. */
export function versionInForce<V extends PublishedVersion>(
  versions: readonly V[],
  jurisdiction: string,
  date: string,
): V | undefined {
  return versions
    .filter((v) => v.jurisdiction === jurisdiction && v.effectiveFrom <= date)
    .sort(compareByPrecedence)[0];
}

export function resolvePolicy<V extends PublishedVersion>(
  jurisdiction: string,
  date: string,
  published: readonly V[],
): ResolvedPolicy<V> {
  const chain = chainOf(jurisdiction);
  const inForce = chain.flatMap((level) => versionInForce(published, level, date) ?? []);
  const groups: Record<string, Record<string, unknown>> = {};
  const sources: ParameterSource[] = [];
  const notSet: ParameterPath[] = [];
  for (const entry of PARAMETERS) {
    const from = inForce.find((version) => valueAt(version.parameters, entry) !== undefined);
    if (!from) {
      notSet.push(entry.path);
      continue;
    }
    (groups[entry.group] ??= {})[entry.field] = valueAt(from.parameters, entry);
    sources.push({ parameter: entry.path, versionId: from.versionId, jurisdiction: from.jurisdiction });
  }
  const used = new Set(sources.map((s) => s.versionId));
  return {
    jurisdiction,
    date,
    chain,
    inForce,
    parameters: groups as PolicyParameters,
    sources,
    versionIdsUsed: inForce.filter((v) => used.has(v.versionId)).map((v) => v.versionId),
    notSet,
  };
}

export type ParameterLookup<T> =
  | { readonly set: true; readonly value: T; readonly versionId: string; readonly jurisdiction: string }
  | {
      readonly set: false;
      readonly parameter: ParameterPath;
      /** why the rule that needs it is not applied, for the user */
      readonly reason: { readonly zh: string; readonly en: string };
    };

/** A parameter in force, with the version it comes from — or "not set", with the reason to show. */
export function lookupParameter<G extends ParameterGroup, F extends ParameterField<G>>(
  resolved: ResolvedPolicy,
  group: G,
  field: F,
): ParameterLookup<ParameterValue<G, F>> {
  const path = `${group}.${field}` as ParameterPath;
  const source = resolved.sources.find((s) => s.parameter === path);
  if (source) {
    const value = valueAt(resolved.parameters, parameterEntry(path)) as ParameterValue<G, F>;
    return { set: true, value, versionId: source.versionId, jurisdiction: source.jurisdiction };
  }
  const error = notSetError(resolved, path);
  return { set: false, parameter: path, reason: { zh: error.messageZh, en: error.messageEn } };
}

/** The value of a parameter a rule cannot go without; throws POLICY.PARAMETER_NOT_SET when no level sets it. */
export function requireParameter<G extends ParameterGroup, F extends ParameterField<G>>(
  resolved: ResolvedPolicy,
  group: G,
  field: F,
): ParameterValue<G, F> {
  const found = lookupParameter(resolved, group, field);
  if (!found.set) throw notSetError(resolved, found.parameter);
  return found.value;
}

function notSetError(resolved: ResolvedPolicy, path: ParameterPath): PolicyParameterNotSet {
  const { label } = parameterEntry(path);
  return new PolicyParameterNotSet({
    parameter: path,
    nameZh: label.zh,
    nameEn: label.en,
    jurisdiction: resolved.jurisdiction,
    date: resolved.date,
  });
}

export interface Supersession {
  readonly supersededFrom: string;
  readonly supersededBy: string;
}

/** For each published version a later one of its jurisdiction takes over from: from when, and which. */
export function supersessions(published: readonly PublishedVersion[]): ReadonlyMap<string, Supersession> {
  const result = new Map<string, Supersession>();
  const byJurisdiction = new Map<string, PublishedVersion[]>();
  for (const version of published) {
    const list = byJurisdiction.get(version.jurisdiction) ?? [];
    list.push(version);
    byJurisdiction.set(version.jurisdiction, list);
  }
  for (const versions of byJurisdiction.values()) {
    // oldest precedence first: each is superseded by the next
    const ordered = [...versions].sort(compareByPrecedence).reverse();
    ordered.forEach((version, i) => {
      const next = ordered[i + 1];
      if (next)
        result.set(version.versionId, { supersededFrom: next.effectiveFrom, supersededBy: next.versionId });
    });
  }
  return result;
}
