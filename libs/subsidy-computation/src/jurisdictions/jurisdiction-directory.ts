// Lookups over the jurisdiction tree. Pure: domain code uses it. Parents follow the code
// (JurisdictionCode.parent), which the data agrees with (see the spec).
import { JurisdictionCode } from '@jineng/kernel';
import { JURISDICTIONS, type JurisdictionEntry } from './jurisdictions.data';

const BY_CODE: ReadonlyMap<string, JurisdictionEntry> = new Map(JURISDICTIONS.map((j) => [j.code, j]));

export function findJurisdiction(code: string): JurisdictionEntry | undefined {
  return BY_CODE.get(code);
}

export const isKnownJurisdiction = (code: string): boolean => BY_CODE.has(code);

/** The Chinese name, or the code itself for one the tree does not list. */
export const jurisdictionName = (code: string): string => BY_CODE.get(code)?.name ?? code;

/** The code parsed; throws a TypeError for a malformed one (callers pass validated codes). */
export function jurisdictionCode(code: string): JurisdictionCode {
  const parsed = JurisdictionCode.parse(code);
  if (!parsed.ok) throw new TypeError(parsed.reason.messageEn);
  return parsed.value;
}

/** The jurisdiction and every level above it, nearest first: county, city, province. */
export function chainOf(code: string): readonly string[] {
  const chain: string[] = [];
  for (let at: JurisdictionCode | undefined = jurisdictionCode(code); at; at = at.parent()) {
    chain.push(at.value);
  }
  return chain;
}

/** `inner` is `outer` or below it. */
export const isWithin = (inner: string, outer: string): boolean =>
  jurisdictionCode(inner).isWithin(jurisdictionCode(outer));

/** The parent code, or undefined for a province. */
export const parentOf = (code: string): string | undefined => jurisdictionCode(code).parent()?.value;

/** Known jurisdictions within `code` (itself included), or all, in code order. */
export function jurisdictionsWithin(code?: string): readonly JurisdictionEntry[] {
  const all = [...JURISDICTIONS].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return code === undefined ? all : all.filter((j) => isWithin(j.code, code));
}
