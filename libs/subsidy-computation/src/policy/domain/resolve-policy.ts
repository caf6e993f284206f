// What policy is in force in a jurisdiction on a date (DOMAIN §7). Per level of the jurisdiction's
// chain (county, city, province) the version in force is the published one with the latest
// effective date not after the date — a later version supersedes an earlier one from its own date,
// whole; of two with the same date, the one published later — unless that version has ended
// (effectiveUntil before the date): then that level has nothing in force, and an older version it
// superseded does not come back. Each parameter then comes from the nearest level whose version sets
// it. A parameter no level sets stays "not set": a rule needing it is not applied and says so
// (`lookupParameter`, `requireParameter`), never a silent default — nor a value of an expired plan.
import { chainOf } from '../../jurisdictions/jurisdiction-directory';
import {
  PARAMETERS,
  parameterEntry,
  valueAt,
  type ParameterClause,
  type ParameterField,
  type ParameterGroup,
  type ParameterPath,
  type ParameterValue,
  type PolicyAssumption,
  type PolicyParameters,
} from './policy-parameters';
import { PolicyParameterNotSet } from './policy-version.errors';

/** What resolution needs of a published version. */
export interface PublishedVersion {
  readonly versionId: string;
  readonly jurisdiction: string;
  /** 'YYYY-MM-DD' */
  readonly effectiveFrom: string;
  /** 'YYYY-MM-DD', the last day in force, where the document has an end */
  readonly effectiveUntil?: string;
  /** ISO instant: orders versions of the same jurisdiction and date */
  readonly publishedAt: string;
  readonly parameters: PolicyParameters;
  readonly assumptions?: readonly PolicyAssumption[];
  readonly clauses?: readonly ParameterClause[];
}

export interface ParameterSource {
  readonly parameter: ParameterPath;
  readonly versionId: string;
  readonly jurisdiction: string;
  /** the document's words it comes from, where the version quotes them */
  readonly quotes?: readonly string[];
  /** the version's readings it rests on: about its dates or this parameter */
  readonly assumptions?: readonly PolicyAssumption[];
}

/** A parameter no level sets that a version in force names without its value, with its words. */
export type NamedParameter = Required<
  Pick<ParameterSource, 'parameter' | 'versionId' | 'jurisdiction' | 'quotes'>
>;

export interface ResolvedPolicy<V extends PublishedVersion = PublishedVersion> {
  readonly jurisdiction: string;
  readonly date: string;
  /** the jurisdiction and the levels above it, nearest first */
  readonly chain: readonly string[];
  /** the version in force at each level that has one, nearest first */
  readonly inForce: readonly V[];
  /** the versions that would be in force at a level but ended before the date, nearest first */
  readonly ended: readonly V[];
  /** the parameters in force; what no level sets is left out */
  readonly parameters: PolicyParameters;
  /** where each parameter in force comes from, in catalogue order */
  readonly sources: readonly ParameterSource[];
  /** the versions at least one parameter comes from, nearest first */
  readonly versionIdsUsed: readonly string[];
  /** the parameters no level sets, in catalogue order */
  readonly notSet: readonly ParameterPath[];
  /** of those, the ones a version in force names without giving the value (nearest level's words) */
  readonly namedWithoutValue: readonly NamedParameter[];
}

/** Latest effective date first; of equal dates, published later first; then by id, so the order is total. */
export function compareByPrecedence(a: PublishedVersion, b: PublishedVersion): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom ? -1 : 1;
  const published = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  if (published !== 0) return published;
  return a.versionId < b.versionId ? 1 : a.versionId > b.versionId ? -1 : 0;
}

/**
 * The version that governs `jurisdiction`'s level on `date`: the latest to take effect by then. It is
 * in force unless it has ended; an ended one leaves the level empty (what it superseded stays superseded).
 */
export function levelOn<V extends PublishedVersion>(
  versions: readonly V[],
  jurisdiction: string,
  date: string,
): { readonly inForce?: V; readonly ended?: V } {
  const latest = versions
    .filter((v) => v.jurisdiction === jurisdiction && v.effectiveFrom <= date)
    .sort(compareByPrecedence)[0];
  if (!latest) return {};
  return hasEnded(latest, date) ? { ended: latest } : { inForce: latest };
}

/** Whether `version`'s window closed before `date` (its last day is included). */
export const hasEnded = (version: PublishedVersion, date: string): boolean =>
  version.effectiveUntil !== undefined && version.effectiveUntil < date;

/** The version of `jurisdiction` in force on `date`, if any. */
export function versionInForce<V extends PublishedVersion>(
  versions: readonly V[],
  jurisdiction: string,
  date: string,
): V | undefined {
  return levelOn(versions, jurisdiction, date).inForce;
}

export function resolvePolicy<V extends PublishedVersion>(
  jurisdiction: string,
  date: string,
  published: readonly V[],
): ResolvedPolicy<V> {
  const chain = chainOf(jurisdiction);
  const levels = chain.map((level) => levelOn(published, level, date));
  const inForce = levels.flatMap((level) => level.inForce ?? []);
  const groups: Record<string, Record<string, unknown>> = {};
  const sources: ParameterSource[] = [];
  const notSet: ParameterPath[] = [];
  const namedWithoutValue: NamedParameter[] = [];
  for (const entry of PARAMETERS) {
    const from = inForce.find((version) => valueAt(version.parameters, entry) !== undefined);
    if (!from) {
      notSet.push(entry.path);
      const naming = inForce.find((version) => clauseOf(version, entry.path));
      if (naming) {
        const { versionId, jurisdiction: where } = naming;
        namedWithoutValue.push({
          parameter: entry.path,
          versionId,
          jurisdiction: where,
          quotes: clauseOf(naming, entry.path)!.quotes,
        });
      }
      continue;
    }
    (groups[entry.group] ??= {})[entry.field] = valueAt(from.parameters, entry);
    sources.push(sourceOf(from, entry.path));
  }
  const used = new Set(sources.map((s) => s.versionId));
  return {
    jurisdiction,
    date,
    chain,
    inForce,
    ended: levels.flatMap((level) => level.ended ?? []),
    parameters: groups as PolicyParameters,
    sources,
    versionIdsUsed: inForce.filter((v) => used.has(v.versionId)).map((v) => v.versionId),
    notSet,
    namedWithoutValue,
  };
}

const clauseOf = (version: PublishedVersion, path: ParameterPath): ParameterClause | undefined =>
  version.clauses?.find((clause) => clause.parameter === path);

function sourceOf(version: PublishedVersion, path: ParameterPath): ParameterSource {
  const quotes = clauseOf(version, path)?.quotes ?? [];
  const assumptions = (version.assumptions ?? []).filter((a) =>
    ['effectiveFrom', 'effectiveUntil', path].includes(a.about),
  );
  return {
    parameter: path,
    versionId: version.versionId,
    jurisdiction: version.jurisdiction,
    ...(quotes.length > 0 ? { quotes } : {}),
    ...(assumptions.length > 0 ? { assumptions } : {}),
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
  const named = resolved.namedWithoutValue.find((n) => n.parameter === path);
  return new PolicyParameterNotSet({
    parameter: path,
    nameZh: label.zh,
    nameEn: label.en,
    jurisdiction: resolved.jurisdiction,
    date: resolved.date,
    // the plans that set it and have ended: why a value the user may remember is gone
    ended: resolved.ended
      .filter((v) => valueAt(v.parameters, parameterEntry(path)) !== undefined)
      .map((v) => ({ jurisdiction: v.jurisdiction, effectiveUntil: v.effectiveUntil! })),
    ...(named ? { namedBy: { jurisdiction: named.jurisdiction, quotes: [...named.quotes] } } : {}),
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
