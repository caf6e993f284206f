// Who may do what with policy versions. Writing: an admin whose jurisdiction covers the version's
// (a province admin for its cities and counties). Reading: a published version is public
// information (the seed documents are published openly), shown to anyone it applies to or whose
// jurisdiction covers it; a draft only to those who may write it.
import { isKnownJurisdiction, isWithin } from '@jineng/subsidy-computation';
import { ForeignJurisdiction, PolicyAdminRequired, UnknownJurisdiction } from '@jineng/subsidy-computation';

export interface Reader {
  readonly roles: readonly string[];
  readonly jurisdiction: string;
}

export const isAdmin = (reader: Reader): boolean => reader.roles.includes('admin');

/** Throws unless `actor` may draft, change or publish a version of `jurisdiction`. */
export function assertMayAdminister(actor: Reader, jurisdiction: string): void {
  if (!isAdmin(actor)) throw new PolicyAdminRequired({ roles: [...actor.roles] });
  assertKnownJurisdiction(jurisdiction);
  assertWithin(jurisdiction, actor);
}

export function assertKnownJurisdiction(jurisdiction: string): void {
  if (!isKnownJurisdiction(jurisdiction)) throw new UnknownJurisdiction({ jurisdiction });
}

/** Throws unless `jurisdiction` is the reader's or below it. */
export function assertWithin(jurisdiction: string, reader: Reader): void {
  if (!isWithin(jurisdiction, reader.jurisdiction)) {
    throw new ForeignJurisdiction({ jurisdiction, actorJurisdiction: reader.jurisdiction });
  }
}

export function mayRead(
  reader: Reader,
  version: { readonly jurisdiction: string; readonly status: 'draft' | 'published' },
): boolean {
  if (version.status === 'draft') {
    return isAdmin(reader) && isWithin(version.jurisdiction, reader.jurisdiction);
  }
  return (
    isWithin(version.jurisdiction, reader.jurisdiction) || isWithin(reader.jurisdiction, version.jurisdiction)
  );
}
